// Idempotency keys, per user: the first result of a keyed request (status and body) is
// stored in the same transaction as its effects, and replayed for every repeat.
//
// Claiming a key is `insert ... on conflict do nothing` followed by `select ... for update`:
// parallel requests with one key queue on that row lock, so exactly one of them runs and the
// others see its committed result. A claim by a transaction that rolls back disappears with it.
import { createHash } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';

export interface StoredResult {
  status: number;
  body: unknown;
}

export type KeyClaim = { fresh: true } | { fresh: false; requestHash: string; result: StoredResult };

/** Locks the (user, key) row for this transaction, creating it when new. */
export async function claimIdempotencyKey(tx: EntityManager, userId: string, key: string): Promise<KeyClaim> {
  await tx.execute(
    `insert into idempotency_keys (user_id, key, request_hash) values (?, ?, '') on conflict do nothing`,
    [userId, key],
  );
  const rows = await tx.execute<{ request_hash: string; status_code: number | null; response_body: unknown }[]>(
    `select request_hash, status_code, response_body from idempotency_keys where user_id = ? and key = ? for update`,
    [userId, key],
  );
  const row = rows[0];
  // No status yet: the row is ours (a claim of an unfinished transaction is invisible or awaited).
  if (!row || row.status_code === null) return { fresh: true };
  const body = typeof row.response_body === 'string' ? (JSON.parse(row.response_body) as unknown) : row.response_body;
  return { fresh: false, requestHash: row.request_hash.trim(), result: { status: Number(row.status_code), body } };
}

export async function storeIdempotentResult(
  tx: EntityManager,
  userId: string,
  key: string,
  requestHash: string,
  result: StoredResult,
): Promise<void> {
  await tx.execute(
    `update idempotency_keys set request_hash = ?, status_code = ?, response_body = ?::jsonb where user_id = ? and key = ?`,
    [requestHash, result.status, JSON.stringify(result.body), userId, key],
  );
}

/** SHA-256 over a canonical JSON form (object keys sorted), so equal requests hash equally. */
export function requestHash(value: unknown): string {
  return createHash('sha256').update(canonicalJson(value)).digest('hex');
}

function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}
