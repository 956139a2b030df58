// GET /api/gpus as cached bytes: a strong ETag and `no-cache`, 304 for a matching
// If-None-Match, a new ETag and the new stock at once after a stock change (the in-process
// tier never answers with the old bytes), and a gzip variant with its own tag.
import { gunzipSync } from 'node:zlib';
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GpuList } from '@gpu/shared';
import { startTestApp, type TestApp } from '../support/app.js';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(async () => {
  await app?.close();
});

const path = '/api/gpus?brand=NVIDIA&sort=price&pageSize=5';

/** A raw GET (fetch would add and undo Accept-Encoding by itself). */
function get(
  p: string,
  headers: Record<string, string> = {},
): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: Buffer }> {
  const url = new URL(p, app.url);
  return new Promise((resolve, reject) => {
    const req = request(url, { headers: { 'accept-encoding': 'identity', ...headers } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    req.end();
  });
}

async function setStock(gpuId: string, stock: number) {
  const level = await app.services.stock.set(app.platform.db.orm.em.fork(), gpuId, stock);
  await app.services.stock.publish([{ ...level!, reason: 'admin' }]);
}

async function eventually(check: () => Promise<boolean>, timeoutMs = 10_000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 25));
  }
}

describe('conditional GET /api/gpus', () => {
  it('sends a strong ETag with no-cache, and 304 without a body for a matching If-None-Match', async () => {
    const first = await get(path);
    expect(first.status).toBe(200);
    const etag = String(first.headers.etag);
    expect(etag).toMatch(/^"[\w-]+"$/);
    expect(first.headers['cache-control']).toBe('public, no-cache');
    expect(first.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(Number(first.headers['content-length'])).toBe(first.body.length);
    expect((JSON.parse(first.body.toString()) as GpuList).items).toHaveLength(5);

    const again = await get(path, { 'if-none-match': etag });
    expect(again.status).toBe(304);
    expect(again.body.length).toBe(0);
    expect(again.headers.etag).toBe(etag);
    // A weak form of the same tag and a list containing it match too (weak comparison).
    expect((await get(path, { 'if-none-match': `"nope", W/${etag}` })).status).toBe(304);
    expect((await get(path, { 'if-none-match': '"nope"' })).status).toBe(200);
  });

  it('answers a new ETag and the new stock right after a stock change', async () => {
    const before = await get(path);
    const list = JSON.parse(before.body.toString()) as GpuList;
    const gpu = list.items[0]!;
    await setStock(gpu.id, gpu.stock + 7);
    // The change reaches the cache through the bus (asynchronous), like a checkout's would.
    let after = before;
    await eventually(async () => {
      after = await get(path, { 'if-none-match': String(before.headers.etag) });
      return after.status === 200;
    });
    expect(after.headers.etag).not.toBe(before.headers.etag);
    const item = (JSON.parse(after.body.toString()) as GpuList).items.find((i) => i.id === gpu.id);
    expect(item?.stock).toBe(gpu.stock + 7);
    // And it stays fresh: the old bytes never come back.
    for (let i = 0; i < 5; i++) {
      const again = await get(path);
      expect(again.headers.etag).toBe(after.headers.etag);
    }
  });

  it('gzips once for clients that accept it, under its own tag', async () => {
    const plain = await get(path);
    const zipped = await get(path, { 'accept-encoding': 'gzip, br' });
    expect(zipped.status).toBe(200);
    expect(zipped.headers['content-encoding']).toBe('gzip');
    expect(String(zipped.headers.vary)).toMatch(/Accept-Encoding/i);
    expect(zipped.headers.etag).not.toBe(plain.headers.etag);
    expect(gunzipSync(zipped.body).equals(plain.body)).toBe(true);
    const again = await get(path, { 'accept-encoding': 'gzip', 'if-none-match': String(zipped.headers.etag) });
    expect(again.status).toBe(304);
  });

  it('keeps a bad query a 400 problem, not marked cacheable', async () => {
    const res = await get('/api/gpus?maxPrice=-3');
    expect(res.status).toBe(400);
    expect(res.headers['content-type']).toMatch(/problem\+json/);
    expect(res.headers['cache-control']).toBeUndefined();
  });
});
