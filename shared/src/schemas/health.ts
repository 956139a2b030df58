import { z } from 'zod';

const dependency = z.object({
  status: z.enum(['ok', 'down', 'disabled']),
  latencyMs: z.number().optional(),
  error: z.string().optional(),
});

export const healthSchema = z.object({
  status: z.enum(['ok', 'degraded']),
  version: z.string(),
  uptimeS: z.number(),
  instanceId: z.string().optional(),
  checks: z.object({
    database: dependency.extend({ engine: z.string().optional() }),
    redis: dependency.extend({
      mode: z.enum(['single', 'cluster']).optional(),
      /** Redis Cluster: masters known, and how many answered (fewer: some slots unavailable). */
      masters: z.number().int().optional(),
      mastersUp: z.number().int().optional(),
    }),
    llm: z.object({ provider: z.string(), model: z.string() }),
    embeddings: z.object({
      model: z.string(),
      dim: z.number().int(),
      lexical: z.boolean().optional(),
      /** "failed" when the embedder can no longer embed: search falls back to full-text. */
      status: z.enum(['ok', 'failed']).optional(),
      error: z.string().optional(),
    }),
    storage: z.object({ driver: z.string() }).optional(),
  }),
});
export type Health = z.infer<typeof healthSchema>;
