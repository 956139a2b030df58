// Direct SQL for commerce suites: products made for one test (so tests never share stock),
// stock reads and writes, and order counts. Works on an in-process app's ORM (PGlite or
// PostgreSQL) and on a plain `pg` pool (multi-process suites).
import { randomUUID } from 'node:crypto';
import type pg from 'pg';
import type { TestApp } from '../../support/app.js';

/** Runs SQL with `?` placeholders. */
export type Exec = <T = Record<string, unknown>>(sql: string, params?: unknown[]) => Promise<T[]>;

export const appExec =
  (app: TestApp): Exec =>
  <T>(sql: string, params: unknown[] = []) =>
    app.platform.db.orm.em.fork().execute(sql, params) as Promise<T[]>;

export const pgExec =
  (pool: pg.Pool): Exec =>
  async <T>(sql: string, params: unknown[] = []) => {
    let i = 0;
    const res = await pool.query(
      sql.replace(/\?/g, () => `$${++i}`),
      params,
    );
    return res.rows as T[];
  };

export interface TestGpu {
  id: string;
  name: string;
  priceCents: number;
}

export async function insertGpu(
  exec: Exec,
  o: { stock: number; priceCents?: number; isActive?: boolean; name?: string },
): Promise<TestGpu> {
  const tag = randomUUID().slice(0, 8);
  const name = o.name ?? `Test GPU ${tag}`;
  const priceCents = o.priceCents ?? 49_999;
  const rows = await exec<{ id: string }>(
    `insert into gpus (sku, name, brand, vram_gb, price_cents, stock, is_active)
     values (?, ?, 'NVIDIA', 16, ?, ?, ?) returning id`,
    [`TEST-${tag}`, name, priceCents, o.stock, o.isActive ?? true],
  );
  return { id: rows[0]!.id, name, priceCents };
}

export async function stockOf(exec: Exec, gpuId: string): Promise<number> {
  const rows = await exec<{ stock: number }>(`select stock from gpus where id = ?`, [gpuId]);
  return Number(rows[0]!.stock);
}

export async function setStock(exec: Exec, gpuId: string, stock: number): Promise<void> {
  await exec(`update gpus set stock = ? where id = ?`, [stock, gpuId]);
}

export async function orderCountFor(exec: Exec, gpuId: string): Promise<number> {
  const rows = await exec<{ n: string }>(`select count(*)::text as n from order_items where gpu_id = ?`, [gpuId]);
  return Number(rows[0]!.n);
}
