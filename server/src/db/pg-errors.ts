// Recognising PostgreSQL errors that are business outcomes, not bugs. MikroORM converts
// driver errors into typed exceptions; raw `em.execute` errors may still carry only the
// SQLSTATE `code`, so both are checked.
import {
  CheckConstraintViolationException,
  DeadlockException,
  ForeignKeyConstraintViolationException,
} from '@mikro-orm/core';

const sqlState = (err: unknown): string | undefined => {
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
};

/** 23514: a CHECK constraint refused the row (e.g. `gpus_stock_non_negative`). */
export const isCheckViolation = (err: unknown): boolean =>
  err instanceof CheckConstraintViolationException || sqlState(err) === '23514';

/** 23503: a referenced row is missing (e.g. a token for a deleted user). */
export const isForeignKeyViolation = (err: unknown): boolean =>
  err instanceof ForeignKeyConstraintViolationException || sqlState(err) === '23503';

/** 40P01 / 40001: the transaction lost a lock or serialization race and may be retried. */
export const isRetryableConflict = (err: unknown): boolean =>
  err instanceof DeadlockException || sqlState(err) === '40P01' || sqlState(err) === '40001';

const unavailableStates = new Set(['57P01', '57P02', '57P03', '53300', '08000', '08001', '08003', '08004', '08006']);
const unavailableCodes = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EHOSTUNREACH']);
const unavailableMessages =
  /Connection terminated|Connection ended unexpectedly|timeout acquiring a connection|Knex: Timeout|connect ECONNREFUSED|Client has encountered a connection error|database ping timed out/i;

/** The database is unreachable or refusing work right now: a 503 for the caller, not a bug. */
export function isDatabaseUnavailable(err: unknown): boolean {
  for (let e: unknown = err, depth = 0; e && depth < 4; depth++) {
    const code = sqlState(e);
    if (code && (unavailableStates.has(code) || unavailableCodes.has(code))) return true;
    const message = (e as { message?: unknown }).message;
    if (typeof message === 'string' && unavailableMessages.test(message)) return true;
    e = (e as { cause?: unknown }).cause;
  }
  return false;
}
