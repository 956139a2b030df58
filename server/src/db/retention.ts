// Retention: rows that only matter for a while. Idempotency keys are honoured for 24 hours
// (a client retries within minutes); refresh tokens are kept a day past expiry so that reuse
// of a rotated token is still recognised while it could have been valid. Run at start-up.
import type { EntityManager } from '@mikro-orm/postgresql';

export const IDEMPOTENCY_RETENTION_H = 24;

export async function purgeExpiredRecords(
  em: EntityManager,
  now = new Date(),
): Promise<{ idempotencyKeys: number; refreshTokens: number }> {
  const hour = 3_600_000;
  const keys = await em.execute<{ n: number }[]>(
    `with gone as (delete from idempotency_keys where created_at < ? returning 1) select count(*)::int as n from gone`,
    [new Date(now.getTime() - IDEMPOTENCY_RETENTION_H * hour)],
  );
  const tokens = await em.execute<{ n: number }[]>(
    `with gone as (delete from refresh_tokens where expires_at < ? returning 1) select count(*)::int as n from gone`,
    [new Date(now.getTime() - 24 * hour)],
  );
  return { idempotencyKeys: Number(keys[0]?.n ?? 0), refreshTokens: Number(tokens[0]?.n ?? 0) };
}
