export * from './user.js';
export * from './refresh-token.js';
export * from './gpu.js';
export * from './cart.js';
export * from './order.js';
export * from './idempotency-key.js';
export * from './conversation.js';
export * from './llm-usage.js';

import { GuestSchema, UserSchema } from './user.js';
import { RefreshTokenSchema } from './refresh-token.js';
import { GpuSchema, StockHistorySchema } from './gpu.js';
import { CartItemSchema, CartSchema } from './cart.js';
import { OrderItemSchema, OrderSchema } from './order.js';
import { IdempotencyKeySchema } from './idempotency-key.js';
import { ConversationSchema, MessageSchema } from './conversation.js';
import { LlmUsageSchema } from './llm-usage.js';

export const entities = [
  UserSchema,
  GuestSchema,
  RefreshTokenSchema,
  GpuSchema,
  StockHistorySchema,
  CartSchema,
  CartItemSchema,
  OrderSchema,
  OrderItemSchema,
  IdempotencyKeySchema,
  ConversationSchema,
  MessageSchema,
  LlmUsageSchema,
];
