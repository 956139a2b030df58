// Seeds the demo catalog. Idempotent: products are keyed by SKU and never duplicated or
// overwritten (an admin's later edits survive a re-seed); missing embeddings are filled.
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Embedder } from '../../modules/assistant/embeddings/embedder.js';
import { reindexStale } from '../../modules/catalog/product-embeddings.js';
import { catalog, type CatalogEntry } from './catalog-data.js';

export interface SeedResult {
  inserted: number;
  embedded: number;
  total: number;
}

export async function seedCatalog(
  em: EntityManager,
  embedder: Embedder,
  entries: CatalogEntry[] = catalog,
): Promise<SeedResult> {
  let inserted = 0;
  await em.transactional(async (tx) => {
    for (const e of entries) {
      const rows = await tx.execute<{ id: string }[]>(
        `insert into gpus (sku, name, brand, vram_gb, price_cents, stock, description, specs)
         values (?, ?, ?, ?, ?, ?, ?, ?::jsonb)
         on conflict (sku) do nothing returning id`,
        [e.sku, e.name, e.brand, e.vramGb, Math.round(e.price * 100), e.stock, e.description, JSON.stringify(e.specs)],
      );
      inserted += rows.length;
    }
  });
  const embedded = await reindexStale(em, embedder);
  const [{ count }] = (await em.execute<{ count: string }[]>(`select count(*)::text as count from gpus`)) as [
    { count: string },
  ];
  return { inserted, embedded, total: Number(count) };
}

export async function catalogIsEmpty(em: EntityManager): Promise<boolean> {
  const rows = await em.execute<{ one: number }[]>(`select 1 as one from gpus limit 1`);
  return rows.length === 0;
}
