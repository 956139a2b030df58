import { EntitySchema } from '@mikro-orm/core';

export type OrderStatus = 'created' | 'paid' | 'cancelled';

export class OrderRecord {
  id!: string;
  userId!: string;
  status!: OrderStatus;
  totalCents!: number;
  createdAt!: Date;
}

export class OrderItemRecord {
  id!: string;
  orderId!: string;
  gpuId!: string;
  /** Name and price are copied at purchase time: later catalog edits do not rewrite history. */
  name!: string;
  priceCents!: number;
  quantity!: number;
}

export const OrderSchema = new EntitySchema<OrderRecord>({
  class: OrderRecord,
  tableName: 'orders',
  properties: {
    id: { type: 'uuid', primary: true, defaultRaw: 'gen_random_uuid()' },
    userId: { type: 'uuid' },
    status: { type: 'string', length: 16, default: 'created' },
    totalCents: { type: 'integer', columnType: 'bigint' },
    createdAt: { type: 'datetime', defaultRaw: 'now()', onCreate: () => new Date() },
  },
});

export const OrderItemSchema = new EntitySchema<OrderItemRecord>({
  class: OrderItemRecord,
  tableName: 'order_items',
  properties: {
    id: { type: 'uuid', primary: true, defaultRaw: 'gen_random_uuid()' },
    orderId: { type: 'uuid' },
    gpuId: { type: 'uuid' },
    name: { type: 'string', length: 160 },
    priceCents: { type: 'integer', columnType: 'bigint' },
    quantity: { type: 'integer' },
  },
});
