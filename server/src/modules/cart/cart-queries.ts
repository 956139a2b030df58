// Reading a cart: its lines joined with the live product rows, in the shape of GET /api/cart.
// Shared by the cart service and checkout (which reads the same lines under its locks).
// Raw SQL: one three-table join (cart, lines, live product rows) in a single round trip, read
// under checkout's row locks; the cart's writes are guarded upserts (service.ts).
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Cart } from '@gpu/shared';
import { centsToDollars } from '../../db/types/money.js';

export interface CartLine {
  gpuId: string;
  name: string;
  priceCents: number;
  quantity: number;
  /** Live stock; 0 for a product that was deactivated after it was added. */
  stock: number;
}

interface CartLineRow {
  gpu_id: string;
  name: string;
  price_cents: string | number;
  quantity: number;
  stock: number;
  is_active: boolean;
}

/** The user's cart lines, sorted by product id: checkout decrements in this fixed order. */
export async function readCartLines(em: EntityManager, userId: string): Promise<CartLine[]> {
  const rows = await em.execute<CartLineRow[]>(
    `select ci.gpu_id, g.name, g.price_cents, ci.quantity, g.stock, g.is_active
       from carts c
       join cart_items ci on ci.cart_id = c.id
       join gpus g on g.id = ci.gpu_id
      where c.user_id = ?
      order by ci.gpu_id`,
    [userId],
  );
  return rows.map(toLine);
}

const toLine = (r: CartLineRow): CartLine => ({
  gpuId: r.gpu_id,
  name: r.name,
  priceCents: Number(r.price_cents),
  quantity: Number(r.quantity),
  stock: r.is_active ? Number(r.stock) : 0,
});

export function toCart(lines: CartLine[], version: number): Cart {
  const totalCents = lines.reduce((sum, l) => sum + l.priceCents * l.quantity, 0);
  return {
    items: lines.map((l) => ({
      gpuId: l.gpuId,
      name: l.name,
      price: centsToDollars(l.priceCents),
      quantity: l.quantity,
      stock: l.stock,
    })),
    total: centsToDollars(totalCents),
    version,
  };
}

/**
 * The whole cart with its version, in one statement (lines and version from one snapshot).
 * Inside a transaction that holds the cart row (every cart write and checkout does), this is
 * exactly what that transaction wrote.
 */
export async function readCart(em: EntityManager, userId: string): Promise<Cart> {
  const rows = await em.execute<(Omit<CartLineRow, 'gpu_id'> & { gpu_id: string | null; version: string | number })[]>(
    `select c.version, ci.gpu_id, g.name, g.price_cents, ci.quantity, g.stock, g.is_active
       from carts c
       left join cart_items ci on ci.cart_id = c.id
       left join gpus g on g.id = ci.gpu_id
      where c.user_id = ?
      order by ci.gpu_id`,
    [userId],
  );
  const lines = rows.filter((r): r is typeof r & { gpu_id: string } => r.gpu_id !== null).map(toLine);
  return toCart(lines, rows[0] ? Number(rows[0].version) : 0);
}
