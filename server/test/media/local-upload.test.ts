// Image upload on the local file store (no S3_BUCKET): presign, PUT the bytes to the server's
// own signed URL, thumbnail made in-process, product URLs updated, files served with the right
// type. Signature, expiry, content type, magic bytes, size and path traversal are all enforced.
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import sharp from 'sharp';
import { maxImageBytes, type Gpu, type UploadResponse } from '@gpu/shared';
import type { LocalObjectStore } from '../../src/modules/media/local-object-store.js';
import { startTestApp, type TestApp } from '../support/app.js';
import { api } from '../support/http.js';
import { createUser, type TestUser } from '../support/users.js';

let app: TestApp;
let admin: TestUser;
let uploadsDir: string;
beforeAll(async () => {
  uploadsDir = mkdtempSync(path.join(tmpdir(), 'gpu-uploads-'));
  app = await startTestApp({ env: { UPLOADS_DIR: uploadsDir } });
  admin = await createUser(app, 'admin');
});
afterAll(async () => {
  await app?.close();
  rmSync(uploadsDir, { recursive: true, force: true });
});

const image = (format: 'png' | 'jpeg' | 'webp', width = 1000, height = 500) =>
  sharp({ create: { width, height, channels: 3, background: { r: 20, g: 120, b: 220 } } })
    .toFormat(format)
    .toBuffer();

async function newGpu(): Promise<Gpu> {
  return app.services.catalog.create({
    sku: `IMG-${randomUUID().slice(0, 8)}`,
    name: 'Image Test Card',
    brand: 'NVIDIA',
    vramGb: 8,
    price: 299,
    stock: 1,
    description: '',
    isActive: true,
    specs: {},
  });
}
async function presign(gpuId: string, contentType: string, extra: Record<string, unknown> = {}) {
  const res = await api<UploadResponse>(app.url, '/api/images/upload', {
    token: admin.token,
    body: { gpuId, contentType, filename: 'card.img', ...extra },
  });
  expect(res.status).toBe(200);
  return res.body;
}
const put = (url: string, body: Buffer | string, contentType: string) =>
  fetch(url, { method: 'PUT', headers: { 'Content-Type': contentType }, body });

