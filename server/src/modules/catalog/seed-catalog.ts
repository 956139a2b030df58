// Seeds the catalog's products: rows from the validated seed files, then embeddings for every
// product that lacks one (pictures are media's: seed-demo.ts wires both). Idempotent:
// products are keyed by SKU and never duplicated or overwritten (an admin's later edits
// survive a re-seed).
import type { EntityManager } from '@mikro-orm/postgresql';
import type { GpuSeedEntry } from '@gpu/shared';
import { GpuRecord } from '../../db/entities/index.js';
import type { Embedder } from '../../platform/embedder.js';
import { recordMissingLevels } from '../inventory/stock-history.js';
import { reindexStale } from './product-embeddings.js';

export interface CatalogSeedResult {
  inserted: number;
  embedded: number;
  total: number;
}

export async function seedCatalog(
  em: EntityManager,
  embedder: Embedder,
  entries: GpuSeedEntry[],
): Promise<CatalogSeedResult> {
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
  return { inserted, embedded, total: await em.count(GpuRecord) };
}

export async function catalogIsEmpty(em: EntityManager): Promise<boolean> {
  return (await em.find(GpuRecord, {}, { fields: ['id'], limit: 1, disableIdentityMap: true })).length === 0;
}
