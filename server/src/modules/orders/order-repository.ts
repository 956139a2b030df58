// Orders through the ORM: inserting one (name and price copied from the product at purchase
// time, inside checkout's transaction) and reading a user's history in the API shape. Line
// prices arrive in integer cents so the total is summed exactly; the entities speak dollars.
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Order, OrderItem } from '@gpu/shared';
import { GpuRecord, OrderItemRecord, OrderRecord } from '../../db/entities/index.js';
import { centsToDollars, dollarsToCents } from '../../db/types/money.js';

export interface PricedLine {
  gpuId: string;
  name: string;
  priceCents: number;
  quantity: number;
}

export async function insertOrder(tx: EntityManager, userId: string, lines: PricedLine[]): Promise<Order> {
  const totalCents = lines.reduce((sum, l) => sum + l.priceCents * l.quantity, 0);
  const createdAt = new Date();
  const [id] = await tx.insertMany(OrderRecord, [
    { userId, status: 'created', total: centsToDollars(totalCents), createdAt },
  ]);
  const items = lines.map(toOrderItem);
  await tx.insertMany(
    OrderItemRecord,
    items.map((i) => ({ orderId: id!, ...i })),
  );
  return {
    id: id!,
    userId,
    status: 'created',
    items,
    total: centsToDollars(totalCents),
    createdAt: createdAt.toISOString(),
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
  const orders = await em.find(
    OrderRecord,
    { userId },
    { orderBy: { createdAt: 'desc', id: 'desc' }, limit, disableIdentityMap: true },
  );
  if (orders.length === 0) return [];
  const items = await em.find(
    OrderItemRecord,
    { orderId: { $in: orders.map((o) => o.id) } },
    { orderBy: { orderId: 'asc', gpuId: 'asc' }, disableIdentityMap: true },
  );
  const byOrder = new Map<string, OrderItem[]>();
  for (const i of items) {
    const list = byOrder.get(i.orderId) ?? [];
    list.push({ gpuId: i.gpuId, name: i.name, price: i.price, quantity: i.quantity });
    byOrder.set(i.orderId, list);
  }
  return orders.map((o) => ({
    id: o.id,
    userId,
    status: o.status,
    items: byOrder.get(o.id) ?? [],
    total: o.total,
    createdAt: o.createdAt.toISOString(),
  }));
}

/** Name and price of each line's product as of now, in cents (checkout holds their row locks). */
export async function currentPrices(
  tx: EntityManager,
  lines: { gpuId: string; quantity: number }[],
): Promise<PricedLine[]> {
  const rows = await tx.find(
    GpuRecord,
    { id: { $in: lines.map((l) => l.gpuId) } },
    { fields: ['id', 'name', 'price'], disableIdentityMap: true },
  );
  const byId = new Map(rows.map((r) => [r.id, r]));
  return lines.map((l) => {
    const row = byId.get(l.gpuId)!;
    return { gpuId: l.gpuId, name: row.name, priceCents: dollarsToCents(row.price), quantity: l.quantity };
  });
}

/** What a product has left for sale: its stock while active, else 0. */
export async function availableStock(em: EntityManager, gpuId: string): Promise<number> {
  const row = await em.findOne(GpuRecord, { id: gpuId }, { fields: ['stock', 'isActive'], disableIdentityMap: true });
  return row?.isActive ? row.stock : 0;
}
