// Idempotency keys, per user: the first result of a keyed request (status and body) is
// stored in the same transaction as its effects, and replayed for every repeat.
//
// Claiming a key is `insert ... on conflict do nothing` followed by `select ... for update`:
// parallel requests with one key queue on that row lock, so exactly one of them runs and the
// others see its committed result. A claim by a transaction that rolls back disappears with it.
import { createHash } from 'node:crypto';
import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { IdempotencyKey } from '../../db/entities/index.js';

export interface StoredResult {
  status: number;
  body: unknown;
}

export type KeyClaim = { fresh: true } | { fresh: false; requestHash: string; result: StoredResult };

/** Locks the (user, key) row for this transaction, creating it when new. */
export async function claimIdempotencyKey(tx: EntityManager, userId: string, key: string): Promise<KeyClaim> {
  await tx
    .createQueryBuilder(IdempotencyKey)
    .insert({ userId, key, requestHash: '' })
    .onConflict(['userId', 'key'])
    .ignore()
    .execute('run');
  const row = await tx.findOne(
    IdempotencyKey,
    { userId, key },
    { lockMode: LockMode.PESSIMISTIC_WRITE, disableIdentityMap: true },
  );
  // No status yet: the row is ours (a claim of an unfinished transaction is invisible or awaited).
  if (!row || row.statusCode === null) return { fresh: true };
  return {
    fresh: false,
    requestHash: row.requestHash.trim(),
    result: { status: row.statusCode, body: row.responseBody },
  };
}

export async function storeIdempotentResult(
  tx: EntityManager,
  userId: string,
  key: string,
  requestHash: string,
  result: StoredResult,
): Promise<void> {
  await tx.nativeUpdate(
    IdempotencyKey,
    { userId, key },
    { requestHash, statusCode: result.status, responseBody: result.body },
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
