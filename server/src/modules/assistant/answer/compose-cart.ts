// Answers for cart turns: what changed (or why nothing did: sign in, out of stock, unknown
// card), the cart's lines and total, and always the link to checkout, which never happens
// in the chat.
import type { Understood } from '../conversation/understand-turn.js';
import { effectsOf, type ComposeInput } from './compose-input.js';
import { bold, price, type Phrases } from './phrases.js';

type CartTurn = Extract<Understood, { kind: 'cart' } | { kind: 'checkout' }>;

export function composeCart(input: ComposeInput, u: CartTurn | null, t: Phrases): string {
  const actions = effectsOf(input.calls).flatMap((e) => (e.action ? [e.action] : []));
  const cart = effectsOf(input.calls)
    .flatMap((e) => (e.cart ? [e.cart] : []))
    .at(-1);
  const out: string[] = [];
  if (u?.kind === 'checkout') out.push(t.checkoutIntro);
  for (const a of actions) {
    const name = bold(a.name ?? '');
    if (a.ok) {
      if (a.type === 'cart.add') out.push(t.added(name, a.quantity));
      else if (a.type === 'cart.set') out.push(t.setDone(name, a.quantity));
      else out.push(t.removed(name));
    } else if (a.code === 'sign_in_required') {
      if (!out.includes(t.signInRequired)) out.push(t.signInRequired);
    } else if (a.code === 'out_of_stock') out.push(t.outOfStockRefusal(name));
    else out.push(t.notFoundRefusal);
  }
  const viewed = effectsOf(input.calls, 'view_cart').length > 0;
  if (!actions.length && !cart && !input.signedIn && (viewed || u?.kind === 'checkout')) out.push(t.signInRequired);
  if (!actions.length && u?.kind === 'cart' && u.action !== 'view' && !viewed) {
    out.push(u.action === 'add' ? t.whichToAdd : t.whichToRemove);
  }
  if (cart && (viewed || u?.kind === 'checkout' || actions.some((a) => a.ok))) {
    if (viewed || u?.kind === 'checkout') {
      if (!cart.items.length) out.push(t.cartEmpty);
      else {
        out.push(t.cartHeader);
        for (const line of cart.items) out.push(`- ${t.cartLine(bold(line.name), line.quantity, price(line.price))}`);
      }
    }
    if (cart.items.length) out.push(t.cartTotal(price(cart.total)));
    if (cart.items.length && u?.kind !== 'checkout') out.push(t.checkoutLink);
  }
  return out.join('\n');
}
