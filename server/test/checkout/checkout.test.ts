// Checkout on one instance (embedded PGlite or PostgreSQL): the order, the stock, the
// cleared cart, idempotency (stored answers, replays, key reuse), 409s that name the
// product, and order history.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/app.js';
import { createUser, type TestUser } from '../support/users.js';
import { api } from '../support/http.js';
import { appExec, insertGpu, orderCountFor, stockOf, type Exec } from '../realtime/helpers/catalog.js';

let app: TestApp;
let exec: Exec;

beforeAll(async () => {
  app = await startTestApp();
  exec = appExec(app);
});

afterAll(async () => {
  await app?.close();
});

const add = (user: TestUser, gpuId: string, quantity = 1) =>
  api(app.url, '/api/cart/items', { token: user.token, body: { gpuId, quantity } });
const checkout = (user: TestUser, key: string | undefined, body: unknown = {}) =>
  api(app.url, '/api/cart/checkout', {
    method: 'POST',
    token: user.token,
    body,
    headers: key === undefined ? {} : { 'idempotency-key': key },
  });

describe('checkout', () => {
  it('turns the cart into an order, decrements stock and clears the cart', async () => {
    const user = await createUser(app);
    const a = await insertGpu(exec, { stock: 5, priceCents: 49_999 });
    const b = await insertGpu(exec, { stock: 2, priceCents: 10_000 });
    await add(user, a.id, 2);
    await add(user, b.id, 2);

    const res = await checkout(user, randomUUID());
    expect(res.status).toBe(201);
    expect(res.headers.get('idempotent-replayed')).toBeNull();
    const { order } = res.body;
    expect(order).toMatchObject({ userId: user.id, status: 'created', total: 1199.98 });
    expect(order.items).toHaveLength(2);
    expect(order.items).toContainEqual({ gpuId: a.id, name: a.name, price: 499.99, quantity: 2 });
    expect(new Date(order.createdAt).getTime()).not.toBeNaN();

    expect(await stockOf(exec, a.id)).toBe(3);
    expect(await stockOf(exec, b.id)).toBe(0);
    // Two adds (versions 1, 2), then the checkout emptied it (3).
    expect((await api(app.url, '/api/cart', { token: user.token })).body).toEqual({ items: [], total: 0, version: 3 });

    const orders = await api(app.url, '/api/orders', { token: user.token });
    expect(orders.status).toBe(200);
    expect(orders.body.items).toEqual([order]);
  });

  it('keeps the name and price paid even after the catalog changes', async () => {
    const user = await createUser(app);
    const gpu = await insertGpu(exec, { stock: 5, priceCents: 30_000 });
    await add(user, gpu.id);
    const { order } = (await checkout(user, randomUUID())).body;
    await exec(`update gpus set price_cents = 99900, name = 'Renamed' where id = ?`, [gpu.id]);
    const listed = (await api(app.url, '/api/orders', { token: user.token })).body.items[0];
    expect(listed.items[0]).toMatchObject({ name: gpu.name, price: 300 });
    expect(listed.id).toBe(order.id);
  });

  it("lists only the caller's orders, newest first", async () => {
    const user = await createUser(app);
    const other = await createUser(app);
    const gpu = await insertGpu(exec, { stock: 10 });
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) {
      await add(user, gpu.id);
      ids.push((await checkout(user, randomUUID())).body.order.id);
    }
    await add(other, gpu.id);
    await checkout(other, randomUUID());
    const listed = (await api(app.url, '/api/orders', { token: user.token })).body.items;
    expect(listed.map((o: { id: string }) => o.id)).toEqual(ids.reverse());
  });

  it('requires a valid Idempotency-Key header (400)', async () => {
    const user = await createUser(app);
    const gpu = await insertGpu(exec, { stock: 5 });
    await add(user, gpu.id);
    for (const key of [undefined, 'short', 'has spaces in it', 'x'.repeat(129)]) {
      const res = await checkout(user, key);
      expect(res.status, String(key)).toBe(400);
      expect(res.headers.get('content-type')).toMatch(/problem\+json/);
    }
    expect(await stockOf(exec, gpu.id)).toBe(5);
  });

  it('refuses an unknown body field (400) and a malformed body (400)', async () => {
    const user = await createUser(app);
    expect((await checkout(user, randomUUID(), { coupon: 'FREE' })).status).toBe(400);
    const malformed = await api(app.url, '/api/cart/checkout', {
      token: user.token,
      rawBody: '{',
      headers: { 'idempotency-key': randomUUID() },
    });
    expect(malformed.status).toBe(400);
  });

  it('answers 422 for an empty cart, and replays that answer for the key', async () => {
    const user = await createUser(app);
    const key = randomUUID();
    const first = await checkout(user, key);
    expect(first.status).toBe(422);
    expect(first.headers.get('content-type')).toMatch(/problem\+json/);
    expect(first.body.detail).toMatch(/empty/);
    const again = await checkout(user, key);
    expect(again.status).toBe(422);
    expect(again.body).toEqual(first.body);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
  });

  it('answers 409 naming the product, changes nothing, and lets the same key retry after the fix', async () => {
    const user = await createUser(app);
    const plenty = await insertGpu(exec, { stock: 10 });
    const scarce = await insertGpu(exec, { stock: 3 });
    await add(user, plenty.id, 2);
    await add(user, scarce.id, 3);
    await exec(`update gpus set stock = 1 where id = ?`, [scarce.id]);

    const key = randomUUID();
    const res = await checkout(user, key);
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('out_of_stock');
    expect(res.body.detail).toContain(scarce.name);
    expect(await stockOf(exec, plenty.id)).toBe(10);
    expect(await stockOf(exec, scarce.id)).toBe(1);
    expect((await api(app.url, '/api/cart', { token: user.token })).body.items).toHaveLength(2);

    await api(app.url, `/api/cart/items/${scarce.id}`, { method: 'PATCH', token: user.token, body: { quantity: 1 } });
    const retry = await checkout(user, key);
    expect(retry.status).toBe(201);
    expect(retry.headers.get('idempotent-replayed')).toBeNull();
    expect(await stockOf(exec, scarce.id)).toBe(0);
  });

  it('answers 409 for a deactivated product in the cart', async () => {
    const user = await createUser(app);
    const gpu = await insertGpu(exec, { stock: 3 });
    await add(user, gpu.id);
    await exec(`update gpus set is_active = false where id = ?`, [gpu.id]);
    const res = await checkout(user, randomUUID());
    expect(res.status).toBe(409);
    expect(res.body.detail).toContain(gpu.name);
    expect(await stockOf(exec, gpu.id)).toBe(3);
  });

  it('answers 409 when expectedTotal no longer matches the prices', async () => {
    const user = await createUser(app);
    const gpu = await insertGpu(exec, { stock: 3, priceCents: 10_000 });
    await add(user, gpu.id, 2);
    expect((await checkout(user, randomUUID(), { expectedTotal: 150 })).status).toBe(409);
    expect(await stockOf(exec, gpu.id)).toBe(3);
    expect((await checkout(user, randomUUID(), { expectedTotal: 200 })).status).toBe(201);
  });
});

