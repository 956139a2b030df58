// Bad input on every write route of auth, catalog and images: malformed JSON, wrong types,
// out-of-range values, unknown fields, a 1 MB body. Always a 4xx problem+json without
// internals, and nothing stored (read back after each attempt).
import { randomInt } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Gpu } from '@gpu/shared';
import { startTestApp, type TestApp } from '../support/app.js';
import { api, type ApiResponse } from '../support/http.js';
import { createUser, type TestUser } from '../support/users.js';

let app: TestApp;
let admin: TestUser;
let existing: Gpu;
beforeAll(async () => {
  app = await startTestApp();
  admin = await createUser(app, 'admin');
  existing = await app.services.catalog.create({
    sku: 'BAD-INPUT-BASE',
    name: 'Base Card',
    brand: 'NVIDIA',
    vramGb: 8,
    price: 300,
    stock: 2,
    description: 'unchanged',
    isActive: true,
    specs: { series: 'Test' },
  });
});
afterAll(async () => {
  await app?.close();
});

async function snapshot() {
  const em = app.platform.db.orm.em.fork();
  const [counts] = await em.execute<{ gpus: string; users: string; tokens: string }[]>(
    `select (select count(*) from gpus) as gpus, (select count(*) from users) as users,
            (select count(*) from refresh_tokens) as tokens`,
  );
  const [row] = await em.execute(`select * from gpus where id = ?`, [existing.id]);
  return { counts, row };
}
function expectProblem(res: ApiResponse, status: number) {
  expect(res.status).toBe(status);
  expect(res.headers.get('content-type')).toContain('application/problem+json');
  expect(res.body).toMatchObject({ status, title: expect.any(String), type: expect.any(String) });
  expect(JSON.stringify(res.body)).not.toMatch(/node_modules|\.ts:\d+|at async|stack/i);
}

const valid = () => ({
  sku: `OK-${randomInt(1e9)}`,
  name: 'Valid Card',
  brand: 'AMD',
  vramGb: 8,
  price: 99.99,
  stock: 1,
});
const megabyte = 'x'.repeat(1024 * 1024);

const gpuBodies: [string, unknown][] = [
  ['negative price', { ...valid(), price: -1 }],
  ['zero price', { ...valid(), price: 0 }],
  ['three-decimal price', { ...valid(), price: 9.999 }],
  ['absurd price', { ...valid(), price: 1e12 }],
  ['price as a string', { ...valid(), price: '99.99' }],
  ['fractional stock', { ...valid(), stock: 1.5 }],
  ['negative stock', { ...valid(), stock: -1 }],
  ['stock as a string', { ...valid(), stock: '3' }],
  ['unknown brand', { ...valid(), brand: 'Matrox' }],
  ['fractional VRAM', { ...valid(), vramGb: 7.5 }],
  ['too long name', { ...valid(), name: 'n'.repeat(161) }],
  ['bad SKU characters', { ...valid(), sku: 'A B;drop' }],
  ['unknown field', { ...valid(), role: 'admin' }],
  ['missing fields', { name: 'Only a name' }],
  ['null body', null],
  ['array body', [valid()]],
  ['specs with a nested object', { ...valid(), specs: { nested: { deep: true } } }],
];

describe('POST /api/gpus', () => {
  it.each(gpuBodies)('%s -> 400, nothing stored', async (_label, body) => {
    const before = await snapshot();
    expectProblem(await api(app.url, '/api/gpus', { token: admin.token, body }), 400);
    expect(await snapshot()).toEqual(before);
  });

  it('names the bad fields', async () => {
    const res = await api(app.url, '/api/gpus', {
      token: admin.token,
      body: { ...valid(), price: 0, stock: 1.5, extra: 1 },
    });
    const paths = (res.body.errors as { path: string }[]).map((e) => e.path);
    expect(paths).toEqual(expect.arrayContaining(['price', 'stock']));
    expect(JSON.stringify(res.body.errors)).toContain('extra');
  });

  it('malformed JSON -> 400; 1 MB body -> 413; nothing stored', async () => {
    const before = await snapshot();
    expectProblem(await api(app.url, '/api/gpus', { token: admin.token, rawBody: '{"sku": "X", ' }), 400);
    expectProblem(
      await api(app.url, '/api/gpus', { token: admin.token, body: { ...valid(), description: megabyte } }),
      413,
    );
    expect(await snapshot()).toEqual(before);
  });
});

