// One SQL aggregate per series, grouped by UTC bucket over [from, end). Orders and revenue
// from orders (cancelled ones left out), chats and answers from messages, time to first
// token from llm_usage, out-of-stock asks from the answers' meta.outOfStockProductIds (as
// the insights report reads it). Raw SQL: read-only aggregates per UTC bucket (date_trunc,
// filtered sums, percentiles), which the ORM's query builder cannot express.
import type { EntityManager } from '@mikro-orm/postgresql';
import type { SeriesBucket, SeriesName, SeriesUnit } from '@gpu/shared';

export type AggregateName = Exclude<SeriesName, 'stock'>;

interface Aggregate {
  unit: SeriesUnit;
  /** `value` over the rows of `from` in one bucket; `where` filters them. */
  value: string;
  from: string;
  where: string;
  /** Buckets without rows: 0 for counts and sums, null where nothing was measured. */
  empty: number | null;
}

const finishedAnswer = `role = 'assistant' and finish_reason is not null`;
const outOfStockIds = `meta->'outOfStockProductIds'`;

export const aggregates: Record<AggregateName, Aggregate> = {
  orders: { unit: 'count', value: 'count(*)', from: 'orders', where: `status <> 'cancelled'`, empty: 0 },
  revenue: {
    unit: 'usd',
    value: 'sum(total_cents) / 100.0',
    from: 'orders',
    where: `status <> 'cancelled'`,
    empty: 0,
  },
  chats: { unit: 'count', value: 'count(*)', from: 'messages', where: `role = 'user'`, empty: 0 },
  answers: {
    unit: 'count',
    value: 'count(*)',
    from: 'messages',
    where: `role = 'assistant' and finish_reason in ('stop', 'length')`,
    empty: 0,
  },
  ttft_p50: {
    unit: 'ms',
    value: 'percentile_cont(0.5) within group (order by time_to_first_token_ms)',
    from: 'llm_usage',
    where: 'time_to_first_token_ms is not null',
    empty: null,
  },
  ttft_p95: {
    unit: 'ms',
    value: 'percentile_cont(0.95) within group (order by time_to_first_token_ms)',
    from: 'llm_usage',
    where: 'time_to_first_token_ms is not null',
    empty: null,
  },
  stockout_asks: {
    unit: 'count',
    value: `sum(case when jsonb_typeof(${outOfStockIds}) = 'array' then jsonb_array_length(${outOfStockIds}) else 0 end)`,
    from: 'messages',
    where: finishedAnswer,
    empty: 0,
  },
};

/** Values by bucket start (epoch ms); buckets without rows are absent. */
export async function aggregateByBucket(
  em: EntityManager,
  name: AggregateName,
  bucket: SeriesBucket,
  from: Date,
  end: Date,
): Promise<Map<number, number>> {
  const a = aggregates[name];
  const rows = await em.execute<{ t: Date | string; v: string | number | null }[]>(
    `select date_trunc('${bucket}', created_at, 'UTC') as t, (${a.value})::float8 as v
       from ${a.from}
      where ${a.where} and created_at >= ? and created_at < ?
      group by 1`,
    [from, end],
  );
  const out = new Map<number, number>();
  for (const r of rows) if (r.v !== null) out.set(new Date(r.t).getTime(), Number(r.v));
  return out;
}
