import { BigIntType, EntitySchema, OptionalProps } from '@mikro-orm/core';
import { GpuRecord } from './gpu.js';
import { User } from './user.js';

export class Cart {
  /** Filled by the database or the ORM when not given. */
  [OptionalProps]?: 'id' | 'version' | 'updatedAt';
  id!: string;
  userId!: string;
  /** Bumped with every change of the cart (cart:update carries it). */
  version!: number;
  updatedAt!: Date;
}

export class CartItem {
  /** Filled by the database or the ORM when not given. */
  [OptionalProps]?: 'addedAt';
  cartId!: string;
  gpuId!: string;
  quantity!: number;
  addedAt!: Date;
}

export const CartSchema = new EntitySchema<Cart>({
  class: Cart,
  tableName: 'carts',
  properties: {
    id: { type: 'uuid', primary: true, defaultRaw: 'gen_random_uuid()' },
    userId: {
      kind: 'm:1',
      entity: () => User,
      mapToPk: true,
      updateRule: 'no action',
      fieldName: 'user_id',
      foreignKeyName: 'carts_user_id_fkey',
      deleteRule: 'cascade',
      unique: 'carts_user_unique',
    },
    version: { type: new BigIntType('number'), default: 1 },
    updatedAt: { type: 'datetime', defaultRaw: 'now()', onCreate: () => new Date(), onUpdate: () => new Date() },
  },
});

export const CartItemSchema = new EntitySchema<CartItem>({
  class: CartItem,
  tableName: 'cart_items',
  checks: [{ name: 'cart_items_quantity_check', expression: 'quantity > 0' }],
  properties: {
    cartId: {
      kind: 'm:1',
      entity: () => Cart,
      mapToPk: true,
      updateRule: 'no action',
      primary: true,
      fieldName: 'cart_id',
      foreignKeyName: 'cart_items_cart_id_fkey',
      deleteRule: 'cascade',
    },
    gpuId: {
      kind: 'm:1',
      entity: () => GpuRecord,
      mapToPk: true,
      updateRule: 'no action',
      primary: true,
      fieldName: 'gpu_id',
      foreignKeyName: 'cart_items_gpu_id_fkey',
    },
    quantity: { type: 'integer' },
    addedAt: { type: 'datetime', defaultRaw: 'now()', onCreate: () => new Date() },
  },
});