describe('PUT and PATCH /api/gpus/:id', () => {
  const updates: [string, unknown][] = [
    ['empty object', {}],
    ['zero price', { price: 0 }],
    ['negative price', { price: -5 }],
    ['fractional stock', { stock: 2.5 }],
    ['wrong type', { isActive: 'yes' }],
    ['unknown field', { stock: 3, imageKey: 'original/../../etc/passwd' }],
    ['id in the body', { id: '00000000-0000-4000-8000-000000000000' }],
  ];
  for (const method of ['PUT', 'PATCH']) {
    it.each(updates)(`${method} %s -> 400, product unchanged`, async (_label, body) => {
      const before = await snapshot();
      expectProblem(await api(app.url, `/api/gpus/${existing.id}`, { method, token: admin.token, body }), 400);
      expect(await snapshot()).toEqual(before);
    });
  }

  it('malformed JSON, 1 MB body and a non-UUID id are refused; product unchanged', async () => {
    const before = await snapshot();
    expectProblem(
      await api(app.url, `/api/gpus/${existing.id}`, { method: 'PATCH', token: admin.token, rawBody: '{' }),
      400,
    );
    expectProblem(
      await api(app.url, `/api/gpus/${existing.id}`, {
        method: 'PATCH',
        token: admin.token,
        body: { description: megabyte },
      }),
      413,
    );
    expectProblem(
      await api(app.url, `/api/gpus/1%20or%201=1`, { method: 'PATCH', token: admin.token, body: { price: 1 } }),
      400,
    );
    expectProblem(await api(app.url, `/api/gpus/'%3B--`, { method: 'DELETE', token: admin.token }), 400);
    expect(await snapshot()).toEqual(before);
  });
});

describe('auth routes', () => {
  const routes = ['/api/auth/register', '/api/auth/login', '/api/auth/refresh', '/api/auth/logout'];
  it.each(routes)('%s: malformed JSON, wrong types, 1 MB -> 4xx, nothing stored', async (path) => {
    const before = await snapshot();
    const headers = { 'x-forwarded-for': `198.18.${randomInt(256)}.${randomInt(1, 255)}` };
    expectProblem(await api(app.url, path, { rawBody: '{"email":', headers }), 400);
    expectProblem(await api(app.url, path, { body: { email: ['a'], password: 1, refreshToken: {} }, headers }), 400);
    expectProblem(
      await api(app.url, path, { body: { email: 'a@b.co', password: megabyte, refreshToken: megabyte }, headers }),
      413,
    );
    expect(await snapshot()).toEqual(before);
  });
});

describe('image routes', () => {
  it('upload: bad content types, sizes, ids and unknown fields -> 4xx', async () => {
    const bodies: [unknown, number][] = [
      [{ gpuId: existing.id, contentType: 'image/gif', filename: 'a.gif' }, 400],
      [{ gpuId: existing.id, contentType: 'image/svg+xml', filename: 'a.svg' }, 400],
      [{ gpuId: existing.id, contentType: 'image/png', filename: 'a.png', contentLength: 9 * 1024 * 1024 }, 400],
      [{ gpuId: existing.id, contentType: 'image/png', filename: 'a.png', contentLength: 1.5 }, 400],
      [{ gpuId: 'not-a-uuid', contentType: 'image/png', filename: 'a.png' }, 400],
      [{ gpuId: existing.id, contentType: 'image/png', filename: 'a.png', key: 'original/x' }, 400],
      [{ gpuId: '00000000-0000-4000-8000-000000000000', contentType: 'image/png', filename: 'a.png' }, 404],
    ];
    for (const [body, status] of bodies) {
      expectProblem(await api(app.url, '/api/images/upload', { token: admin.token, body }), status);
    }
    expectProblem(await api(app.url, '/api/images/upload', { token: admin.token, rawBody: '[' }), 400);
  });

  it('complete: keys outside the convention or for another product -> 400, nothing changes', async () => {
    const before = await snapshot();
    const other = '00000000-0000-4000-8000-000000000000';
    const id = '11111111-1111-4111-8111-111111111111';
    for (const key of [
      `original/${existing.id}/../../../etc/passwd`,
      `thumbnails/${existing.id}/${id}.webp`,
      `original/${other}/${id}.png`,
      `original/${existing.id}/${id}.gif`,
      '',
    ]) {
      const res = await api(app.url, '/api/images/complete', { token: admin.token, body: { gpuId: existing.id, key } });
      expectProblem(res, 400);
    }
    expectProblem(
      await api(app.url, '/api/images/complete', {
        token: admin.token,
        body: { gpuId: existing.id, key: `original/${existing.id}/${id}.png` },
      }),
      404,
    );
    expect(await snapshot()).toEqual(before);
  });
});

describe('search input', () => {
  it('SQL meta-characters in q are plain text: 200, and nothing changes', async () => {
    const before = await snapshot();
    for (const q of [
      "'; delete from gpus; --",
      '1); drop table users; --',
      "x' union select password_hash from users --",
    ]) {
      const res = await api(app.url, `/api/gpus?q=${encodeURIComponent(q)}`);
      expect(res.status).toBe(200);
      expect(JSON.stringify(res.body)).not.toContain('argon2');
    }
    expect(await snapshot()).toEqual(before);
  });
});
