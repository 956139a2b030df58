// Seed pictures: every seeded product gets a picture rendered from its data and stored through
// the upload pipeline (original + 320 px thumbnail, served as images), once; products that
// lose theirs get a new one at the next start; an admin upload still replaces it.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import sharp from 'sharp';
import type { Gpu, GpuList, UploadResponse } from '@gpu/shared';
import { loadCatalog } from '../../src/db/seed/catalog-files.js';
import { seedProductImages } from '../../src/modules/media/seed-images.js';
import { runStartupTasks } from '../../src/startup.js';
import { startTestApp, type TestApp } from '../support/app.js';
import { api } from '../support/http.js';
import { createUser, type TestUser } from '../support/users.js';

const catalog = loadCatalog();
let app: TestApp;
let admin: TestUser;
const sql = <T extends Record<string, unknown>[]>(query: string, params: unknown[] = []) =>
  app.platform.db.orm.em.fork().execute<T>(query, params);

beforeAll(async () => {
  app = await startTestApp({ redis: false });
  admin = await createUser(app, 'admin');
});
afterAll(async () => app?.close());

async function allProducts(): Promise<Gpu[]> {
  const out: Gpu[] = [];
  for (let page = 1; ; page++) {
    const res = await api<GpuList>(app.url, `/api/gpus?pageSize=100&page=${page}`);
    expect(res.status).toBe(200);
    out.push(...res.body.items);
    if (out.length >= res.body.total) return out;
  }
}

describe('seed pictures', () => {
  it('gives every seeded product an image and a thumbnail that are served as WebP images', async () => {
    const products = await allProducts();
    expect(products).toHaveLength(catalog.length);
    for (const g of products) {
      expect(g.imageUrl, g.sku).toMatch(new RegExp(`^/uploads/original/${g.id}/[0-9a-f-]{36}\\.webp$`));
      expect(g.thumbnailUrl, g.sku).toMatch(new RegExp(`^/uploads/thumbnails/${g.id}/[0-9a-f-]{36}\\.webp$`));
    }
    for (const g of products) {
      for (const url of [g.imageUrl!, g.thumbnailUrl!]) {
        const res = await fetch(app.url + url);
        expect(res.status, url).toBe(200);
        expect(res.headers.get('content-type'), url).toBe('image/webp');
        // Read every body: an unread one keeps its connection (and the server's close) waiting.
        expect((await res.arrayBuffer()).byteLength, url).toBeGreaterThan(1000);
      }
    }
    const sample = products.find((g) => g.name.includes('4090')) ?? products[0]!;
    const full = await sharp(Buffer.from(await (await fetch(app.url + sample.imageUrl)).arrayBuffer())).metadata();
    const thumb = await sharp(Buffer.from(await (await fetch(app.url + sample.thumbnailUrl)).arrayBuffer())).metadata();
    expect([full.format, full.width, full.height]).toEqual(['webp', 800, 600]);
    expect([thumb.format, thumb.width, thumb.height]).toEqual(['webp', 320, 240]);
  });

  it('draws each product from its own data: different products, different pictures', async () => {
    const products = (await allProducts()).slice(0, 12);
    const digests = new Set<string>();
    for (const g of products) {
      const bytes = Buffer.from(await (await fetch(app.url + g.thumbnailUrl)).arrayBuffer());
      const { data } = await sharp(bytes).resize(32, 24).raw().toBuffer({ resolveWithObject: true });
      digests.add(data.toString('base64'));
    }
    expect(digests.size).toBe(products.length);
  });

  it('renders nothing when every seeded product has a picture, and only what is missing otherwise', async () => {
    const store = app.services.media.store;
    const em = app.platform.db.orm.em.fork();
    expect((await seedProductImages(em, store, catalog)).images).toBe(0);

    const [lost] = await sql<{ id: string; image_key: string }[]>(
      `select id, image_key from gpus order by sku limit 1`,
    );
    await sql(`update gpus set image_key = null, thumbnail_key = null where id = ?`, [lost!.id]);
    const keysBefore = await sql<{ id: string; image_key: string }[]>(`select id, image_key from gpus where id <> ?`, [
      lost!.id,
    ]);
    // The next start fills the gap (the catalog is not empty, so it does not reseed).
    await runStartupTasks(app.platform);
    const keysAfter = await sql<{ id: string; image_key: string }[]>(`select id, image_key from gpus where id <> ?`, [
      lost!.id,
    ]);
    expect(keysAfter).toEqual(keysBefore);
    const [fixed] = await sql<{ image_key: string | null }[]>(`select image_key from gpus where id = ?`, [lost!.id]);
    expect(fixed!.image_key).toMatch(new RegExp(`^original/${lost!.id}/`));
    expect(fixed!.image_key).not.toBe(lost!.image_key);
  });

  it('is replaced by an admin upload, and the seed picture files are removed', async () => {
    const [{ id }] = (await sql<{ id: string }[]>(`select id from gpus order by sku desc limit 1`)) as [{ id: string }];
    const before = (await api<Gpu>(app.url, `/api/gpus/${id}`)).body;
    const up = await api<UploadResponse>(app.url, '/api/images/upload', {
      token: admin.token,
      body: { gpuId: id, contentType: 'image/png', filename: 'photo.png' },
    });
    expect(up.status).toBe(200);
    const png = await sharp({ create: { width: 640, height: 480, channels: 3, background: '#336699' } })
      .png()
      .toBuffer();
    const put = await fetch(up.body.uploadUrl, { method: 'PUT', headers: up.body.headers, body: png });
    expect(put.status).toBe(200);

    const after = (await api<Gpu>(app.url, `/api/gpus/${id}`)).body;
    expect(after.imageUrl).toBe(`/uploads/${up.body.key}`);
    expect(after.thumbnailUrl).toBe(`/uploads/${up.body.thumbnailKey}`);
    expect((await fetch(app.url + before.imageUrl)).status).toBe(404);
    expect((await fetch(app.url + before.thumbnailUrl)).status).toBe(404);
    expect(existsSync(path.join(app.config.UPLOADS_DIR, up.body.key))).toBe(true);
    // An uploaded image is never overwritten by the seed.
    expect((await seedProductImages(app.platform.db.orm.em.fork(), app.services.media.store, catalog)).images).toBe(0);
    expect((await api<Gpu>(app.url, `/api/gpus/${id}`)).body.imageUrl).toBe(after.imageUrl);
  });
});
