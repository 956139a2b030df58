// The signed-in user's cart: read over REST, changed over REST, and kept live in every tab
// by cart:update pushes. Re-read after every reconnect (pushes may have been missed). Every
// cart carries its version: whichever arrives, the newest is shown (live-merge.ts), so a slow
// REST answer never undoes a newer push from another tab.
import type { Cart } from '@gpu/shared';
import { api } from '../api.js';
import { getSocket, onConnected } from '../socket.js';
import { mergeCart, type HeldCart } from './live-merge.js';
import { onSessionChange, session } from './session.svelte.js';

class CartStore {
  cart = $state<Cart>({ items: [], total: 0, version: 0 });
  open = $state(false);
  /** The guest tried to buy: show the sign-in prompt. */
  loginPrompt = $state(false);
  count = $derived(this.cart.items.reduce((n, i) => n + i.quantity, 0));
}
export const cartStore = new CartStore();

const empty: Cart = { items: [], total: 0, version: 0 };
let held: HeldCart = { cart: empty, version: undefined };

function show(incoming: Cart): void {
  held = mergeCart(held, incoming);
  cartStore.cart = held.cart;
}

/** Another user (or none): versions of the previous cart mean nothing any more. */
function forget(): void {
  held = { cart: empty, version: undefined };
  cartStore.cart = empty;
}

export async function loadCart(): Promise<void> {
  if (!session.user) {
    forget();
    return;
  }
  try {
    show(await api<Cart>('/api/cart'));
  } catch {
    /* keep what we have; the next push or reconnect fixes it */
  }
}

function isCart(v: unknown): v is Cart {
  return typeof v === 'object' && v !== null && Array.isArray((v as Cart).items);
}

function applyAnswer(v: unknown): Promise<void> {
  if (isCart(v)) {
    show(v);
    return Promise.resolve();
  }
  return loadCart();
}

export function initCart(): void {
  getSocket().on('cart:update', (cart) => show(cart));
  onConnected(() => void loadCart());
  onSessionChange((change) => {
    if (change !== 'refresh') forget();
    void loadCart();
  });
  void loadCart();
}

/** Adds to the cart; a guest gets the sign-in prompt instead. Returns false when not added. */
export async function addToCart(gpuId: string, quantity = 1): Promise<boolean> {
  if (!session.user) {
    cartStore.loginPrompt = true;
    return false;
  }
  await applyAnswer(await api('/api/cart/items', { method: 'POST', body: { gpuId, quantity } }));
  return true;
}

export async function setQuantity(gpuId: string, quantity: number): Promise<void> {
  await applyAnswer(await api(`/api/cart/items/${gpuId}`, { method: 'PATCH', body: { quantity } }));
}

export async function removeFromCart(gpuId: string): Promise<void> {
  await applyAnswer(await api(`/api/cart/items/${gpuId}`, { method: 'DELETE' }));
}
