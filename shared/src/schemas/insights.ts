import { z } from 'zod';
import { uuid } from './common.js';

/** GET /api/admin/insights?days=7: what shoppers ask the assistant for, and what it costs. */
export const insightsQuerySchema = z.object({
  days: z.coerce.number().int().min(1).max(90).default(7),
});
export type InsightsQuery = z.infer<typeof insightsQuerySchema>;

export const insightsSchema = z.object({
  days: z.number().int(),
  /** Products most often shown in answers. */
  topProducts: z.array(z.object({ gpuId: uuid, name: z.string(), mentions: z.number().int() })),
  /** Out-of-stock products shoppers asked for or that ranked among the best matches. */
  outOfStockDemand: z.array(z.object({ gpuId: uuid, name: z.string(), asks: z.number().int() })),
  /** Questions where nothing fit the budget. */
  overBudgetQueries: z.array(z.object({ query: z.string(), budget: z.number().nullable(), createdAt: z.string() })),
  /** Questions that found no product at all. */
  zeroResultQueries: z.array(z.object({ query: z.string(), createdAt: z.string() })),
  usageByDay: z.array(
    z.object({
      /** YYYY-MM-DD (UTC). */
      day: z.string(),
      promptTokens: z.number().int(),
      completionTokens: z.number().int(),
      avgTtftMs: z.number().nullable(),
      messages: z.number().int(),
    }),
  ),
});
export type Insights = z.infer<typeof insightsSchema>;
