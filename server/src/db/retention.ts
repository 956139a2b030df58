// Retention: rows that only matter for a while. Idempotency keys are honoured for 24 hours
// (a client retries within minutes); refresh tokens are kept a day past expiry so that reuse
// of a rotated token is still recognised while it could have been valid. Stock history is
// kept for the dashboard's longest range (30 days) plus a margin, and each product keeps its
// newest older row, which is its level at the start of that window. Run at start-up.
import type { EntityManager } from '@mikro-orm/postgresql';
import { IdempotencyKey, RefreshToken } from './entities/index.js';

export const IDEMPOTENCY_RETENTION_H = 24;
export const STOCK_HISTORY_RETENTION_D = 35;

export async function purgeExpiredRecords(
  em: EntityManager,
  now = new Date(),
): Promise<{ idempotencyKeys: number; refreshTokens: number; stockHistory: number }> {
  const hour = 3_600_000;
  const idempotencyKeys = await em.nativeDelete(IdempotencyKey, {
    createdAt: { $lt: new Date(now.getTime() - IDEMPOTENCY_RETENTION_H * hour) },
  });
  const refreshTokens = await em.nativeDelete(RefreshToken, {
    expiresAt: { $lt: new Date(now.getTime() - 24 * hour) },
  });
  // Raw SQL: "older than the window, unless it is the product's newest such row" is a
  // correlated subquery on the same table, one statement so a concurrent change cannot slip in.
  const history = await em.execute<{ n: number }[]>(
    `with gone as (
       delete from stock_history h where h.at < ? and exists
         (select 1 from stock_history n where n.gpu_id = h.gpu_id and n.at < ? and n.id > h.id)
       returning 1)
     select count(*)::int as n from gone`,
    Array(2).fill(new Date(now.getTime() - STOCK_HISTORY_RETENTION_D * 24 * hour)),
  );
  return {
    idempotencyKeys,
    refreshTokens,
    stockHistory: Number(history[0]?.n ?? 0),
  };
}
