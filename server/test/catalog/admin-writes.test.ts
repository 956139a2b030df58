// Admin writes on /api/gpus: create, PUT/PATCH as partial updates, soft delete, duplicate SKU,
// re-embedding on text changes, stock changes through the stock service and the bus, and a
// cache that never serves a stale product after a write or a checkout.
import { randomInt } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Gpu, GpuList } from '@gpu/shared';
import type { DomainEvents } from '../../src/platform/bus.js';
import { startTestApp, type TestApp } from '../support/app.js';
import { appSql } from '../support/sql.js';
import { api } from '../support/http.js';
import { baseDatabaseUrl, hasRedis } from '../support/services.js';
import { canRunRedisCluster, startTestRedisCluster } from '../support/redis-cluster.js';
import { createUser, type TestUser } from '../support/users.js';

let app: TestApp;
let admin: TestUser;
beforeAll(async () => {
  app = await startTestApp();
  admin = await createUser(app, 'admin');
});
afterAll(async () => {
  await app?.close();
});

const sql = appSql(() => app);
const newGpu = (over: Record<string, unknown> = {}) => ({
  sku: `TEST-${randomInt(1e9)}`,
  name: 'Sapphire PULSE Radeon RX 9070 Test Edition',
  brand: 'AMD',
  vramGb: 16,
  price: 599.99,
  stock: 5,
  description: 'A quiet dual-fan card for 1440p gaming.',
  specs: { architecture: 'RDNA 4', memoryType: 'GDDR6' },
  ...over,
});
async function create(over: Record<string, unknown> = {}): Promise<Gpu> {
  const res = await api<Gpu>(app.url, '/api/gpus', { token: admin.token, body: newGpu(over) });
  expect(res.status).toBe(201);
  return res.body;
}
const patch = (id: string, body: unknown, method = 'PATCH') =>
  api<Gpu>(app.url, `/api/gpus/${id}`, { method, token: admin.token, body });

/** Collects bus events of one type until stopped. */
function record<K extends keyof DomainEvents>(type: K) {
  const events: DomainEvents[K][] = [];
  const off = app.platform.bus.subscribe(type, (e) => events.push(e));
  return { events, off };
}
/** Resolves with the next event of `type` matching `pred`. */
function nextEvent<K extends keyof DomainEvents>(type: K, pred: (e: DomainEvents[K]) => boolean) {
  return new Promise<DomainEvents[K]>((resolve) => {
    const off = app.platform.bus.subscribe(type, (e) => {
      if (pred(e)) {
        off();
        resolve(e);
      }
    });
  });
}
const embeddingOf = async (id: string) =>
  (
    await sql<{ e: string | null; m: string | null }>(
      `select embedding::text as e, embedding_model as m from gpus where id = ?`,
      [id],
    )
  )[0]!;

describe('create', () => {
  it('stores the product (money exact), embeds it, and publishes its stock', async () => {
    const stockSeen = nextEvent('stock.changed', (e) => e.reason === 'admin' && e.stock === 5);
    const res = await api<Gpu>(app.url, '/api/gpus', {
      token: admin.token,
      body: newGpu({ price: 19.99 }),
    });
    expect(res.status).toBe(201);
    expect(res.headers.get('location')).toBe(`/api/gpus/${res.body.id}`);
    expect(res.body).toMatchObject({
      brand: 'AMD',
      vramGb: 16,
      price: 19.99,
      stock: 5,
      isActive: true,
      imageUrl: null,
    });
    const [row] = await sql<{ price_cents: string }>(`select price_cents from gpus where id = ?`, [res.body.id]);
    expect(Number(row!.price_cents)).toBe(1999);
    expect((await stockSeen).gpuId).toBe(res.body.id);
    const emb = await embeddingOf(res.body.id);
    expect(emb.e).not.toBeNull();
    expect(emb.m).toBe(app.platform.embedder.model);
    const found = await api<GpuList>(app.url, `/api/gpus?q=${encodeURIComponent('RX 9070 Test Edition')}`);
    expect(found.body.items.map((g) => g.id)).toContain(res.body.id);
    expect((await api<Gpu>(app.url, `/api/gpus/${res.body.id}`)).body).toEqual(res.body);
  });

  it('refuses a duplicate SKU with 409 and stores nothing', async () => {
    const first = await create();
    const before = Number((await sql<{ n: string }>(`select count(*) as n from gpus`))[0]!.n);
    const dup = await api(app.url, '/api/gpus', {
      token: admin.token,
      body: newGpu({ sku: first.sku, name: 'Other' }),
    });
    expect(dup.status).toBe(409);
    expect(dup.headers.get('content-type')).toContain('application/problem+json');
    expect(Number((await sql<{ n: string }>(`select count(*) as n from gpus`))[0]!.n)).toBe(before);
  });
});