describe('the CHECK (stock >= 0) guard', () => {
  it('maps a check violation to 409, never 500, and rolls everything back', async () => {
    const user = await createUser(app);
    const gpu = await insertGpu(exec, { stock: 4 });
    await add(user, gpu.id, 3);
    await exec(`update gpus set stock = 1 where id = ?`, [gpu.id]);
    // Simulate a buggy decrement without its `stock >= q` condition: only the constraint stands.
    const stock = app.services.stock;
    const original = stock.decrement.bind(stock);
    stock.decrement = async (tx, gpuId, quantity) => {
      const rows = await tx.execute<{ stock: number; version: number }[]>(
        `update gpus set stock = stock - ?, version = version + 1 where id = ? returning stock, version`,
        [quantity, gpuId],
      );
      return { gpuId, stock: Number(rows[0]!.stock), version: Number(rows[0]!.version) };
    };
    try {
      const res = await checkout(user, randomUUID());
      expect(res.status).toBe(409);
      expect(res.body.code).toBe('out_of_stock');
    } finally {
      stock.decrement = original;
    }
    expect(await stockOf(exec, gpu.id)).toBe(1);
    expect(await orderCountFor(exec, gpu.id)).toBe(0);
  });
});

describe('idempotency', () => {
  it('replays the stored order for a repeat, and 422s a reuse with a different cart or body', async () => {
    const user = await createUser(app);
    const gpu = await insertGpu(exec, { stock: 10 });
    await add(user, gpu.id, 2);
    const key = randomUUID();
    const first = await checkout(user, key);
    expect(first.status).toBe(201);

    const replay = await checkout(user, key);
    expect(replay.status).toBe(201);
    expect(replay.body).toEqual(first.body);
    expect(replay.headers.get('idempotent-replayed')).toBe('true');
    expect(await stockOf(exec, gpu.id)).toBe(8);

    const changedBody = await checkout(user, key, { expectedTotal: 999.98 });
    expect(changedBody.status).toBe(422);
    expect(changedBody.body.detail).toMatch(/Idempotency-Key/);

    await add(user, gpu.id, 1);
    const changedCart = await checkout(user, key);
    expect(changedCart.status).toBe(422);
    expect(await stockOf(exec, gpu.id)).toBe(8);
    expect(await orderCountFor(exec, gpu.id)).toBe(1);
  });

  it("treats another user's identical key as a different key", async () => {
    const [u1, u2] = [await createUser(app), await createUser(app)];
    const gpu = await insertGpu(exec, { stock: 10 });
    await add(u1, gpu.id);
    await add(u2, gpu.id);
    const key = randomUUID();
    const r1 = await checkout(u1, key);
    const r2 = await checkout(u2, key);
    expect([r1.status, r2.status]).toEqual([201, 201]);
    expect(r1.body.order.id).not.toBe(r2.body.order.id);
    expect(r2.headers.get('idempotent-replayed')).toBeNull();
  });

  it('50 parallel checkouts with one key make one order and identical answers', async () => {
    const user = await createUser(app);
    const gpu = await insertGpu(exec, { stock: 100 });
    await add(user, gpu.id, 3);
    const key = randomUUID();
    const results = await Promise.all(Array.from({ length: 50 }, () => checkout(user, key)));
    expect(results.map((r) => r.status)).toEqual(Array(50).fill(201));
    const ids = new Set(results.map((r) => r.body.order.id));
    expect(ids.size).toBe(1);
    for (const r of results) expect(r.body).toEqual(results[0]!.body);
    expect(results.filter((r) => r.headers.get('idempotent-replayed') === null)).toHaveLength(1);
    expect(await stockOf(exec, gpu.id)).toBe(97);
    expect(await orderCountFor(exec, gpu.id)).toBe(1);
  });
});

