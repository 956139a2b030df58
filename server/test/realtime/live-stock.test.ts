// Live stock and the admin feed on one instance: stock:watch acks current values (guests
// too), stock:update reaches watchers once per change, unwatch stops it, a reconnecting
// client is consistent again, and /admin gets the snapshot, updates, orders and stats.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OrderCreatedEvent, StatsEvent, StockLevel, StockWatchAck } from '@gpu/shared';
import { startTestApp, type TestApp } from '../support/app.js';
import { createUser, type TestUser } from '../support/users.js';
import { api } from '../support/http.js';
import { appExec, insertGpu, type Exec } from './helpers/catalog.js';
import { MAX_WATCHED_PER_SOCKET } from '../../src/modules/inventory/socket.js';
import {
  closeAllClients,
  collect,
  connectAdminFeed,
  connectShopper,
  emitWithAck,
  eventually,
  nextEvent,
} from './helpers/sockets.js';

let app: TestApp;
let exec: Exec;

beforeAll(async () => {
  app = await startTestApp();
  exec = appExec(app);
});

afterAll(async () => {
  closeAllClients();
  await app?.close();
});

async function buy(user: TestUser, gpuId: string, quantity = 1) {
  const added = await api(app.url, '/api/cart/items', { token: user.token, body: { gpuId, quantity } });
  expect(added.status).toBe(200);
  const res = await api(app.url, '/api/cart/checkout', {
    token: user.token,
    body: {},
    headers: { 'idempotency-key': randomUUID() },
  });
  expect(res.status).toBe(201);
  return res.body.order as { id: string; total: number };
}

/** An admin-style stock edit through the one stock service: write, then announce. */
async function adminSetStock(gpuId: string, stock: number) {
  const em = app.platform.db.orm.em.fork();
  const level = await app.services.stock.set(em, gpuId, stock);
  await app.services.stock.publish([{ ...level!, reason: 'admin' }]);
}

describe('stock:watch', () => {
  it('acks the current stock of each watched product, for a guest', async () => {
    const [a, b] = [await insertGpu(exec, { stock: 4 }), await insertGpu(exec, { stock: 0 })];
    const socket = await connectShopper(app.url, { guestId: randomUUID() });
    const ack = await emitWithAck<StockWatchAck>(socket, 'stock:watch', { gpuIds: [a.id, b.id, a.id] });
    expect(ack.ok).toBe(true);
    const stocks = (ack as { stocks: StockLevel[] }).stocks;
    expect(stocks).toHaveLength(2);
    expect(stocks).toEqual(
      expect.arrayContaining([
        { gpuId: a.id, stock: 4, version: 1 },
        { gpuId: b.id, stock: 0, version: 1 },
      ]),
    );
  });

  it('answers bad_request for a bad payload, and caps the products per connection', async () => {
    const socket = await connectShopper(app.url, { guestId: randomUUID() });
    for (const bad of [undefined, {}, { gpuIds: [] }, { gpuIds: ['nope'] }, { gpuIds: 'x' }]) {
      const ack = await emitWithAck<StockWatchAck>(socket, 'stock:watch', bad);
      expect(ack, JSON.stringify(bad)).toMatchObject({ ok: false, error: { code: 'bad_request' } });
    }
    const many = Array.from({ length: MAX_WATCHED_PER_SOCKET }, () => randomUUID());
    expect(await emitWithAck<StockWatchAck>(socket, 'stock:watch', { gpuIds: many })).toMatchObject({ ok: true });
    // Re-watching what is already watched is fine; one more is not.
    expect(await emitWithAck<StockWatchAck>(socket, 'stock:watch', { gpuIds: many.slice(0, 5) })).toMatchObject({
      ok: true,
    });
    const over = await emitWithAck<StockWatchAck>(socket, 'stock:watch', { gpuIds: [randomUUID()] });
    expect(over).toMatchObject({ ok: false, error: { code: 'bad_request' } });
    await emitWithAck(socket, 'stock:unwatch', { gpuIds: many.slice(0, 1) });
    expect(await emitWithAck<StockWatchAck>(socket, 'stock:watch', { gpuIds: [randomUUID()] })).toMatchObject({
      ok: true,
    });
  });
});

