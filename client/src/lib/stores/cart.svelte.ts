// The signed-in user's cart: read over REST, changed over REST, and kept live in every tab
// by cart:update pushes. Re-read after every reconnect (pushes may have been missed).
import type { Cart } from '@gpu/shared';
import { api } from '../api.js';
import { getSocket, onConnected } from '../socket.js';
import { onSessionChange, session } from './session.svelte.js';

class CartStore {
  cart = $state<Cart>({ items: [], total: 0 });
  open = $state(false);
  /** The guest tried to buy: show the sign-in prompt. */
  loginPrompt = $state(false);
  count = $derived(this.cart.items.reduce((n, i) => n + i.quantity, 0));
}
export const cartStore = new CartStore();

const empty: Cart = { items: [], total: 0 };

export async function loadCart(): Promise<void> {
  if (!session.user) {
    cartStore.cart = empty;
    return;
  }
  try {
    cartStore.cart = await api<Cart>('/api/cart');
  } catch {
    /* keep what we have; the next push or reconnect fixes it */
  }
}

function isCart(v: unknown): v is Cart {
  return typeof v === 'object' && v !== null && Array.isArray((v as Cart).items);
}

function applyAnswer(v: unknown): Promise<void> {
  if (isCart(v)) {
    cartStore.cart = v;
    return Promise.resolve();
  }
  return loadCart();
}

export function initCart(): void {
  getSocket().on('cart:update', (cart) => (cartStore.cart = cart));
  onConnected(() => void loadCart());
  onSessionChange(() => void loadCart());
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
