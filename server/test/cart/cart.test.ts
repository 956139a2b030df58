// Cart routes (CONTRACT.md): per-user persistence, stock guards, no lost updates under
// concurrency, and `cart:update` pushed to every tab of the user.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/app.js';
import { createUser, type TestUser } from '../support/users.js';
import { api } from '../support/http.js';
import { appExec, insertGpu, type Exec } from '../realtime/helpers/catalog.js';
import { closeAllClients, collect, connectShopper, eventually, nextEvent } from '../realtime/helpers/sockets.js';

let app: TestApp;
let exec: Exec;
let alice: TestUser;

beforeAll(async () => {
  app = await startTestApp();
  exec = appExec(app);
  alice = await createUser(app);
});

afterAll(async () => {
  closeAllClients();
  await app?.close();
});

const add = (user: TestUser, gpuId: string, quantity = 1) =>
  api(app.url, '/api/cart/items', { token: user.token, body: { gpuId, quantity } });

describe('cart access', () => {
  it('refuses anonymous callers with 401 problem+json', async () => {
    const gpu = await insertGpu(exec, { stock: 5 });
    for (const [method, path, body] of [
      ['GET', '/api/cart', undefined],
      ['POST', '/api/cart/items', { gpuId: gpu.id, quantity: 1 }],
      ['PATCH', `/api/cart/items/${gpu.id}`, { quantity: 1 }],
      ['DELETE', `/api/cart/items/${gpu.id}`, undefined],
      ['POST', '/api/cart/checkout', {}],
      ['GET', '/api/orders', undefined],
    ] as const) {
      const res = await api(app.url, path, { method, body });
      expect(res.status, `${method} ${path}`).toBe(401);
      expect(res.headers.get('content-type')).toMatch(/application\/problem\+json/);
    }
  });

  it('refuses a garbage bearer token with 401', async () => {
    const res = await api(app.url, '/api/cart', { token: 'not-a-jwt' });
    expect(res.status).toBe(401);
  });
});

describe('cart lines', () => {
  it('adds, reads, sets and removes lines, with prices in dollars and a total', async () => {
    const user = await createUser(app);
    const a = await insertGpu(exec, { stock: 5, priceCents: 49_999 });
    const b = await insertGpu(exec, { stock: 5, priceCents: 10_050 });

    // No cart yet: version 0; every write below bumps it by one.
    expect((await api(app.url, '/api/cart', { token: user.token })).body).toEqual({ items: [], total: 0, version: 0 });

    let res = await add(user, a.id, 2);
    expect(res.status).toBe(200);
    expect(res.body.items).toEqual([{ gpuId: a.id, name: a.name, price: 499.99, quantity: 2, stock: 5 }]);
    expect(res.body.total).toBe(999.98);
    expect(res.body.version).toBe(1);

    res = await add(user, b.id);
    res = await add(user, a.id, 1);
    expect(res.body.items.find((i: { gpuId: string }) => i.gpuId === a.id).quantity).toBe(3);
    expect(res.body.total).toBe(1600.47);
    expect(res.body.version).toBe(3);

    res = await api(app.url, `/api/cart/items/${b.id}`, { method: 'PATCH', token: user.token, body: { quantity: 4 } });
    expect(res.status).toBe(200);
    expect(res.body.items.find((i: { gpuId: string }) => i.gpuId === b.id).quantity).toBe(4);

    res = await api(app.url, `/api/cart/items/${a.id}`, { method: 'PATCH', token: user.token, body: { quantity: 0 } });
    expect(res.body.items.map((i: { gpuId: string }) => i.gpuId)).toEqual([b.id]);

    res = await api(app.url, `/api/cart/items/${b.id}`, { method: 'DELETE', token: user.token });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ items: [], total: 0, version: 6 });
    // Removing an absent line is not an error.
    expect((await api(app.url, `/api/cart/items/${b.id}`, { method: 'DELETE', token: user.token })).status).toBe(200);
  });

  it('persists per user: another user has their own cart', async () => {
    const [u1, u2] = [await createUser(app), await createUser(app)];
    const gpu = await insertGpu(exec, { stock: 3 });
    await add(u1, gpu.id, 2);
    expect((await api(app.url, '/api/cart', { token: u1.token })).body.items).toHaveLength(1);
    expect((await api(app.url, '/api/cart', { token: u2.token })).body.items).toHaveLength(0);
    // A fresh token for the same account sees the same cart.
    const again = await app.services.tokens.signAccess({ id: u1.id, role: 'shopper' });
    expect((await api(app.url, '/api/cart', { token: again })).body.items[0].quantity).toBe(2);
  });

  it('answers 404 for an unknown or inactive product', async () => {
    const inactive = await insertGpu(exec, { stock: 5, isActive: false });
    for (const gpuId of [randomUUID(), inactive.id]) {
      const res = await add(alice, gpuId);
      expect(res.status).toBe(404);
      expect(res.headers.get('content-type')).toMatch(/problem\+json/);
      const patch = await api(app.url, `/api/cart/items/${gpuId}`, {
        method: 'PATCH',
        token: alice.token,
        body: { quantity: 1 },
      });
      expect(patch.status).toBe(404);
    }
  });

  it('answers 400 naming the field for bad input, never 500', async () => {
    const gpu = await insertGpu(exec, { stock: 5 });
    const cases = [
      { body: { gpuId: 'nope', quantity: 1 }, field: 'gpuId' },
      { body: { gpuId: gpu.id, quantity: 0 }, field: 'quantity' },
      { body: { gpuId: gpu.id, quantity: 1.5 }, field: 'quantity' },
      { body: { gpuId: gpu.id, quantity: 1, price: 1 }, field: '(root)' },
    ];
    for (const c of cases) {
      const res = await api(app.url, '/api/cart/items', { token: alice.token, body: c.body });
      expect(res.status, JSON.stringify(c.body)).toBe(400);
      expect(res.body.errors.map((e: { path: string }) => e.path)).toContain(c.field);
    }
    const malformed = await api(app.url, '/api/cart/items', { token: alice.token, rawBody: '{"gpuId":' });
    expect(malformed.status).toBe(400);
    const badParam = await api(app.url, '/api/cart/items/not-a-uuid', {
      method: 'PATCH',
      token: alice.token,
      body: { quantity: 1 },
    });
    expect(badParam.status).toBe(400);
  });

  it('answers 409 naming the product when the cart would exceed the stock', async () => {
    const user = await createUser(app);
    const gpu = await insertGpu(exec, { stock: 3 });
    expect((await add(user, gpu.id, 2)).status).toBe(200);
    const res = await add(user, gpu.id, 2);
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('out_of_stock');
    expect(res.body.detail).toContain(gpu.name);
    expect(res.body.detail).toMatch(/3/);
    // The refused change left the line as it was.
    expect((await api(app.url, '/api/cart', { token: user.token })).body.items[0].quantity).toBe(2);

    const patch = await api(app.url, `/api/cart/items/${gpu.id}`, {
      method: 'PATCH',
      token: user.token,
      body: { quantity: 4 },
    });
    expect(patch.status).toBe(409);
    expect(patch.body.detail).toContain(gpu.name);

    const soldOut = await insertGpu(exec, { stock: 0 });
    const none = await add(user, soldOut.id);
    expect(none.status).toBe(409);
    expect(none.body.detail).toMatch(/out of stock/);
  });

  it('shows stock 0 for a product deactivated after it was added', async () => {
    const user = await createUser(app);
    const gpu = await insertGpu(exec, { stock: 5 });
    await add(user, gpu.id);
    await exec(`update gpus set is_active = false where id = ?`, [gpu.id]);
    const cart = await api(app.url, '/api/cart', { token: user.token });
    expect(cart.body.items[0]).toMatchObject({ gpuId: gpu.id, stock: 0, quantity: 1 });
  });
});

