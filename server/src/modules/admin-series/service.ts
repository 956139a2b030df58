// Time series for the admin dashboard: one REST read per series and range, and the current
// bucket of every series for the live feed (realtime/series-feed.ts). Plain SQL aggregates
// over the tables the product already writes; stock levels from stock_history.
import type { EntityManager } from '@mikro-orm/postgresql';
import { bucketOfRange, type Series, type SeriesBucket, type SeriesPointEvent, type SeriesQuery } from '@gpu/shared';
import { notFound } from '../../platform/errors.js';
import { bucketsOf, lastBuckets, type BucketWindow } from './buckets.js';
import { aggregateByBucket, aggregates, type AggregateName } from './queries.js';
import { stockLevels } from './stock-levels.js';

export const liveSeries = Object.keys(aggregates) as AggregateName[];

export interface AdminSeriesDeps {
  em: () => EntityManager;
  now?: () => Date;
}

export class AdminSeriesService {
  private readonly now: () => Date;

  constructor(private readonly deps: AdminSeriesDeps) {
    this.now = deps.now ?? (() => new Date());
  }

  async series(q: SeriesQuery): Promise<Series> {
    const w = bucketsOf(q.range, this.now());
    const base = { name: q.name, range: q.range, bucket: bucketOfRange[q.range] };
    if (q.name === 'stock') {
      const points = await stockLevels(this.deps.em(), q.gpuId!, w);
      if (!points) throw notFound('Product');
      return { ...base, unit: 'units', gpuId: q.gpuId!, points };
    }
    return { ...base, unit: aggregates[q.name].unit, points: await this.points(q.name, w) };
  }

  /** The current (open) bucket of every aggregate series. */
  async latest(bucket: SeriesBucket, names: AggregateName[] = liveSeries): Promise<SeriesPointEvent[]> {
    const w = lastBuckets(bucket, 1, this.now());
    const out: SeriesPointEvent[] = [];
    for (const name of names) out.push({ name, bucket, point: (await this.points(name, w))[0]! });
    return out;
  }

  private async points(name: AggregateName, w: BucketWindow) {
    const values = await aggregateByBucket(this.deps.em(), name, w.bucket, w.starts[0]!, w.end);
    const empty = aggregates[name].empty;
    return w.starts.map((t) => ({ t: t.toISOString(), v: round(values.get(t.getTime()) ?? empty) }));
  }
}

const round = (v: number | null) => (v === null ? null : Math.round(v * 100) / 100);