describe('stock:update', () => {
  it('reaches watchers of the product exactly once per change, and nobody else', async () => {
    const gpu = await insertGpu(exec, { stock: 5 });
    const other = await insertGpu(exec, { stock: 5 });
    const watcher = await connectShopper(app.url, { guestId: randomUUID() });
    const bystander = await connectShopper(app.url, { guestId: randomUUID() });
    await emitWithAck(watcher, 'stock:watch', { gpuIds: [gpu.id, other.id] });
    await emitWithAck(bystander, 'stock:watch', { gpuIds: [other.id] });
    const seen = collect<StockLevel>(watcher, 'stock:update');
    const bystanderSaw = collect<StockLevel>(bystander, 'stock:update');

    await buy(await createUser(app), gpu.id, 2);
    // A later change to another product is the marker: once it arrived, so has everything before it.
    await adminSetStock(other.id, 7);
    await eventually(() => seen.some((u) => u.gpuId === other.id));
    expect(seen).toEqual([
      { gpuId: gpu.id, stock: 3, version: 2 },
      { gpuId: other.id, stock: 7, version: 2 },
    ]);
    await eventually(() => bystanderSaw.length === 1);
    expect(bystanderSaw).toEqual([{ gpuId: other.id, stock: 7, version: 2 }]);
  });

  it('stops after stock:unwatch', async () => {
    const gpu = await insertGpu(exec, { stock: 5 });
    const marker = await insertGpu(exec, { stock: 5 });
    const socket = await connectShopper(app.url, { guestId: randomUUID() });
    await emitWithAck(socket, 'stock:watch', { gpuIds: [gpu.id, marker.id] });
    expect(await emitWithAck(socket, 'stock:unwatch', { gpuIds: [gpu.id] })).toEqual({ ok: true });
    const seen = collect<StockLevel>(socket, 'stock:update');
    await adminSetStock(gpu.id, 1);
    await adminSetStock(marker.id, 2);
    await eventually(() => seen.length > 0);
    expect(seen).toEqual([{ gpuId: marker.id, stock: 2, version: 2 }]);
  });

  it('a client that missed updates while disconnected is consistent again after re-watching', async () => {
    const gpu = await insertGpu(exec, { stock: 9 });
    const first = await connectShopper(app.url, { guestId: randomUUID() });
    await emitWithAck(first, 'stock:watch', { gpuIds: [gpu.id] });
    first.close();
    await buy(await createUser(app), gpu.id, 4);
    const again = await connectShopper(app.url, { guestId: randomUUID() });
    const ack = await emitWithAck<StockWatchAck>(again, 'stock:watch', { gpuIds: [gpu.id] });
    expect(ack).toEqual({ ok: true, stocks: [{ gpuId: gpu.id, stock: 5, version: 2 }] });
  });
});

describe('/admin', () => {
  it('sends the inventory snapshot and stats on connect, then stock updates and orders', async () => {
    const gpu = await insertGpu(exec, { stock: 6, priceCents: 123_45 });
    const admin = await createUser(app, 'admin');
    const feed = await connectAdminFeed(app.url, admin.token);
    const snapshot = await feed.snapshot;
    expect(snapshot.items).toContainEqual({
      gpuId: gpu.id,
      name: gpu.name,
      stock: 6,
      price: 123.45,
      isActive: true,
      version: 1,
    });
    const stats = await feed.stats;
    expect(stats.instances).toBeGreaterThanOrEqual(1);
    expect(stats.connectedClients).toBeGreaterThanOrEqual(1);
    expect(stats.activeChats).toBeGreaterThanOrEqual(0);

    const buyer = await createUser(app);
    const stockUpdate = nextEvent<StockLevel>(feed.socket, 'stock:update', (u) => u.gpuId === gpu.id);
    const orderCreated = nextEvent<OrderCreatedEvent>(feed.socket, 'order:created', (o) => o.userId === buyer.id);
    const order = await buy(buyer, gpu.id, 2);
    expect(await stockUpdate).toEqual({ gpuId: gpu.id, stock: 4, version: 2 });
    const created = await orderCreated;
    expect(created).toMatchObject({ orderId: order.id, userId: buyer.id, total: 246.9 });
    expect(created.items).toEqual([{ gpuId: gpu.id, name: gpu.name, price: 123.45, quantity: 2 }]);
  });

  it('pushes stats every few seconds', async () => {
    const admin = await createUser(app, 'admin');
    const feed = await connectAdminFeed(app.url, admin.token);
    await feed.stats; // the on-connect figures; the next ones come from the periodic loop
    const periodic = await nextEvent<StatsEvent>(feed.socket, 'stats');
    expect(periodic).toEqual({
      connectedClients: expect.any(Number),
      activeChats: expect.any(Number),
      instances: expect.any(Number),
    });
  });
});