describe('concurrent updates to one line', () => {
  it.each([
    { stock: 1000, expected: 100 },
    { stock: 37, expected: 37 },
  ])('100 parallel "+1" with stock $stock end at $expected', async ({ stock, expected }) => {
    const user = await createUser(app);
    const gpu = await insertGpu(exec, { stock });
    const results = await Promise.all(Array.from({ length: 100 }, () => add(user, gpu.id, 1)));
    const statuses = results.map((r) => r.status);
    expect(statuses.filter((s) => s >= 500)).toEqual([]);
    expect(statuses.filter((s) => s === 200)).toHaveLength(expected);
    expect(statuses.filter((s) => s === 409)).toHaveLength(100 - expected);
    const cart = await api(app.url, '/api/cart', { token: user.token });
    expect(cart.body.items[0].quantity).toBe(expected);
  });
});

describe('cart:update', () => {
  it("reaches every tab of the user with the whole cart, and nobody else's", async () => {
    const user = await createUser(app);
    const other = await createUser(app);
    const gpu = await insertGpu(exec, { stock: 9 });
    const [tab1, tab2, stranger] = await Promise.all([
      connectShopper(app.url, { token: user.token }),
      connectShopper(app.url, { token: user.token }),
      connectShopper(app.url, { token: other.token }),
    ]);
    const strangerSaw = collect(stranger, 'cart:update');
    const onTab1 = nextEvent<{ items: { gpuId: string; quantity: number }[] }>(tab1, 'cart:update');
    const onTab2 = nextEvent<{ items: { gpuId: string; quantity: number }[] }>(tab2, 'cart:update');
    const res = await add(user, gpu.id, 2);
    const [c1, c2] = await Promise.all([onTab1, onTab2]);
    expect(c1).toEqual(res.body);
    expect(c2).toEqual(res.body);

    // A later change for the stranger arrives, and it is the stranger's only update.
    await add(other, gpu.id, 1);
    await eventually(() => strangerSaw.length === 1);
    expect((strangerSaw[0] as { items: { quantity: number }[] }).items[0]!.quantity).toBe(1);
  });
});
