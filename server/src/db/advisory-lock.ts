// A PostgreSQL session advisory lock on a connection of its own, held while `fn` runs, so
// that instances starting together on one database take turns: two `npm start` (or two pods
// of a rollout) on an empty database must not both create the schema or both seed it. The
// connection is separate from the ORM's pool, so `fn` may use the pool freely.
import pg from 'pg';

/** Lock keys (any 64-bit integer; fixed so every instance agrees). */
export const LOCKS = { startup: 874_412_031 } as const;

export async function withAdvisoryLock<T>(databaseUrl: string, key: number, fn: () => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: databaseUrl, connectionTimeoutMillis: 5_000 });
  await client.connect();
  try {
    await client.query('select pg_advisory_lock($1)', [key]);
    try {
      return await fn();
    } finally {
      await client.query('select pg_advisory_unlock($1)', [key]).catch(() => undefined);
    }
  } finally {
    await client.end().catch(() => undefined);
  }
}
