// Every route of auth, catalog, images and docs x {anonymous, shopper, admin}: 401 without a
// token where one is needed, 403 for the wrong role, 2xx for the right one.
import { randomInt } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import sharp from 'sharp';
import { startTestApp, type TestApp } from '../support/app.js';
import { api } from '../support/http.js';
import { createUser, type TestUser } from '../support/users.js';

type Who = 'anonymous' | 'shopper' | 'admin';
interface Case {
  name: string;
  method: string;
  /** Builds a fresh path and body per call (some calls change state). */
  prepare: () => Promise<{ path: string; body?: unknown }>;
  expected: Record<Who, number>;
}

let app: TestApp;
const users: Partial<Record<Who, TestUser>> = {};
beforeAll(async () => {
  app = await startTestApp();
  users.shopper = await createUser(app, 'shopper');
  users.admin = await createUser(app, 'admin');
});
afterAll(async () => {
  await app?.close();
});

const product = async (isActive = true) =>
  app.services.catalog.create({
    sku: `MATRIX-${randomInt(1e9)}`,
    name: 'Matrix Test Card',
    brand: 'Intel',
    vramGb: 12,
    price: 249.99,
    stock: 10,
    description: '',
    isActive,
    specs: {},
  });
const png = () =>
  sharp({ create: { width: 40, height: 30, channels: 3, background: '#0a0' } })
    .png()
    .toBuffer();

/** A real local-store upload, so /api/images/complete has an object to attach. */
async function uploadedImage(): Promise<{ gpuId: string; key: string }> {
  const gpu = await product();
  const presign = await api(app.url, '/api/images/upload', {
    token: users.admin!.token,
    body: { gpuId: gpu.id, contentType: 'image/png', filename: 'x.png' },
  });
  const put = await fetch(presign.body.uploadUrl, { method: 'PUT', headers: presign.body.headers, body: await png() });
  expect(put.status).toBe(200);
  return { gpuId: gpu.id, key: presign.body.key };
}
const refreshTokenFor = async () => {
  const u = await createUser(app);
  const res = await api(app.url, '/api/auth/login', { body: { email: u.email, password: u.password } });
  return res.body.refreshToken as string;
};
const gpuBody = () => ({
  sku: `NEW-${randomInt(1e9)}`,
  name: 'New Card',
  brand: 'AMD',
  vramGb: 8,
  price: 199,
  stock: 1,
});

const anyone = { anonymous: 200, shopper: 200, admin: 200 };
const adminOnly = (ok: number) => ({ anonymous: 401, shopper: 403, admin: ok });

const cases: Case[] = [
  {
    name: 'GET /api/auth/me',
    method: 'GET',
    prepare: async () => ({ path: '/api/auth/me' }),
    expected: { anonymous: 401, shopper: 200, admin: 200 },
  },
  {
    name: 'POST /api/auth/register',
    method: 'POST',
    prepare: async () => ({
      path: '/api/auth/register',
      body: { email: `m-${randomInt(1e9)}@example.com`, password: 'violet-tractor-orbit-42' },
    }),
    expected: { anonymous: 201, shopper: 201, admin: 201 },
  },
  {
    name: 'POST /api/auth/login',
    method: 'POST',
    prepare: async () => {
      const u = await createUser(app);
      return { path: '/api/auth/login', body: { email: u.email, password: u.password } };
    },
    expected: anyone,
  },
  {
    name: 'POST /api/auth/refresh',
    method: 'POST',
    prepare: async () => ({ path: '/api/auth/refresh', body: { refreshToken: await refreshTokenFor() } }),
    expected: anyone,
  },
  {
    name: 'POST /api/auth/logout',
    method: 'POST',
    prepare: async () => ({ path: '/api/auth/logout', body: { refreshToken: await refreshTokenFor() } }),
    expected: { anonymous: 204, shopper: 204, admin: 204 },
  },
  { name: 'GET /api/gpus', method: 'GET', prepare: async () => ({ path: '/api/gpus?brand=AMD' }), expected: anyone },
  {
    name: 'GET /api/gpus/:id',
    method: 'GET',
    prepare: async () => ({ path: `/api/gpus/${(await product()).id}` }),
    expected: anyone,
  },
  {
    name: 'GET /api/gpus/:id (inactive)',
    method: 'GET',
    prepare: async () => ({ path: `/api/gpus/${(await product(false)).id}` }),
    expected: { anonymous: 404, shopper: 404, admin: 200 },
  },
  {
    name: 'POST /api/gpus',
    method: 'POST',
    prepare: async () => ({ path: '/api/gpus', body: gpuBody() }),
    expected: adminOnly(201),
  },
  {
    name: 'PUT /api/gpus/:id',
    method: 'PUT',
    prepare: async () => ({ path: `/api/gpus/${(await product()).id}`, body: { price: 10 } }),
    expected: adminOnly(200),
  },
  {
    name: 'PATCH /api/gpus/:id',
    method: 'PATCH',
    prepare: async () => ({ path: `/api/gpus/${(await product()).id}`, body: { stock: 0 } }),
    expected: adminOnly(200),
  },
  {
    name: 'DELETE /api/gpus/:id',
    method: 'DELETE',
    prepare: async () => ({ path: `/api/gpus/${(await product()).id}` }),
    expected: adminOnly(204),
  },
  {
    name: 'POST /api/images/upload',
    method: 'POST',
    prepare: async () => ({
      path: '/api/images/upload',
      body: { gpuId: (await product()).id, contentType: 'image/webp', filename: 'a.webp' },
    }),
    expected: adminOnly(200),
  },
  {
    name: 'POST /api/images/complete',
    method: 'POST',
    prepare: async () => ({ path: '/api/images/complete', body: await uploadedImage() }),
    expected: adminOnly(200),
  },
  { name: 'GET /openapi.json', method: 'GET', prepare: async () => ({ path: '/openapi.json' }), expected: anyone },
  { name: 'GET /docs', method: 'GET', prepare: async () => ({ path: '/docs' }), expected: anyone },
];

describe.each(cases)('$name', (c) => {
  it.each(['anonymous', 'shopper', 'admin'] as Who[])('as %s', async (who) => {
    const { path, body } = await c.prepare();
    const res = await api(app.url, path, {
      method: c.method,
      token: users[who as 'shopper' | 'admin']?.token,
      headers: { 'x-forwarded-for': `198.18.${randomInt(256)}.${randomInt(1, 255)}` },
      ...(body !== undefined ? { body } : {}),
    });
    expect(res.status).toBe(c.expected[who]);
    if (res.status >= 400) {
      expect(res.headers.get('content-type')).toContain('application/problem+json');
      expect(res.body.status).toBe(res.status);
    }
  });
});

describe('admin checks run before anything else', () => {
  // (Malformed JSON is the exception: the body parser runs for every route, before any role check.)
  it('a shopper gets 403 (not 400 or 404) even for an invalid body or an unknown id', async () => {
    const token = users.shopper!.token;
    const unknown = '00000000-0000-4000-8000-000000000000';
    expect((await api(app.url, '/api/gpus', { token, body: { price: 'free' } })).status).toBe(403);
    expect((await api(app.url, `/api/gpus/${unknown}`, { method: 'PATCH', token, body: { price: -1 } })).status).toBe(
      403,
    );
    expect((await api(app.url, `/api/gpus/not-a-uuid`, { method: 'DELETE', token })).status).toBe(403);
    expect((await api(app.url, '/api/images/upload', { token, body: {} })).status).toBe(403);
  });
});
