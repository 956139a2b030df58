// Seeding: idempotent, complete, bilingual, and embedded through the embedder interface.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/app.js';
import { seedDemoCatalog } from '../../src/seed-demo.js';
import { loadCatalog } from '../../src/db/seed/catalog-files.js';

const catalog = loadCatalog();

let app: TestApp;
const sql = <T extends Record<string, unknown>[]>(query: string, params: unknown[] = []) =>
  app.platform.db.orm.em.fork().execute<T>(query, params);
const count = async (table: string) =>
  Number((await sql<{ n: string }[]>(`select count(*)::text as n from ${table}`))[0]!.n);

beforeAll(async () => {
  app = await startTestApp({ redis: false });
});
afterAll(async () => app?.close());

describe('catalog seed', () => {
  it('seeds the whole curated catalog at start-up on an empty database', async () => {
    expect(catalog.length).toBeGreaterThanOrEqual(120);
    expect(await count('gpus')).toBe(catalog.length);
  });

  it('is idempotent: seeding again inserts nothing and keeps row counts and edits', async () => {
    const [first] = await sql<{ id: string }[]>(`select id from gpus order by sku limit 1`);
    await sql(`update gpus set stock = 77 where id = ?`, [first!.id]);
    const before = await count('gpus');
    const result = await seedDemoCatalog(app.platform.db.orm.em.fork(), app.platform.embedder, {
      store: app.services.media.store,
    });
    expect(result.inserted).toBe(0);
    expect(result.total).toBe(before);
    expect(await count('gpus')).toBe(before);
    const [after] = await sql<{ stock: number }[]>(`select stock from gpus where id = ?`, [first!.id]);
    expect(Number(after!.stock)).toBe(77);
  });

  it('gives every product a 384-dimension embedding from the active embedder', async () => {
    const rows = await sql<{ dims: number; model: string; n: string }[]>(
      `select vector_dims(embedding) as dims, embedding_model as model, count(*)::text as n from gpus group by 1, 2`,
    );
    expect(rows).toEqual([{ dims: 384, model: app.platform.embedder.model, n: String(catalog.length) }]);
  });

  it('stores both descriptions and the figures of every product as the files give them', async () => {
    const rows = await sql<{ sku: string; es: string; en: string; specs: Record<string, unknown> }[]>(
      `select sku, description_es as es, description_en as en, specs from gpus`,
    );
    const bySku = new Map(rows.map((r) => [r.sku, r]));
    for (const e of catalog) {
      const row = bySku.get(e.sku)!;
      expect(row.es, e.sku).toBe(e.descriptions.es);
      expect(row.en, e.sku).toBe(e.descriptions.en);
      expect(row.specs['perfIndex'], e.sku).toBe(e.specs.perfIndex);
      expect(row.specs['aiTops'], e.sku).toBe(e.specs.aiTops);
    }
  });

  it('stores exact prices in cents and the bootstrap admin', async () => {
    const entry = catalog[0]!;
    const [row] = await sql<{ price_cents: string }[]>(`select price_cents::text from gpus where sku = ?`, [entry.sku]);
    expect(Number(row!.price_cents)).toBe(Math.round(entry.price * 100));
    const admins = await sql<{ role: string }[]>(`select role from users where email = 'admin@test.local'`);
    expect(admins).toEqual([{ role: 'admin' }]);
  });
});
