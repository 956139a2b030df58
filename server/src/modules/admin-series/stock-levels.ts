// A product's stock level at the end of each bucket, from stock_history (written by the stock
// service with every change): the last level recorded before the bucket ends.
import type { EntityManager } from '@mikro-orm/postgresql';
import type { SeriesPoint } from '@gpu/shared';
import { GpuRecord } from '../../db/entities/index.js';
import type { BucketWindow } from './buckets.js';
import { bucketMs } from './buckets.js';

/** Null when the product does not exist. */
export async function stockLevels(em: EntityManager, gpuId: string, w: BucketWindow): Promise<SeriesPoint[] | null> {
  const product = await em.findOne(GpuRecord, { id: gpuId }, { fields: ['stock'], disableIdentityMap: true });
  if (!product) return null;
  const size = bucketMs[w.bucket];
  // Raw SQL: one point per bucket from generate_series with a lateral "last level before the
  // bucket's end" lookup; the ORM has no series generator.
  const rows = await em.execute<{ t: Date | string; v: number | null }[]>(
    `select b.t,
            (select h.stock from stock_history h
              where h.gpu_id = ? and h.at < b.t + make_interval(secs => ?)
              order by h.at desc, h.id desc limit 1) as v
       from generate_series(?::timestamptz, ?::timestamptz, make_interval(secs => ?)) as b(t)
      order by b.t`,
    [gpuId, size / 1000, w.starts[0]!, w.starts.at(-1)!, size / 1000],
  );
  // Nothing recorded before now: the level never changed since the product was added.
  if (rows.every((r) => r.v === null)) return w.starts.map((t) => ({ t: t.toISOString(), v: product.stock }));
  return rows.map((r, i) => ({ t: w.starts[i]!.toISOString(), v: r.v === null ? null : Number(r.v) }));
}
