import { EntitySchema, OptionalProps } from '@mikro-orm/core';
import { Money } from '../types/money.js';
import { GpuRecord } from './gpu.js';
import { User } from './user.js';

export type OrderStatus = 'created' | 'paid' | 'cancelled';

/** An order; `total` in dollars (cents in the database). */
export class OrderRecord {
  /** Filled by the database or the ORM when not given. */
  [OptionalProps]?: 'id' | 'status' | 'createdAt';
  id!: string;
  userId!: string;
  status!: OrderStatus;
  total!: number;
  createdAt!: Date;
}

export class OrderItemRecord {
  /** Filled by the database or the ORM when not given. */
  [OptionalProps]?: 'id';
  id!: string;
  orderId!: string;
  gpuId!: string;
  /** Name and price are copied at purchase time: later catalog edits do not rewrite history. */
  name!: string;
  price!: number;
  quantity!: number;
}

export const OrderSchema = new EntitySchema<OrderRecord>({
  class: OrderRecord,
  tableName: 'orders',
  checks: [{ name: 'orders_total_cents_check', expression: 'total_cents >= 0' }],
  indexes: [
    {
      name: 'orders_user_idx',
      expression: 'create index "orders_user_idx" on "orders" ("user_id", "created_at" desc)',
    },
    { name: 'orders_created_idx', properties: ['createdAt'] },
  ],
  properties: {
    id: { type: 'uuid', primary: true, defaultRaw: 'gen_random_uuid()' },
    userId: {
      kind: 'm:1',
      entity: () => User,
      mapToPk: true,
      updateRule: 'no action',
      fieldName: 'user_id',
      foreignKeyName: 'orders_user_id_fkey',
    },
    status: { enum: true, items: ['created', 'paid', 'cancelled'], columnType: 'varchar(16)', default: 'created' },
    total: { type: Money, fieldName: 'total_cents' },
    createdAt: { type: 'datetime', defaultRaw: 'now()', onCreate: () => new Date() },
  },
});

export const OrderItemSchema = new EntitySchema<OrderItemRecord>({
  class: OrderItemRecord,
  tableName: 'order_items',
  checks: [
    { name: 'order_items_price_cents_check', expression: 'price_cents > 0' },
    { name: 'order_items_quantity_check', expression: 'quantity > 0' },
  ],
  indexes: [{ name: 'order_items_order_idx', properties: ['orderId'] }],
  properties: {
    id: { type: 'uuid', primary: true, defaultRaw: 'gen_random_uuid()' },
    orderId: {
      kind: 'm:1',
      entity: () => OrderRecord,
      mapToPk: true,
      updateRule: 'no action',
      fieldName: 'order_id',
      foreignKeyName: 'order_items_order_id_fkey',
      deleteRule: 'cascade',
    },
    gpuId: {
      kind: 'm:1',
      entity: () => GpuRecord,
      mapToPk: true,
      updateRule: 'no action',
      fieldName: 'gpu_id',
      foreignKeyName: 'order_items_gpu_id_fkey',
    },
    name: { type: 'string', length: 160 },
    price: { type: Money, fieldName: 'price_cents' },
    quantity: { type: 'integer' },
  },
});