describe('update', () => {
  it('PATCH changes only the fields sent; PUT is a partial update too', async () => {
    const gpu = await create();
    const p1 = await patch(gpu.id, { price: 549 });
    expect(p1.status).toBe(200);
    expect(p1.body).toEqual({ ...gpu, price: 549 });
    const p2 = await patch(gpu.id, { name: 'Renamed Card', specs: { chip: 'Navi 48' } }, 'PUT');
    expect(p2.status).toBe(200);
    expect(p2.body).toEqual({ ...gpu, price: 549, name: 'Renamed Card', specs: { chip: 'Navi 48' } });
    expect((await api<Gpu>(app.url, `/api/gpus/${gpu.id}`)).body).toEqual(p2.body);
  });

  it('re-embeds on a text change, not on a price change', async () => {
    const gpu = await create();
    const original = await embeddingOf(gpu.id);
    await patch(gpu.id, { price: 500 });
    expect((await embeddingOf(gpu.id)).e).toBe(original.e);
    await patch(gpu.id, { description: 'Now described as a compact card for small form factor builds and AI.' });
    const changed = await embeddingOf(gpu.id);
    expect(changed.e).not.toBe(original.e);
    expect(changed.m).toBe(app.platform.embedder.model);
  });

  it('a stock change goes through the stock service and is published; other changes are not', async () => {
    const gpu = await create({ stock: 3 });
    const stock = record('stock.changed');
    const catalog = record('catalog.changed');
    try {
      const seen = nextEvent('stock.changed', (e) => e.gpuId === gpu.id && e.stock === 9);
      expect((await patch(gpu.id, { stock: 9 })).body.stock).toBe(9);
      // Created at version 1, its initial stock set (2), then this edit (3).
      expect(await seen).toEqual({ gpuId: gpu.id, stock: 9, version: 3, reason: 'admin' });
      const catalogSeen = nextEvent('catalog.changed', (e) => e.gpuId === gpu.id);
      await patch(gpu.id, { price: 123.45, stock: 9 }); // same stock: no stock event
      await catalogSeen;
      expect(stock.events.filter((e) => e.gpuId === gpu.id)).toEqual([
        { gpuId: gpu.id, stock: 9, version: 3, reason: 'admin' },
      ]);
      expect(catalog.events.filter((e) => e.gpuId === gpu.id).length).toBeGreaterThanOrEqual(2);
    } finally {
      stock.off();
      catalog.off();
    }
  });

  it('If-Match: an edit of a stale copy is a 409 and changes nothing; the current version goes through', async () => {
    const gpu = await create({ stock: 4 });
    const first = await patch(gpu.id, { name: `${gpu.name} v2` });
    expect(first.status).toBe(200);
    const etag = first.headers.get('etag');
    expect(etag).toMatch(/^"\d+"$/);
    const edit = (body: unknown, ifMatch: string) =>
      api<Gpu>(app.url, `/api/gpus/${gpu.id}`, {
        method: 'PATCH',
        token: admin.token,
        body,
        headers: { 'if-match': ifMatch },
      });
    // Someone else changes the stock: the product's version moves past the ETag.
    expect((await patch(gpu.id, { stock: 3 })).status).toBe(200);
    const stale = await edit({ price: 1.23 }, etag!);
    expect(stale.status).toBe(409);
    expect(stale.headers.get('content-type')).toMatch(/problem\+json/);
    const now = await api<Gpu>(app.url, `/api/gpus/${gpu.id}`);
    expect(now.body.price).toBe(gpu.price);
    const fresh = await patch(gpu.id, { stock: 3 });
    const ok = await edit({ price: 1.23 }, fresh.headers.get('etag')!);
    expect(ok.status).toBe(200);
    expect(ok.body.price).toBe(1.23);
    expect(Number(JSON.parse(ok.headers.get('etag')!))).toBeGreaterThan(Number(JSON.parse(fresh.headers.get('etag')!)));
    expect((await edit({ price: 2 }, 'seven')).status).toBe(400);
  });

  it('moving to an existing SKU is a 409 and changes nothing', async () => {
    const a = await create();
    const b = await create();
    const res = await patch(b.id, { sku: a.sku, price: 1 });
    expect(res.status).toBe(409);
    expect((await api<Gpu>(app.url, `/api/gpus/${b.id}`)).body).toEqual(b);
  });

  it('404 for an unknown product', async () => {
    const id = '00000000-0000-4000-8000-000000000000';
    expect((await patch(id, { price: 10 })).status).toBe(404);
    expect((await api(app.url, `/api/gpus/${id}`, { method: 'DELETE', token: admin.token })).status).toBe(404);
    expect((await api(app.url, `/api/gpus/${id}`)).status).toBe(404);
  });
});

