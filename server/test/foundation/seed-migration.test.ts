// An existing database from before bilingual descriptions migrates forward: each single
// description lands in the language it is written in (a tie or an empty text goes to both),
// and the rebuilt full-text column indexes each language with its own stemmer.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { openDatabase, type Database } from '../../src/db/orm.js';
import { createLogger } from '../../src/platform/logger.js';
import { createTestDatabase, type TestDatabase } from '../support/database.js';

let database: TestDatabase;
let db: Database;
const sql = <T extends Record<string, unknown>[]>(query: string, params: unknown[] = []) =>
  db.orm.em.fork().execute<T>(query, params);

const OLD = [
  { sku: 'OLD-ES', text: 'Tarjeta eficiente para 1440p con 16GB; de lo mejor de AMD en rendimiento por watt.' },
  { sku: 'OLD-EN', text: 'Efficient 1440p card with 16GB and FSR 4; among the best performance per watt from AMD.' },
  { sku: 'OLD-TIE', text: 'RTX 4090 24GB GDDR6X' },
  { sku: 'OLD-EMPTY', text: '' },
];

beforeAll(async () => {
  database = await createTestDatabase();
  const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', ...database.env });
  db = await openDatabase(config, createLogger('silent'), { migrate: false });
  // The schema as it was: only the first migration, and products with one description each.
  await db.orm.getMigrator().up({ to: 'Migration20261126000000_init' });
  for (const [i, p] of OLD.entries()) {
    await sql(
      `insert into gpus (sku, name, brand, vram_gb, price_cents, stock, description) values (?, ?, 'AMD', 16, 100, 1, ?)`,
      [p.sku, `Old card ${i}`, p.text],
    );
  }
  expect(await db.migrationsApplied()).toBe(false);
  await db.migrate();
});
afterAll(async () => {
  await db?.close();
  await database?.drop();
});

const row = async (sku: string) =>
  (
    await sql<{ es: string; en: string }[]>(
      `select description_es as es, description_en as en from gpus where sku = ?`,
      [sku],
    )
  )[0]!;

describe('migrating single descriptions to two languages', () => {
  it('applies the pending migration and drops the old column', async () => {
    expect(await db.migrationsApplied()).toBe(true);
    const cols = await sql<{ column_name: string }[]>(
      `select column_name from information_schema.columns where table_name = 'gpus' and column_name like 'description%'`,
    );
    expect(cols.map((c) => c.column_name).sort()).toEqual(['description_en', 'description_es']);
  });

  it('puts a Spanish text in es and an English text in en', async () => {
    expect(await row('OLD-ES')).toEqual({ es: OLD[0]!.text, en: '' });
    expect(await row('OLD-EN')).toEqual({ es: '', en: OLD[1]!.text });
  });

  it('keeps a text it cannot place in both languages', async () => {
    expect(await row('OLD-TIE')).toEqual({ es: OLD[2]!.text, en: OLD[2]!.text });
    expect(await row('OLD-EMPTY')).toEqual({ es: '', en: '' });
  });

  it('indexes the migrated text with each language stemmer', async () => {
    const match = async (config: string, q: string) =>
      (
        await sql<{ sku: string }[]>(
          `select sku from gpus where search_vector @@ plainto_tsquery(?::regconfig, ?) order by sku`,
          [config, q],
        )
      ).map((r) => r.sku);
    // "eficientes" stems to the Spanish "eficient"; "efficiently" to the English "effici".
    expect(await match('spanish', 'eficientes')).toEqual(['OLD-ES']);
    expect(await match('english', 'efficiently')).toEqual(['OLD-EN']);
  });
});
