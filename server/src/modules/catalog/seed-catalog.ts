// Seeds the demo catalog through the catalog: rows from the validated seed files, then
// embeddings for every product that lacks one, then a picture for every seeded product that
// lacks one (media/seed-images.ts). Idempotent: products are keyed by SKU and never
// duplicated or overwritten (an admin's later edits and uploads survive a re-seed).
import type { EntityManager } from '@mikro-orm/postgresql';
import type { GpuSeedEntry } from '@gpu/shared';
import { GpuRecord } from '../../db/entities/index.js';
import { loadCatalog } from '../../db/seed/catalog-files.js';
import type { Embedder } from '../assistant/embeddings/embedder.js';
import type { ObjectStore } from '../media/object-store.js';
import { seedProductImages } from '../media/seed-images.js';
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
    // A new row's first stock level is data, not a change: nobody watches it yet, so no event.
    // Keyed by SKU: an existing product is left as it is.
    const rows = await tx
      .createQueryBuilder(GpuRecord)
      .insert(
        entries.map((e) => ({
          sku: e.sku,
          name: e.name,
          brand: e.brand,
          vramGb: e.vramGb,
          price: e.price,
          stock: e.stock,
          descriptionEs: e.descriptions.es,
          descriptionEn: e.descriptions.en,
          specs: e.specs,
        })),
      )
      .onConflict('sku')
      .ignore()
      .returning('id')
      .execute('all');
    inserted = rows.length;
    await recordMissingLevels(tx); // the first point of each new product's stock chart
  });
  const embedded = await reindexStale(em, embedder);
  const pictures = await seedProductImages(em, opts.store, entries);
  return { inserted, embedded, total: await em.count(GpuRecord), ...pictures };
}

export async function catalogIsEmpty(em: EntityManager): Promise<boolean> {
  return (await em.find(GpuRecord, {}, { fields: ['id'], limit: 1, disableIdentityMap: true })).length === 0;
}
