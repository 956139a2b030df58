// The entities are the schema: on a fresh database (real PostgreSQL under REQUIRE_SERVICES=1,
// PGlite otherwise) the migrations and the entities must describe the same tables, columns,
// types, defaults, checks, indexes and foreign keys, so MikroORM's schema generator finds
// nothing to change. A new migration that the entities do not follow (or the reverse) fails here.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { openDatabase, type Database } from '../../src/db/orm.js';
import { schemaDiff } from '../../src/db/schema-diff.js';
import { createLogger } from '../../src/platform/logger.js';
import { createTestDatabase, type TestDatabase } from '../support/database.js';

let testDb: TestDatabase;
let db: Database;

beforeAll(async () => {
  testDb = await createTestDatabase();
  const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', JWT_SECRET: 'x'.repeat(48), ...testDb.env });
  db = await openDatabase(config, createLogger('silent'));
});
afterAll(async () => {
  await db?.close();
  await testDb?.drop();
});

const exec = (sql: string) => db.orm.em.fork().getConnection().execute(sql);

describe('schema diff: entities against the migrated database', () => {
  it('finds no difference after every migration is applied', async () => {
    expect(await db.migrationsApplied()).toBe(true);
    expect(await schemaDiff(db.orm)).toEqual([]);
  });

  it('names the change when the database drifts from the entities', async () => {
    await exec(`alter table users alter column name type varchar(100)`);
    await exec(`drop index gpus_brand_idx`);
    await exec(`alter table orders drop constraint orders_total_cents_check`);
    try {
      const diff = (await schemaDiff(db.orm)).join('\n');
      expect(diff).toMatch(/alter column "name" type varchar\(80\)/);
      expect(diff).toMatch(/create index "gpus_brand_idx"/);
      expect(diff).toMatch(/orders_total_cents_check/);
    } finally {
      await exec(`alter table users alter column name type varchar(80)`);
      await exec(`create index gpus_brand_idx on gpus (brand)`);
      await exec(`alter table orders add constraint orders_total_cents_check check (total_cents >= 0)`);
    }
    expect(await schemaDiff(db.orm)).toEqual([]);
  });
});
