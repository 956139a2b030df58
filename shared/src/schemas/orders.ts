import { z } from 'zod';
import { uuid } from './common.js';

export const orderItemSchema = z.object({
  gpuId: uuid,
  name: z.string(),
  price: z.number(),
  quantity: z.number().int(),
});
export type OrderItem = z.infer<typeof orderItemSchema>;

export const orderSchema = z.object({
  id: uuid,
  userId: uuid,
  status: z.enum(['created', 'paid', 'cancelled']),
  items: z.array(orderItemSchema),
  total: z.number(),
  createdAt: z.string(),
});
export type Order = z.infer<typeof orderSchema>;

export const checkoutResponseSchema = z.object({ order: orderSchema });
export const orderListSchema = z.object({ items: z.array(orderSchema) });
