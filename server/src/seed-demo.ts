// The demo catalog, wired from two capabilities: the products and their embeddings
// (catalog), then a picture for every seeded product that lacks one (media). Used by start-up
// on an empty database and by `npm run seed`; idempotent like both of its parts.
import type { EntityManager } from '@mikro-orm/postgresql';
import type { GpuSeedEntry } from '@gpu/shared';
import { loadCatalog } from './db/seed/catalog-files.js';
import type { Embedder } from './platform/embedder.js';
import { seedCatalog, type CatalogSeedResult } from './modules/catalog/seed-catalog.js';
import type { ObjectStore } from './modules/media/object-store.js';
import { seedProductImages } from './modules/media/seed-images.js';

export interface SeedResult extends CatalogSeedResult {
  /** Pictures rendered and stored in this run, and how long that took. */
  images: number;
  imagesMs: number;
}

export async function seedDemoCatalog(
  em: EntityManager,
  embedder: Embedder,
  opts: { store: ObjectStore; entries?: GpuSeedEntry[] },
): Promise<SeedResult> {
  const entries = opts.entries ?? loadCatalog();
  const products = await seedCatalog(em, embedder, entries);
  const pictures = await seedProductImages(em, opts.store, entries);
  return { ...products, ...pictures };
}
