import { z } from 'zod';
import { uuid } from './common.js';

/**
 * GET /api/admin/series?name=...&range=24h|7d|30d (admin): one time series for the dashboard.
 * Contract names: orders, revenue, chats, ttft_p95, stockout_asks; added: answers (assistant
 * answers that finished with stop/length), ttft_p50, and stock (needs gpuId: the product's
 * level at the end of each bucket).
 */
export const seriesNames = [
  'orders',
  'revenue',
  'chats',
  'answers',
  'ttft_p50',
  'ttft_p95',
  'stockout_asks',
  'stock',
] as const;
export const seriesNameSchema = z.enum(seriesNames);
export type SeriesName = z.infer<typeof seriesNameSchema>;

export const seriesRanges = ['24h', '7d', '30d'] as const;
export const seriesRangeSchema = z.enum(seriesRanges);
export type SeriesRange = z.infer<typeof seriesRangeSchema>;

/** Bucket size of a range: hours for 24h and 7d, days (UTC) for 30d. */
export const seriesBuckets = ['hour', 'day'] as const;
export type SeriesBucket = (typeof seriesBuckets)[number];
export const bucketOfRange: Record<SeriesRange, SeriesBucket> = { '24h': 'hour', '7d': 'hour', '30d': 'day' };

export const seriesQuerySchema = z
  .object({
    name: seriesNameSchema,
    range: seriesRangeSchema.default('24h'),
    gpuId: uuid.optional(),
  })
  .superRefine((q, ctx) => {
    if (q.name === 'stock' && !q.gpuId) {
      ctx.addIssue({ code: 'custom', path: ['gpuId'], message: 'required for the stock series' });
    }
  });
export type SeriesQuery = z.infer<typeof seriesQuerySchema>;

export const seriesUnits = ['count', 'usd', 'ms', 'units'] as const;
export type SeriesUnit = (typeof seriesUnits)[number];

export const seriesPointSchema = z.object({
  /** Start of the bucket, ISO 8601 (UTC). */
  t: z.string(),
  /** The bucket's value; null where there is nothing to measure (latency without answers, stock before the first record). */
  v: z.number().nullable(),
});
export type SeriesPoint = z.infer<typeof seriesPointSchema>;

export const seriesSchema = z.object({
  name: seriesNameSchema,
  range: seriesRangeSchema,
  bucket: z.enum(seriesBuckets),
  unit: z.enum(seriesUnits),
  gpuId: uuid.optional(),
  /** One point per bucket, oldest first; the last bucket is the current, still open one. */
  points: z.array(seriesPointSchema),
});
export type Series = z.infer<typeof seriesSchema>;

/**
 * `series:point` on /admin: the current bucket of a series changed. Applies to every range
 * with that bucket size: replace the point with the same `t`, or append it.
 * (The stock series moves with `stock:update`.)
 */
export interface SeriesPointEvent {
  name: Exclude<SeriesName, 'stock'>;
  bucket: SeriesBucket;
  point: SeriesPoint;
}
