// Migrations on the suite's database (real PostgreSQL in CI, PGlite otherwise): the
// schema carries the vector index, full-text column and the guards the product relies on.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/app.js';

let app: TestApp;
const sql = <T extends Record<string, unknown>[]>(query: string, params: unknown[] = []) =>
  app.platform.db.orm.em.fork().execute<T>(query, params);

beforeAll(async () => {
  app = await startTestApp({ redis: false });
});
afterAll(async () => app?.close());

describe('schema', () => {
  it('applies every migration and records them', async () => {
    expect(await app.platform.db.migrationsApplied()).toBe(true);
    const rows = await sql<{ name: string }[]>(`select name from mikro_orm_migrations`);
    expect(rows.map((r) => r.name)).toContain('Migration20261126000000_init');
  });

  it('has the pgvector extension, an HNSW cosine index and a full-text index', async () => {
    const ext = await sql<{ extname: string }[]>(`select extname from pg_extension where extname = 'vector'`);
    expect(ext).toHaveLength(1);
    const idx = await sql<{ indexdef: string }[]>(`select indexdef from pg_indexes where tablename = 'gpus'`);
    const defs = idx.map((i) => i.indexdef).join('\n');
    expect(defs).toMatch(/USING hnsw \(embedding vector_cosine_ops\)/);
    expect(defs).toMatch(/USING gin \(search_vector\)/);
  });

  it('stores money as integer cents, not floats', async () => {
    const cols = await sql<{ column_name: string; data_type: string }[]>(
      `select column_name, data_type from information_schema.columns where column_name like '%cents'`,
    );
    expect(cols.length).toBeGreaterThanOrEqual(3);
    for (const c of cols) expect(c.data_type).toBe('bigint');
  });

  it('refuses an UPDATE that drives stock negative', async () => {
    const [gpu] = await sql<{ id: string; stock: number }[]>(`select id, stock from gpus order by sku limit 1`);
    await expect(sql(`update gpus set stock = -1 where id = ?`, [gpu!.id])).rejects.toThrow(/gpus_stock_non_negative/);
    await expect(sql(`update gpus set stock = stock - ? where id = ?`, [gpu!.stock + 1, gpu!.id])).rejects.toThrow(
      /check constraint/,
    );
    const [after] = await sql<{ stock: number }[]>(`select stock from gpus where id = ?`, [gpu!.id]);
    expect(Number(after!.stock)).toBe(Number(gpu!.stock));
  });

  it('refuses a zero or negative price and an unknown brand', async () => {
    const [gpu] = await sql<{ id: string }[]>(`select id from gpus limit 1`);
    await expect(sql(`update gpus set price_cents = 0 where id = ?`, [gpu!.id])).rejects.toThrow(/gpus_price_positive/);
    await expect(sql(`update gpus set brand = 'Matrox' where id = ?`, [gpu!.id])).rejects.toThrow(/check constraint/);
  });

  it('indexes names and descriptions for full-text search in Spanish and English', async () => {
    const rows = await sql<{ n: string }[]>(
      `select count(*)::text as n from gpus where search_vector @@ websearch_to_tsquery('simple', 'rtx 4070')`,
    );
    expect(Number(rows[0]!.n)).toBeGreaterThan(0);
    const es = await sql<{ n: string }[]>(
      `select count(*)::text as n from gpus where search_vector @@ websearch_to_tsquery('spanish', 'juegos')`,
    );
    const en = await sql<{ n: string }[]>(
      `select count(*)::text as n from gpus where search_vector @@ websearch_to_tsquery('english', 'gaming')`,
    );
    expect(Number(es[0]!.n) + Number(en[0]!.n)).toBeGreaterThan(0);
  });
});
