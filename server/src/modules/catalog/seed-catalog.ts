// Seeds the demo catalog through the catalog: rows from the validated seed files, then
// embeddings for every product that lacks one, then a picture for every seeded product that
// lacks one (media/seed-images.ts). Idempotent: products are keyed by SKU and never
// duplicated or overwritten (an admin's later edits and uploads survive a re-seed).
import type { EntityManager } from '@mikro-orm/postgresql';
import type { GpuSeedEntry } from '@gpu/shared';
import { loadCatalog } from '../../db/seed/catalog-files.js';
import type { Embedder } from '../assistant/embeddings/embedder.js';
import type { ObjectStore } from '../media/object-store.js';
import { seedProductImages } from '../media/seed-images.js';
import { dollarsToCents } from './gpu-row.js';
import { recordMissingLevels } from '../inventory/stock-history.js';
import { reindexStale } from './product-embeddings.js';

export interface SeedResult {
  inserted: number;
  embedded: number;
  total: number;
  /** Pictures rendered and stored in this run, and how long that took. */
  images: number;
  imagesMs: number;
}

export interface SeedOptions {
  /** Where pictures go: the object store uploads use. */
  store: ObjectStore;
  entries?: GpuSeedEntry[];
}

export async function seedCatalog(em: EntityManager, embedder: Embedder, opts: SeedOptions): Promise<SeedResult> {
  const entries = opts.entries ?? loadCatalog();
  let inserted = 0;
  await em.transactional(async (tx) => {
    for (const e of entries) {
      // A new row's first stock level is data, not a change: nobody watches it yet, so no event.
      const rows = await tx.execute<{ id: string }[]>(
        `insert into gpus (sku, name, brand, vram_gb, price_cents, stock, description_es, description_en, specs)
         values (?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb)
         on conflict (sku) do nothing returning id`,
        [
          e.sku,
          e.name,
          e.brand,
          e.vramGb,
          dollarsToCents(e.price),
          e.stock,
          e.descriptions.es,
          e.descriptions.en,
          JSON.stringify(e.specs),
        ],
      );
      inserted += rows.length;
    }
    await recordMissingLevels(tx); // the first point of each new product's stock chart
  });
  const embedded = await reindexStale(em, embedder);
  const pictures = await seedProductImages(em, opts.store, entries);
  const [{ count }] = (await em.execute<{ count: string }[]>(`select count(*)::text as count from gpus`)) as [
    { count: string },
  ];
  return { inserted, embedded, total: Number(count), ...pictures };
}

export async function catalogIsEmpty(em: EntityManager): Promise<boolean> {
  const rows = await em.execute<{ one: number }[]>(`select 1 as one from gpus limit 1`);
  return rows.length === 0;
}
