// Pictures for the seeded products: every seed product still without an image gets one,
// rendered from its data (product-art/) and stored through the same pipeline as an upload
// (checked bytes, thumbnail, object store), a few at a time. Idempotent: products that have
// an image (an admin upload included) are left alone, so it can run at every start.
import { randomUUID } from 'node:crypto';
import { availableParallelism } from 'node:os';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { GpuSeedEntry } from '@gpu/shared';
import { GpuRecord } from '../../db/entities/index.js';
import { originalKey } from './image-keys.js';
import { storeImage, type StoredImage } from './image-pipeline.js';
import type { ObjectStore } from './object-store.js';
import { ART_CONTENT_TYPE, renderProductArt } from './product-art/render.js';
import { cachedRender } from './render-cache.js';
import { makeThumbnail } from './thumbnail.js';

/** The seed's pictures are the same every time: their thumbnails are too. */
const cachedThumbnail = (body: Buffer) => cachedRender('thumbnail', body, () => makeThumbnail(body));

export interface SeedImagesResult {
  /** Pictures rendered and attached in this run. */
  images: number;
  imagesMs: number;
}

/** sharp runs on libuv's thread pool: a small batch keeps both cores busy without a queue of buffers. */
export const SEED_IMAGE_BATCH = Math.max(2, Math.min(4, availableParallelism()));

export async function seedProductImages(
  em: EntityManager,
  store: ObjectStore,
  entries: GpuSeedEntry[],
  batch = SEED_IMAGE_BATCH,
): Promise<SeedImagesResult> {
  const started = performance.now();
  const bySku = new Map(entries.map((e) => [e.sku, e]));
  const skus = [...bySku.keys()];
  if (skus.length === 0) return { images: 0, imagesMs: 0 };
  const missing = await em.find(
    GpuRecord,
    { imageKey: null, sku: { $in: skus } },
    { fields: ['id', 'sku'], orderBy: { sku: 'asc' }, disableIdentityMap: true },
  );
  let images = 0;
  for (let i = 0; i < missing.length; i += batch) {
    const stored = await Promise.all(
      missing.slice(i, i + batch).map(async (row) => {
        const bytes = await renderProductArt(bySku.get(row.sku)!);
        const key = originalKey(row.id, randomUUID(), ART_CONTENT_TYPE);
        return { id: row.id, ...(await storeImage(store, key, ART_CONTENT_TYPE, bytes, cachedThumbnail)) };
      }),
    );
    images += await attach(em, store, stored);
  }
  return { images, imagesMs: Math.round(performance.now() - started) };
}

/** Points each product at its picture unless an image arrived meanwhile (then ours is dropped). */
async function attach(
  em: EntityManager,
  store: ObjectStore,
  stored: (StoredImage & { id: string })[],
): Promise<number> {
  if (stored.length === 0) return 0;
  // Raw SQL: one guarded bulk update (`where image_key is null`), so an admin's upload that
  // arrived meanwhile wins without a read-then-write race.
  const values = stored.map(() => '(?::uuid, ?, ?)').join(', ');
  const updated = await em.execute<{ id: string }[]>(
    `update gpus g set image_key = v.key, thumbnail_key = v.thumb, updated_at = now()
       from (values ${values}) as v(id, key, thumb)
      where g.id = v.id and g.image_key is null
      returning g.id`,
    stored.flatMap((s) => [s.id, s.key, s.thumbnailKey]),
  );
  const attached = new Set(updated.map((r) => r.id));
  for (const s of stored.filter((x) => !attached.has(x.id))) {
    await store.delete(s.key).catch(() => undefined);
    await store.delete(s.thumbnailKey).catch(() => undefined);
  }
  return attached.size;
}
