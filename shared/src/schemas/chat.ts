import { z } from 'zod';
import { cartSchema } from './cart.js';
import { gpuSchema } from './gpu.js';
import { uuid } from './common.js';

/** Longest message a shopper may send. */
export const maxChatMessageChars = 2000;

export const chatSendSchema = z.object({
  // Length is checked by the service so an over-long message gets its own error code.
  message: z.string().trim().min(1),
  conversationId: uuid.optional(),
  clientMessageId: z.string().min(1).max(100).optional(),
});
export type ChatSendInput = z.infer<typeof chatSendSchema>;

export const chatStopSchema = z.object({ messageId: uuid });
export const chatResumeSchema = z.object({ messageId: uuid, afterSeq: z.number().int().min(-1) });
export type ChatResumeInput = z.infer<typeof chatResumeSchema>;

export const finishReasons = ['stop', 'length', 'cancelled', 'error'] as const;
export type FinishReason = (typeof finishReasons)[number];

export const usageSchema = z.object({ promptTokens: z.number().int(), completionTokens: z.number().int() });
export type Usage = z.infer<typeof usageSchema>;

/** Post-stream check of the answer against the products and prices we sent. */
export const groundingSchema = z.object({
  ok: z.boolean(),
  /** Product-like names in the answer that were not in the list. */
  unknownProducts: z.array(z.string()),
  /** Prices quoted that do not match the database. */
  priceMismatches: z.array(z.object({ product: z.string(), quoted: z.number(), actual: z.number() })),
});
export type Grounding = z.infer<typeof groundingSchema>;

export interface ChatProductsEvent {
  messageId: string;
  products: z.infer<typeof gpuSchema>[];
  /** Extra context: products shown although above the budget, etc. */
  notes?: { overBudget?: boolean; budget?: number | null };
}
export interface ChatTokenEvent {
  messageId: string;
  seq: number;
  text: string;
}
export interface ChatDoneEvent {
  messageId: string;
  finishReason: FinishReason;
  provider: string;
  model: string;
  usage: Usage;
  grounding?: Grounding;
}
/** A step the assistant is taking (a tool call): started, then done or error. */
export const chatToolEventSchema = z.object({
  messageId: uuid,
  name: z.string(),
  status: z.enum(['started', 'done', 'error']),
  summary: z.string().optional(),
  /** Pairs a call's `started` with its `done`/`error` when one answer makes several calls. */
  callId: z.string().optional(),
});
export type ChatToolEvent = z.infer<typeof chatToolEventSchema>;

/** One spec row of a comparison: one value per product, `best` the index of the best one. */
export const comparisonRowSchema = z.object({
  key: z.string(),
  label: z.string(),
  values: z.array(z.union([z.string(), z.number(), z.null()])),
  best: z.number().int().optional(),
});
export type ComparisonRow = z.infer<typeof comparisonRowSchema>;
export const chatComparisonEventSchema = z.object({
  messageId: uuid,
  products: z.array(gpuSchema),
  rows: z.array(comparisonRowSchema),
});
export type ChatComparisonEvent = z.infer<typeof chatComparisonEventSchema>;

export const cartActionTypes = ['cart.add', 'cart.set', 'cart.remove'] as const;
export const cartActionCodes = ['sign_in_required', 'out_of_stock', 'not_found', 'failed'] as const;
/** The result of a cart tool: what was asked, whether it happened, and the cart after it. */
export const chatActionEventSchema = z.object({
  messageId: uuid,
  type: z.enum(cartActionTypes),
  gpuId: uuid,
  quantity: z.number().int(),
  ok: z.boolean(),
  code: z.enum(cartActionCodes).optional(),
  /** The product's name, for the action card. */
  name: z.string().optional(),
  /** The line's quantity before the action, so the card can undo it. */
  previousQuantity: z.number().int().optional(),
  cart: cartSchema.optional(),
});
export type ChatActionEvent = z.infer<typeof chatActionEventSchema>;
export type ChatActionCode = (typeof cartActionCodes)[number];

export const chatSuggestionsEventSchema = z.object({
  messageId: uuid,
  suggestions: z.array(z.string()).min(1).max(4),
});
export type ChatSuggestionsEvent = z.infer<typeof chatSuggestionsEventSchema>;

export interface ChatErrorEvent {
  messageId?: string;
  code: string;
  message: string;
}

export const messageSchema = z.object({
  id: uuid,
  role: z.enum(['user', 'assistant']),
  content: z.string(),
  productIds: z.array(uuid),
  createdAt: z.string(),
  finishReason: z.enum(finishReasons).nullable().optional(),
  /** Assistant messages: the products shown, in order (those still in the catalog). */
  products: z.array(gpuSchema).optional(),
  comparison: chatComparisonEventSchema.omit({ messageId: true }).nullable().optional(),
  actions: z.array(chatActionEventSchema.omit({ messageId: true })).optional(),
  suggestions: z.array(z.string()).optional(),
  /** The steps the assistant took (tool calls and their outcomes). */
  tools: z.array(chatToolEventSchema.omit({ messageId: true })).optional(),
});
export type ChatMessage = z.infer<typeof messageSchema>;

export const conversationSummarySchema = z.object({
  id: uuid,
  title: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type ConversationSummary = z.infer<typeof conversationSummarySchema>;

export const conversationSchema = conversationSummarySchema.extend({ messages: z.array(messageSchema) });
export type Conversation = z.infer<typeof conversationSchema>;
export const conversationListSchema = z.object({ items: z.array(conversationSummarySchema) });

export const askAiRequestSchema = z.object({
  message: z.string().trim().min(1),
  conversationId: uuid.optional(),
});
export const askAiResponseSchema = z.object({
  conversationId: uuid,
  messageId: uuid,
  answer: z.string(),
  products: z.array(gpuSchema),
  comparison: chatComparisonEventSchema.omit({ messageId: true }).nullable().optional(),
  actions: z.array(chatActionEventSchema.omit({ messageId: true })).optional(),
  suggestions: z.array(z.string()).optional(),
  finishReason: z.enum(finishReasons),
  provider: z.string(),
  model: z.string(),
  usage: usageSchema,
  grounding: groundingSchema.optional(),
});
export type AskAiResponse = z.infer<typeof askAiResponseSchema>;
