import { EntitySchema } from '@mikro-orm/core';

export class Cart {
  id!: string;
  userId!: string;
  /** Bumped with every change of the cart (cart:update carries it). */
  version!: number;
  updatedAt!: Date;
}

export class CartItem {
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
    userId: { type: 'uuid', unique: true },
    version: { type: 'integer', columnType: 'bigint', default: 1 },
    updatedAt: { type: 'datetime', defaultRaw: 'now()', onCreate: () => new Date(), onUpdate: () => new Date() },
  },
});

export const CartItemSchema = new EntitySchema<CartItem>({
  class: CartItem,
  tableName: 'cart_items',
  properties: {
    cartId: { type: 'uuid', primary: true },
    gpuId: { type: 'uuid', primary: true },
    quantity: { type: 'integer' },
    addedAt: { type: 'datetime', defaultRaw: 'now()', onCreate: () => new Date() },
  },
});
