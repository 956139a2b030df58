// GET /api/gpus against the seeded catalog: every returned item satisfies the filters, `total`
// equals a direct SQL count, sorting and pagination agree with PostgreSQL's own ordering.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Gpu, GpuList } from '@gpu/shared';
import { startTestApp, type TestApp } from '../support/app.js';
import { appSql } from '../support/sql.js';
import { api } from '../support/http.js';
import { createUser } from '../support/users.js';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(async () => {
  await app?.close();
});

const sql = appSql(() => app);
async function count(where: string, params: unknown[] = []): Promise<number> {
  const [row] = await sql<{ n: string }>(`select count(*) as n from gpus where ${where}`, params);
  return Number(row!.n);
}

/** Every page of a listing, following `total`. */
async function allPages(query: string, token?: string): Promise<{ items: Gpu[]; total: number }> {
  const items: Gpu[] = [];
  let total = 0;
  for (let page = 1; page < 100; page++) {
    const res = await api<GpuList>(app.url, `/api/gpus?${query}&pageSize=100&page=${page}`, { token });
    expect(res.status).toBe(200);
    total = res.body.total;
    items.push(...res.body.items);
    if (items.length >= total || res.body.items.length === 0) break;
  }
  return { items, total };
}

describe('filters', () => {
  it('the seeded catalog is there (170 products)', async () => {
    expect(await count('true')).toBeGreaterThanOrEqual(170);
    const res = await api<GpuList>(app.url, '/api/gpus');
    expect(res.body).toMatchObject({ page: 1, pageSize: 20, total: await count('is_active') });
    expect(res.body.items).toHaveLength(20);
  });

  it.each([
    ['brand=NVIDIA', (g: Gpu) => g.brand === 'NVIDIA', `is_active and brand = 'NVIDIA'`],
    [
      'brand=Intel&minVram=12',
      (g: Gpu) => g.brand === 'Intel' && g.vramGb >= 12,
      `is_active and brand = 'Intel' and vram_gb >= 12`,
    ],
    ['maxPrice=499.99', (g: Gpu) => g.price <= 499.99, 'is_active and price_cents <= 49999'],
    [
      'minPrice=300&maxPrice=800',
      (g: Gpu) => g.price >= 300 && g.price <= 800,
      'is_active and price_cents between 30000 and 80000',
    ],
    [
      'minVram=16&brand=AMD&maxPrice=1000',
      (g: Gpu) => g.vramGb >= 16 && g.brand === 'AMD' && g.price <= 1000,
      `is_active and vram_gb >= 16 and brand = 'AMD' and price_cents <= 100000`,
    ],
    ['inStock=true', (g: Gpu) => g.stock > 0, 'is_active and stock > 0'],
    [
      'brand=NVIDIA&maxPrice=1000&sort=price',
      (g: Gpu) => g.brand === 'NVIDIA' && g.price <= 1000,
      `is_active and brand = 'NVIDIA' and price_cents <= 100000`,
    ],
  ])('%s: every item matches and total equals a direct count', async (query, matches, where) => {
    const { items, total } = await allPages(query);
    const expected = await count(where);
    expect(expected).toBeGreaterThan(0);
    expect(total).toBe(expected);
    expect(items).toHaveLength(expected);
    for (const g of items) {
      expect(matches(g), `${g.name} ${g.price} ${g.vramGb}`).toBe(true);
      expect(g.isActive).toBe(true);
    }
    expect(new Set(items.map((g) => g.id)).size).toBe(items.length);
  });

  it('an impossible filter gives an empty page with total 0', async () => {
    const res = await api<GpuList>(app.url, '/api/gpus?minVram=200');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ items: [], page: 1, pageSize: 20, total: 0 });
  });
});

describe('sorting and pagination', () => {
  it.each([
    ['price', 'price_cents asc, id asc'],
    ['-price', 'price_cents desc, id asc'],
    ['name', 'name asc, id asc'],
    ['-vramGb', 'vram_gb desc, id asc'],
    ['stock', 'stock asc, id asc'],
  ])('sort=%s pages through the same order as PostgreSQL', async (sort, orderBy) => {
    const { items } = await allPages(`sort=${sort}`);
    const ids = await sql<{ id: string }>(`select id from gpus where is_active order by ${orderBy}`);
    expect(items.map((g) => g.id)).toEqual(ids.map((r) => r.id));
  });

  it('pages do not overlap, and a page past the end still reports the total', async () => {
    const p1 = await api<GpuList>(app.url, '/api/gpus?sort=-price&pageSize=7&page=1');
    const p2 = await api<GpuList>(app.url, '/api/gpus?sort=-price&pageSize=7&page=2');
    expect(p1.body.items).toHaveLength(7);
    expect(p2.body.items).toHaveLength(7);
    expect(p1.body.items.at(-1)!.price).toBeGreaterThanOrEqual(p2.body.items[0]!.price);
    const seen = new Set(p1.body.items.map((g) => g.id));
    expect(p2.body.items.some((g) => seen.has(g.id))).toBe(false);
    const past = await api<GpuList>(app.url, '/api/gpus?brand=AMD&pageSize=50&page=99');
    expect(past.status).toBe(200);
    expect(past.body.items).toEqual([]);
    expect(past.body.total).toBe(await count(`is_active and brand = 'AMD'`));
  });
});