describe('local store upload', () => {
  it('presign -> PUT -> original and 320 px WebP thumbnail stored, product updated, files served', async () => {
    const gpu = await newGpu();
    const up = await presign(gpu.id, 'image/png');
    expect(up).toMatchObject({
      method: 'PUT',
      expiresIn: 300,
      maxBytes: maxImageBytes,
      headers: { 'Content-Type': 'image/png' },
    });
    expect(up.key).toMatch(new RegExp(`^original/${gpu.id}/[0-9a-f-]{36}\\.png$`));
    expect(up.thumbnailKey).toBe(up.key.replace(/^original/, 'thumbnails').replace(/\.png$/, '.webp'));
    expect(new URL(up.uploadUrl).origin).toBe(app.url);

    const bytes = await image('png');
    const res = await put(up.uploadUrl, bytes, 'image/png');
    expect(res.status).toBe(200);
    const done = await res.json();
    expect(done).toMatchObject({ gpuId: gpu.id, key: up.key, thumbnailKey: up.thumbnailKey });

    expect(existsSync(path.join(uploadsDir, up.key))).toBe(true);
    const thumb = await sharp(path.join(uploadsDir, up.thumbnailKey)).metadata();
    expect([thumb.format, thumb.width, thumb.height]).toEqual(['webp', 320, 160]);

    const after = await api<Gpu>(app.url, `/api/gpus/${gpu.id}`);
    expect(after.body.imageUrl).toBe(`/uploads/${up.key}`);
    expect(after.body.thumbnailUrl).toBe(`/uploads/${up.thumbnailKey}`);

    const original = await fetch(app.url + after.body.imageUrl);
    expect(original.status).toBe(200);
    expect(original.headers.get('content-type')).toBe('image/png');
    expect(original.headers.get('x-content-type-options')).toBe('nosniff');
    expect(Buffer.from(await original.arrayBuffer()).equals(bytes)).toBe(true);
    const thumbnail = await fetch(app.url + after.body.thumbnailUrl!);
    expect(thumbnail.headers.get('content-type')).toBe('image/webp');

    // Completing again is idempotent.
    const complete = await api(app.url, '/api/images/complete', {
      token: admin.token,
      body: { gpuId: gpu.id, key: up.key },
    });
    expect(complete.status).toBe(200);
    expect(complete.body).toEqual(done);
  });

  it('a new image replaces the old one (old files removed)', async () => {
    const gpu = await newGpu();
    const first = await presign(gpu.id, 'image/jpeg');
    expect((await put(first.uploadUrl, await image('jpeg'), 'image/jpeg')).status).toBe(200);
    const second = await presign(gpu.id, 'image/webp');
    expect((await put(second.uploadUrl, await image('webp', 200, 100), 'image/webp')).status).toBe(200);
    expect(existsSync(path.join(uploadsDir, first.key))).toBe(false);
    expect(existsSync(path.join(uploadsDir, first.thumbnailKey))).toBe(false);
    const thumb = await sharp(path.join(uploadsDir, second.thumbnailKey)).metadata();
    expect(thumb.width).toBe(200); // never enlarged
    expect((await api<Gpu>(app.url, `/api/gpus/${gpu.id}`)).body.imageUrl).toBe(`/uploads/${second.key}`);
  });

  it('refuses a wrong content type, lying bytes and undecodable images; stores nothing', async () => {
    const gpu = await newGpu();
    const up = await presign(gpu.id, 'image/png');
    // Another image type than the URL was signed for: signature mismatch.
    expect((await put(up.uploadUrl, await image('jpeg'), 'image/jpeg')).status).toBe(403);
    // Not an image type at all.
    const html = await put(up.uploadUrl, '<script>alert(1)</script>', 'text/html');
    expect(html.status).toBe(415);
    expect(html.headers.get('content-type')).toContain('application/problem+json');
    // Declared PNG, bytes are JPEG.
    expect((await put(up.uploadUrl, await image('jpeg'), 'image/png')).status).toBe(415);
    // PNG magic number followed by garbage.
    const fake = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(64, 7)]);
    expect((await put(up.uploadUrl, fake, 'image/png')).status).toBe(422);
    expect(existsSync(path.join(uploadsDir, 'original', gpu.id))).toBe(false);
    expect((await api<Gpu>(app.url, `/api/gpus/${gpu.id}`)).body.imageUrl).toBeNull();
  });

  it('refuses tampered, expired and reused-for-another-key URLs', async () => {
    const gpu = await newGpu();
    const up = await presign(gpu.id, 'image/png');
    const bytes = await image('png', 50, 50);
    const url = new URL(up.uploadUrl);
    const later = new URL(url);
    later.searchParams.set('expires', String(Number(url.searchParams.get('expires')) + 3600));
    expect((await put(later.toString(), bytes, 'image/png')).status).toBe(403);
    const otherKey = new URL(url);
    otherKey.pathname = `/api/uploads/original/${gpu.id}/${randomUUID()}.png`;
    expect((await put(otherKey.toString(), bytes, 'image/png')).status).toBe(403);
    const unsigned = new URL(url);
    unsigned.searchParams.delete('sig');
    expect((await put(unsigned.toString(), bytes, 'image/png')).status).toBe(403);
    // A correctly signed URL whose expiry has passed.
    const past = Math.floor(Date.now() / 1000) - 1;
    const store = app.services.media.store as LocalObjectStore;
    const expiredPath = store.signer.path({ key: up.key, contentType: 'image/png', expires: past });
    const expired = await put(app.url + expiredPath, bytes, 'image/png');
    expect(expired.status).toBe(403);
    expect(((await expired.json()) as { detail: string }).detail).toMatch(/expired/);
  });

  it('enforces the size: declared length exactly, and the global limit', async () => {
    const gpu = await newGpu();
    const bytes = await image('png', 64, 64);
    const exact = await presign(gpu.id, 'image/png', { contentLength: bytes.length });
    expect(new URL(exact.uploadUrl).searchParams.get('len')).toBe(String(bytes.length));
    expect(exact.maxBytes).toBe(bytes.length);
    expect((await put(exact.uploadUrl, Buffer.concat([bytes, Buffer.alloc(10)]), 'image/png')).status).toBe(413);
    expect((await put(exact.uploadUrl, bytes.subarray(0, 20), 'image/png')).status).toBe(400);
    const open = await presign(gpu.id, 'image/png');
    const huge = Buffer.concat([bytes, Buffer.alloc(maxImageBytes)]);
    const tooBig = await put(open.uploadUrl, huge, 'image/png');
    expect(tooBig.status).toBe(413);
    expect((await put(exact.uploadUrl, bytes, 'image/png')).status).toBe(200);
  });

  it('path traversal is impossible on upload and on download', async () => {
    const gpu = await newGpu();
    const up = await presign(gpu.id, 'image/png');
    const q = new URL(up.uploadUrl).search;
    for (const p of [
      `/api/uploads/original/${gpu.id}/..%2F..%2F..%2Fescape.png${q}`,
      `/api/uploads/original/${gpu.id}/%2e%2e/%2e%2e/escape.png${q}`,
      `/api/uploads/..%2F..%2Fpackage.json${q}`,
    ]) {
      const res = await fetch(app.url + p, {
        method: 'PUT',
        headers: { 'Content-Type': 'image/png' },
        body: await image('png', 8, 8),
      });
      expect([400, 403, 404]).toContain(res.status);
    }
    for (const p of [
      '/uploads/..%2F..%2Fpackage.json',
      '/uploads/original/%2e%2e/%2e%2e/package.json',
      '/uploads/../package.json',
      '/uploads/%2Fetc%2Fpasswd',
    ]) {
      const res = await fetch(app.url + p);
      expect(res.status, p).toBe(404);
    }
    expect(readdirSync(uploadsDir).every((d) => ['original', 'thumbnails'].includes(d))).toBe(true);
    expect((await fetch(`${app.url}/uploads/original/${gpu.id}/${randomUUID()}.png`)).status).toBe(404);
  });
});
