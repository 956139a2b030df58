// add_to_cart, set_cart_quantity, remove_from_cart and view_cart: the signed-in shopper's
// cart through the cart service, so stock checks and `cart:update` to every tab happen as for
// any cart change. A guest gets `sign_in_required` and nothing changes. Checkout is never a
// tool: the answer links to /checkout.
import type { Cart, ChatActionCode, ChatActionEvent } from '@gpu/shared';
import { AppError } from '../../../platform/errors.js';
import type { Actor } from '../../auth/actor.js';
import { productView } from './product-view.js';
import type { Tool, ToolDeps, ToolResult } from './tool.js';

type Action = Omit<ChatActionEvent, 'messageId'>;

const quantityIn = (cart: Cart, gpuId: string) => cart.items.find((i) => i.gpuId === gpuId)?.quantity ?? 0;

function codeOf(err: unknown): ChatActionCode {
  if (err instanceof AppError) {
    if (err.code === 'out_of_stock' || err.status === 409) return 'out_of_stock';
    if (err.code === 'not_found') return 'not_found';
    if (err.code === 'unauthorized') return 'sign_in_required';
  }
  throw err;
}

/** Runs one cart change for a user, or explains why it did not happen. */
async function act(
  deps: ToolDeps,
  actor: Actor,
  base: Pick<Action, 'type' | 'gpuId' | 'quantity'>,
  change: (userId: string) => Promise<Cart>,
  language: 'es' | 'en',
): Promise<ToolResult> {
  const [product] = (await deps.products([base.gpuId], language)).filter((p) => p.isActive);
  const name = product?.name;
  const refuse = (code: ChatActionCode, previousQuantity?: number): ToolResult => {
    const action: Action = {
      ...base,
      ok: false,
      code,
      ...(name ? { name } : {}),
      ...(previousQuantity !== undefined ? { previousQuantity } : {}),
    };
    return {
      ok: true,
      summary: code,
      data: { done: false, reason: code, ...(product ? { product: productView(product, language) } : {}) },
      effects: { action, ...(product ? { products: [product] } : {}) },
    };
  };
  if (actor.kind !== 'user') return refuse('sign_in_required');
  if (!product) return refuse('not_found');
  const before = await deps.cart.get(actor.userId);
  const previousQuantity = quantityIn(before, base.gpuId);
  let cart: Cart;
  try {
    cart = await change(actor.userId);
  } catch (err) {
    return refuse(codeOf(err), previousQuantity);
  }
  const action: Action = { ...base, ok: true, name: product.name, previousQuantity, cart };
  return {
    ok: true,
    summary: 'ok',
    data: {
      done: true,
      product: productView(product, language),
      quantityInCart: quantityIn(cart, base.gpuId),
      cart: {
        items: cart.items.map((i) => ({ name: i.name, price: i.price, quantity: i.quantity })),
        total: cart.total,
      },
    },
    effects: { action, cart, products: [product] },
  };
}

export function addToCartTool(deps: ToolDeps): Tool<'add_to_cart'> {
  return {
    name: 'add_to_cart',
    description: "Adds units of a product to the signed-in shopper's cart (checks stock). Only when the shopper asks.",
    run(args, ctx) {
      const quantity = args.quantity ?? 1;
      return act(
        deps,
        ctx.actor,
        { type: 'cart.add', gpuId: args.id, quantity },
        (userId) => deps.cart.add(userId, { gpuId: args.id, quantity }),
        ctx.language,
      );
    },
  };
}

export function setCartQuantityTool(deps: ToolDeps): Tool<'set_cart_quantity'> {
  return {
    name: 'set_cart_quantity',
    description: "Sets how many units of a product are in the shopper's cart (0 removes it).",
    run(args, ctx) {
      return act(
        deps,
        ctx.actor,
        { type: args.quantity === 0 ? 'cart.remove' : 'cart.set', gpuId: args.id, quantity: args.quantity },
        (userId) => deps.cart.set(userId, args.id, args.quantity),
        ctx.language,
      );
    },
  };
}

export function removeFromCartTool(deps: ToolDeps): Tool<'remove_from_cart'> {
  return {
    name: 'remove_from_cart',
    description: "Removes a product from the shopper's cart.",
    run(args, ctx) {
      return act(
        deps,
        ctx.actor,
        { type: 'cart.remove', gpuId: args.id, quantity: 0 },
        (userId) => deps.cart.remove(userId, args.id),
        ctx.language,
      );
    },
  };
}

export function viewCartTool(deps: ToolDeps): Tool<'view_cart'> {
  return {
    name: 'view_cart',
    description: "The signed-in shopper's cart: lines, quantities, live stock and total.",
    async run(_args, ctx) {
      if (ctx.actor.kind !== 'user') {
        return {
          ok: true,
          summary: 'sign_in_required',
          data: { signedIn: false, reason: 'sign_in_required' },
          effects: {},
        };
      }
      const cart = await deps.cart.get(ctx.actor.userId);
      return {
        ok: true,
        summary: `${cart.items.length}`,
        data: {
          signedIn: true,
          items: cart.items.map((i) => ({
            id: i.gpuId,
            name: i.name,
            price: i.price,
            quantity: i.quantity,
            stock: i.stock,
          })),
          total: cart.total,
        },
        effects: { cart },
      };
    },
  };
}
