// Orders in SQL: inserting one (name and price copied from the product at purchase time)
// and reading a user's history in the API shape.
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Order, OrderItem } from '@gpu/shared';
import { centsToDollars } from '../cart/cart-queries.js';

export interface PricedLine {
  gpuId: string;
  name: string;
  priceCents: number;
  quantity: number;
}

export async function insertOrder(tx: EntityManager, userId: string, lines: PricedLine[]): Promise<Order> {
  const totalCents = lines.reduce((sum, l) => sum + l.priceCents * l.quantity, 0);
  const [order] = await tx.execute<{ id: string; status: Order['status']; created_at: Date | string }[]>(
    `insert into orders (user_id, total_cents) values (?, ?) returning id, status, created_at`,
    [userId, totalCents],
  );
  const values = lines.map(() => '(?, ?, ?, ?, ?)').join(', ');
  await tx.execute(
    `insert into order_items (order_id, gpu_id, name, price_cents, quantity) values ${values}`,
    lines.flatMap((l) => [order!.id, l.gpuId, l.name, l.priceCents, l.quantity]),
  );
  return {
    id: order!.id,
    userId,
    status: order!.status,
    items: lines.map(toOrderItem),
    total: centsToDollars(totalCents),
    createdAt: new Date(order!.created_at).toISOString(),
  };
}

const toOrderItem = (l: PricedLine): OrderItem => ({
  gpuId: l.gpuId,
  name: l.name,
  price: centsToDollars(l.priceCents),
  quantity: l.quantity,
});

/** The user's orders, newest first. */
export async function listOrders(em: EntityManager, userId: string, limit: number): Promise<Order[]> {
  const orders = await em.execute<
    { id: string; status: Order['status']; total_cents: string | number; created_at: Date | string }[]
  >(
    `select id, status, total_cents, created_at from orders where user_id = ? order by created_at desc, id desc limit ?`,
    [userId, limit],
  );
  if (orders.length === 0) return [];
  const items = await em.execute<
    { order_id: string; gpu_id: string; name: string; price_cents: string | number; quantity: number }[]
  >(
    `select order_id, gpu_id, name, price_cents, quantity from order_items
      where order_id in (${orders.map(() => '?').join(',')}) order by order_id, gpu_id`,
    orders.map((o) => o.id),
  );
  const byOrder = new Map<string, OrderItem[]>();
  for (const i of items) {
    const list = byOrder.get(i.order_id) ?? [];
    list.push(
      toOrderItem({ gpuId: i.gpu_id, name: i.name, priceCents: Number(i.price_cents), quantity: Number(i.quantity) }),
    );
    byOrder.set(i.order_id, list);
  }
  return orders.map((o) => ({
    id: o.id,
    userId,
    status: o.status,
    items: byOrder.get(o.id) ?? [],
    total: centsToDollars(Number(o.total_cents)),
    createdAt: new Date(o.created_at).toISOString(),
  }));
}