describe('last-unit race on one instance', () => {
  it.each([1, 2, 3])('stock 10, 300 buyers (round %i): exactly 10 orders, stock 0, the rest 409', async () => {
    const gpu = await insertGpu(exec, { stock: 300 });
    const users: TestUser[] = [];
    for (let i = 0; i < 300; i += 50)
      users.push(...(await Promise.all(Array.from({ length: 50 }, () => createUser(app)))));
    // Everyone gets the product into their cart while it is plentiful...
    for (let i = 0; i < users.length; i += 50) {
      const batch = await Promise.all(users.slice(i, i + 50).map((u) => add(u, gpu.id, 1)));
      expect(batch.every((r) => r.status === 200)).toBe(true);
    }
    // ...then only 10 remain, and all 300 check out at once.
    await exec(`update gpus set stock = 10 where id = ?`, [gpu.id]);
    const results = await Promise.all(users.map((u) => checkout(u, randomUUID())));
    const statuses = results.map((r) => r.status);
    expect(statuses.filter((s) => s >= 500)).toEqual([]);
    expect(statuses.filter((s) => s === 201)).toHaveLength(10);
    expect(statuses.filter((s) => s === 409)).toHaveLength(290);
    expect(results.filter((r) => r.status === 409).every((r) => r.body.detail.includes(gpu.name))).toBe(true);
    expect(await stockOf(exec, gpu.id)).toBe(0);
    expect(await orderCountFor(exec, gpu.id)).toBe(10);
  });
});
