// Checkout with an Idempotency-Key. The key is made once and kept (localStorage) until the
// server gives a definite answer, so a retry after a timeout or a reload cannot create a
// second order: the server replays the first one.
import type { Order } from '@gpu/shared';
import { api, ApiError } from './api.js';
import { readStored, storageKeys, writeStored } from './storage.js';
import { uuid } from './uuid.js';

export function checkoutKey(): string {
  let key = readStored(storageKeys.checkoutKey);
  if (!key) {
    key = uuid();
    writeStored(storageKeys.checkoutKey, key);
  }
  return key;
}

/** True when the server surely did not create an order for this key (safe to drop it). */
export function isDefiniteFailure(err: unknown): boolean {
  return err instanceof ApiError && err.status >= 400 && err.status < 500 && err.status !== 408 && err.status !== 429;
}

/** Places the order; expectedTotal (what the shopper saw) makes a changed price a 409. */
export async function placeOrder(expectedTotal?: number): Promise<Order> {
  const key = checkoutKey();
  try {
    const res = await api<{ order: Order }>('/api/cart/checkout', {
      method: 'POST',
      body: expectedTotal === undefined ? {} : { expectedTotal },
      headers: { 'Idempotency-Key': key },
    });
    writeStored(storageKeys.checkoutKey, null);
    return res.order;
  } catch (err) {
    if (isDefiniteFailure(err)) writeStored(storageKeys.checkoutKey, null);
    throw err;
  }
}
