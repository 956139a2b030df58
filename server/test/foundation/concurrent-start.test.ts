// Two instances started at the same moment on one empty PostgreSQL database (two `npm start`
// in a checkout, two pods of a first rollout): both become ready, the schema is created once
// and the catalog is seeded once. Start-up runs under a PostgreSQL advisory lock.
import { afterAll, describe, expect, it } from 'vitest';
import { createTestDatabase, withPg, type TestDatabase } from '../support/database.js';
import { baseDatabaseUrl } from '../support/services.js';
import { startServerProcess, type ServerProcess } from '../support/processes.js';

const started: ServerProcess[] = [];
let db: TestDatabase | undefined;

afterAll(async () => {
  await Promise.all(started.map((s) => s.stop('SIGTERM')));
  await db?.drop();
});

describe.skipIf(!baseDatabaseUrl)('two instances starting together on an empty database', () => {
  it('both become ready; migrations and the seed run once', async () => {
    db = await createTestDatabase();
    const env = { ...db.env, JWT_SECRET: 'concurrent-start-secret-0123456789abcdef', SEED_ON_START: 'true' };
    const [a, b] = await Promise.all([
      startServerProcess(env, { readyTimeoutMs: 120_000 }),
      startServerProcess(env, { readyTimeoutMs: 120_000 }),
    ]);
    started.push(a, b);
    for (const s of [a, b]) expect((await fetch(`${s.url}/readyz`)).status).toBe(200);
    const counts = await withPg(db.url!, async (c) => ({
      migrations: (
        await c.query<{ name: string; n: string }>(
          `select name, count(*)::text as n from mikro_orm_migrations group by name`,
        )
      ).rows,
      skus: Number((await c.query<{ n: string }>(`select count(*)::text as n from gpus`)).rows[0]!.n),
      distinct: Number((await c.query<{ n: string }>(`select count(distinct sku)::text as n from gpus`)).rows[0]!.n),
    }));
    expect(counts.migrations.length).toBeGreaterThan(1);
    expect(counts.migrations.every((m) => m.n === '1')).toBe(true);
    expect(counts.skus).toBeGreaterThan(100);
    expect(counts.skus).toBe(counts.distinct);
  });
});