describe('search', () => {
  it('finds a partial model number, best matches first', async () => {
    const { items, total } = await allPages('q=4070');
    const named = await count(`is_active and (name ilike '%4070%' or sku ilike '%4070%')`);
    expect(total).toBeGreaterThanOrEqual(named);
    expect(items.slice(0, named).every((g) => /4070/i.test(`${g.name} ${g.sku}`))).toBe(true);
    const partial = await api<GpuList>(app.url, '/api/gpus?q=407');
    expect(partial.body.total).toBeGreaterThan(0);
    expect(partial.body.items.every((g) => /407/.test(`${g.name} ${g.sku}`))).toBe(true);
  });

  it('combines text search with filters', async () => {
    const { items, total } = await allPages('q=radeon&maxPrice=600');
    expect(total).toBeGreaterThan(0);
    expect(items.every((g) => g.brand === 'AMD' && g.price <= 600)).toBe(true);
  });

  it('understands English and Spanish phrasing', async () => {
    const english = await api<GpuList>(app.url, `/api/gpus?q=${encodeURIComponent('low power esports')}`);
    expect(english.body.total).toBeGreaterThan(0);
    const spanish = await api<GpuList>(app.url, `/api/gpus?q=${encodeURIComponent('tarjeta gráfica para juegos 4K')}`);
    expect(spanish.status).toBe(200);
    expect(spanish.body.total).toBeGreaterThan(0);
  });

  it.each([
    "'; drop table gpus; --",
    "4070' or '1'='1",
    '%_%',
    '\\',
    '" & | ! ( ) : * <->',
    'SELECT * FROM users',
    '🙂 ñandú',
  ])('treats SQL and tsquery meta-characters as text: %s', async (q) => {
    const res = await api<GpuList>(app.url, `/api/gpus?q=${encodeURIComponent(q)}`);
    expect(res.status).toBe(200);
    expect(Array.isArray(res.body.items)).toBe(true);
    expect(res.body.total).toBeLessThan(await count('is_active'));
    expect(await count('true')).toBeGreaterThanOrEqual(170); // the table is still there
  });
});

describe('query validation', () => {
  it.each([
    'pageSize=101',
    'pageSize=0',
    'page=0',
    'page=abc',
    'minPrice=-1',
    'minPrice=900&maxPrice=100',
    'minVram=1.5',
    'brand=Matrox',
    'brand=AMD&brand=NVIDIA',
    'sort=random',
    'inStock=maybe',
    'limit=5',
    `q=${'x'.repeat(201)}`,
  ])('%s -> 400 problem+json', async (query) => {
    const res = await api(app.url, `/api/gpus?${query}`);
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    expect(res.body.errors?.length).toBeGreaterThan(0);
  });

  it('includeInactive works for admins only', async () => {
    const admin = await createUser(app, 'admin');
    const shopper = await createUser(app);
    const [victim] = await sql<{ id: string }>(`select id from gpus where is_active order by sku limit 1`);
    await sql(`update gpus set is_active = false where id = ?`, [victim!.id]);
    await app.platform.cache.invalidate('catalog');
    try {
      const all = await count('true');
      const active = await count('is_active');
      expect(all).toBe(active + (await count('not is_active')));
      const anon = await api<GpuList>(app.url, '/api/gpus?includeInactive=true&pageSize=1');
      const asShopper = await api<GpuList>(app.url, '/api/gpus?includeInactive=true&pageSize=1', {
        token: shopper.token,
      });
      const asAdmin = await api<GpuList>(app.url, '/api/gpus?includeInactive=true&pageSize=1', { token: admin.token });
      const adminDefault = await api<GpuList>(app.url, '/api/gpus?pageSize=1', { token: admin.token });
      expect(anon.body.total).toBe(active);
      expect(asShopper.body.total).toBe(active);
      expect(asAdmin.body.total).toBe(all);
      expect(adminDefault.body.total).toBe(active);
    } finally {
      await sql(`update gpus set is_active = true where id = ?`, [victim!.id]);
      await app.platform.cache.invalidate('catalog');
    }
  });
});
