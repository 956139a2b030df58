import { describe, expect, it } from 'vitest';
import type { Cart } from '@gpu/shared';
import { mergeCart, mergeInventoryStock, mergeStock, type HeldCart } from './live-merge.js';

const cart = (quantity: number, version: number): Cart => ({
  items: [{ gpuId: 'g1', name: 'Card', price: 10, quantity, stock: 9 }],
  total: 10 * quantity,
  version,
});

describe('live state merging keeps the highest version', () => {
  it('stock: a stale push arriving late does not overwrite a newer level', () => {
    const levels = new Map<string, number>();
    const versions = new Map<string, number>();
    expect(mergeStock(levels, versions, { gpuId: 'g1', stock: 5, version: 3 })).toBe(true); // ack
    expect(mergeStock(levels, versions, { gpuId: 'g1', stock: 3, version: 5 })).toBe(true);
    expect(mergeStock(levels, versions, { gpuId: 'g1', stock: 4, version: 4 })).toBe(false); // late
    expect(levels.get('g1')).toBe(3);
    expect(versions.get('g1')).toBe(5);
  });

  it('stock: every arrival order of the same updates ends on the newest one', () => {
    const updates = [1, 2, 3, 4, 5].map((v) => ({ gpuId: 'g1', stock: 10 - v, version: v }));
    const orders = [updates, [...updates].reverse(), [updates[2]!, updates[4]!, updates[0]!, updates[3]!, updates[1]!]];
    for (const order of orders) {
      const levels = new Map<string, number>();
      const versions = new Map<string, number>();
      for (const u of order) mergeStock(levels, versions, u);
      expect(levels.get('g1')).toBe(5);
    }
  });

  it('cart: a REST answer older than a push already shown is ignored', () => {
    let held: HeldCart = { cart: { items: [], total: 0, version: 0 }, version: undefined };
    held = mergeCart(held, cart(2, 7)); // push from another tab
    held = mergeCart(held, cart(1, 6)); // this tab's slower REST answer
    expect(held.cart.items[0]!.quantity).toBe(2);
    expect(held.version).toBe(7);
    held = mergeCart(held, cart(3, 8));
    expect(held.cart.total).toBe(30);
  });

  it('admin inventory rows follow the same rule', () => {
    const row = { gpuId: 'g1', name: 'Card', stock: 5, price: 10, isActive: true, version: 4 };
    expect(mergeInventoryStock(row, { gpuId: 'g1', stock: 9, version: 3 })).toBe(false);
    expect(row.stock).toBe(5);
    expect(mergeInventoryStock(row, { gpuId: 'g1', stock: 2, version: 5 })).toBe(true);
    expect(row).toMatchObject({ stock: 2, version: 5 });
    expect(mergeInventoryStock(undefined, { gpuId: 'g1', stock: 2, version: 9 })).toBe(false);
  });
});
