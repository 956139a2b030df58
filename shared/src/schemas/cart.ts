import { z } from 'zod';
import { money, uuid } from './common.js';

export const cartItemSchema = z.object({
  gpuId: uuid,
  name: z.string(),
  price: z.number(),
  quantity: z.number().int(),
  stock: z.number().int(),
  thumbnailUrl: z.string().nullable().optional(),
});
export type CartItem = z.infer<typeof cartItemSchema>;

export const cartSchema = z.object({
  items: z.array(cartItemSchema),
  total: z.number(),
  /** Grows with every change of this cart (from the database; 0 before the first): keep the highest. */
  version: z.number().int(),
});
export type Cart = z.infer<typeof cartSchema>;

export const addCartItemSchema = z
  .object({ gpuId: uuid, quantity: z.number().int().min(1).max(100).default(1) })
  .strict();
export type AddCartItemInput = z.infer<typeof addCartItemSchema>;

export const setCartItemSchema = z.object({ quantity: z.number().int().min(0).max(100) }).strict();
export type SetCartItemInput = z.infer<typeof setCartItemSchema>;

export const gpuIdParam = z.object({ gpuId: uuid });

/** `Idempotency-Key` header: a client-made token, usually a UUID. */
export const idempotencyKeySchema = z
  .string()
  .min(8)
  .max(128)
  .regex(/^[A-Za-z0-9_.:-]+$/, 'letters, digits and _ . : - only');

/**
 * Optional body of POST /api/cart/checkout. `expectedTotal` (the total the shopper saw) makes
 * the checkout fail with 409 instead of charging a different amount after a price change.
 */
export const checkoutRequestSchema = z.object({ expectedTotal: money.optional() }).strict();
export type CheckoutRequest = z.infer<typeof checkoutRequestSchema>;