describe('soft delete', () => {
  it('deactivates: gone for shoppers, still there for admins, reversible', async () => {
    const gpu = await create();
    const del = await api(app.url, `/api/gpus/${gpu.id}`, { method: 'DELETE', token: admin.token });
    expect(del.status).toBe(204);
    expect(del.body).toBeUndefined();
    expect((await api(app.url, `/api/gpus/${gpu.id}`)).status).toBe(404);
    const asAdmin = await api<Gpu>(app.url, `/api/gpus/${gpu.id}`, { token: admin.token });
    expect(asAdmin.body).toEqual({ ...gpu, isActive: false });
    const listed = await api<GpuList>(app.url, `/api/gpus?q=${encodeURIComponent(gpu.sku)}`);
    expect(listed.body.items.map((g) => g.id)).not.toContain(gpu.id);
    expect((await sql(`select 1 from gpus where id = ?`, [gpu.id])).length).toBe(1);
    expect((await patch(gpu.id, { isActive: true })).body.isActive).toBe(true);
    expect((await api(app.url, `/api/gpus/${gpu.id}`)).status).toBe(200);
  });
});

describe('cache', () => {
  it('a write is visible at once in the product and in listings', async () => {
    const gpu = await create({ price: 777.77 });
    const listQuery = `/api/gpus?q=${encodeURIComponent(gpu.sku)}`;
    // Warm both caches (twice: the second read is a hit).
    for (let i = 0; i < 2; i++) {
      await api(app.url, `/api/gpus/${gpu.id}`);
      expect((await api<GpuList>(app.url, listQuery)).body.items[0]?.price).toBe(777.77);
    }
    await patch(gpu.id, { price: 666.66 });
    expect((await api<Gpu>(app.url, `/api/gpus/${gpu.id}`)).body.price).toBe(666.66);
    expect((await api<GpuList>(app.url, listQuery)).body.items[0]?.price).toBe(666.66);
  });

  it('a checkout-style stock decrement (stock service + bus) drops cached stock', async () => {
    const gpu = await create({ stock: 4 });
    await api(app.url, `/api/gpus/${gpu.id}`);
    const listQuery = `/api/gpus?q=${encodeURIComponent(gpu.sku)}`;
    expect((await api<GpuList>(app.url, listQuery)).body.items[0]?.stock).toBe(4);
    // What the checkout does: a conditional decrement in its transaction, publish after commit.
    const stock = app.services.stock;
    const left = await app.platform.db.orm.em.fork().transactional((tx) => stock.decrement(tx, gpu.id, 3));
    expect(left).toMatchObject({ gpuId: gpu.id, stock: 1 });
    const delivered = nextEvent('stock.changed', (e) => e.gpuId === gpu.id && e.stock === 1);
    await stock.publish([{ ...left!, reason: 'checkout' }]);
    await delivered; // the catalog's own subscriber was registered first, so it has run
    expect((await api<Gpu>(app.url, `/api/gpus/${gpu.id}`)).body.stock).toBe(1);
    expect((await api<GpuList>(app.url, listQuery)).body.items[0]?.stock).toBe(1);
  });
});

// Two instances share PostgreSQL and the Redis cache: a write on one is at once visible on the other.
describe.skipIf(!hasRedis || !baseDatabaseUrl)('cache across two instances sharing Redis', () => {
  it('a change made through instance A is served fresh by instance B', async () => {
    const b = await startTestApp({ database: app.database, redis: false, env: { REDIS_URL: app.config.REDIS_URL! } });
    try {
      const gpu = await create({ price: 300 });
      const listQuery = `/api/gpus?q=${encodeURIComponent(gpu.sku)}`;
      for (let i = 0; i < 2; i++) {
        expect((await api<Gpu>(b.url, `/api/gpus/${gpu.id}`)).body.price).toBe(300);
        expect((await api<GpuList>(b.url, listQuery)).body.items[0]?.price).toBe(300);
      }
      await patch(gpu.id, { price: 250, stock: 1 });
      expect((await api<Gpu>(b.url, `/api/gpus/${gpu.id}`)).body).toMatchObject({ price: 250, stock: 1 });
      expect((await api<GpuList>(b.url, listQuery)).body.items[0]).toMatchObject({ price: 250, stock: 1 });
    } finally {
      await b.close();
    }
  });
});

// The same on a Redis Cluster: the cache's keys of one namespace share a slot (hash tag).
describe.skipIf(!canRunRedisCluster || !baseDatabaseUrl)('cache across two instances sharing a Redis Cluster', () => {
  it('a change made on one instance is served fresh by the other', async () => {
    const redisCluster = await startTestRedisCluster();
    const a = await startTestApp({ database: app.database, redisCluster, env: { SEED_ON_START: 'false' } });
    const b = await startTestApp({ database: app.database, redisCluster, env: { SEED_ON_START: 'false' } });
    try {
      const gpu = await create({ price: 300 });
      const path = `/api/gpus/${gpu.id}`;
      for (let i = 0; i < 2; i++) {
        expect((await api<Gpu>(a.url, path)).body.price).toBe(300);
        expect((await api<Gpu>(b.url, path)).body.price).toBe(300);
      }
      const res = await api(a.url, path, { method: 'PATCH', token: admin.token, body: { price: 250, stock: 1 } });
      expect(res.status).toBe(200);
      expect((await api<Gpu>(b.url, path)).body).toMatchObject({ price: 250, stock: 1 });
    } finally {
      await b.close();
      await a.close();
      await redisCluster.close();
    }
  });
});
