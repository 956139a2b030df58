// Stock levels over time (table stock_history), for the admin dashboard's stock chart. The
// stock service calls recordLevel inside the transaction of every change, so the history
// holds exactly the committed levels; the seed records each new product's first level.
// Raw SQL: `insert ... select` copies the level the transaction sees in the same statement
// (no read-then-insert), and the missing-levels fill is one set-based statement.
import type { EntityManager } from '@mikro-orm/postgresql';

/** Appends the product's level as the transaction `em` now sees it. */
export async function recordLevel(em: EntityManager, gpuId: string): Promise<void> {
  await em.execute(`insert into stock_history (gpu_id, stock) select id, stock from gpus where id = ?`, [gpuId]);
}

/** Gives every product without any history its current level as a starting point. */
export async function recordMissingLevels(em: EntityManager): Promise<number> {
  const rows = await em.execute<{ id: string }[]>(
    `insert into stock_history (gpu_id, stock)
     select g.id, g.stock from gpus g where not exists (select 1 from stock_history h where h.gpu_id = g.id)
     returning id`,
  );
  return rows.length;
}
