// Live state cannot go back in time: concurrent cart writes (one user, two instances) and
// concurrent checkouts plus admin edits of one product race, and what a client shows when it
// keeps the highest `version` it received (the rule the client stores apply) equals the
// database afterwards, every round. For the record, the suite also counts the rounds in which
// "the last event to arrive" (what clients did before versions) disagreed with the database.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newestOf, type Cart, type StockLevel } from '@gpu/shared';
import { startTestApp, type TestApp } from '../support/app.js';
import { api } from '../support/http.js';
import { baseDatabaseUrl, hasRedis } from '../support/services.js';
import { createUser, createUsers } from '../support/users.js';
import { appExec, insertGpu, stockOf, type Exec } from './helpers/catalog.js';
import {
  closeAllClients,
  collect,
  connectAdminFeed,
  connectShopper,
  emitWithAck,
  eventually,
} from './helpers/sockets.js';

const ROUNDS = 6;
const WRITES_PER_ROUND = 24;

let a: TestApp;
let b: TestApp;
let exec: Exec;
const twoInstances = hasRedis && Boolean(baseDatabaseUrl);

beforeAll(async () => {
  a = await startTestApp();
  // A second instance on the same database and Redis (when available): events cross the bus.
  b = twoInstances
    ? await startTestApp({ database: a.database, redis: false, env: { REDIS_URL: a.config.REDIS_URL! } })
    : a;
  exec = appExec(a);
});
afterAll(async () => {
  closeAllClients();
  if (b !== a) await b?.close();
  await a?.close();
});

const itemsOf = (c: Pick<Cart, 'items'>) => c.items.map((i) => ({ gpuId: i.gpuId, quantity: i.quantity }));

describe('cart:update ordering', () => {
  it('the highest-version cart a tab received equals the database after concurrent writes', async () => {
    const user = await createUser(a);
    const gpus = await Promise.all([1, 2, 3].map(() => insertGpu(exec, { stock: 50 })));
    const tab = await connectShopper(a.url, { token: user.token });
    let lastArrivedWrong = 0;
    let newestWrong = 0;
    for (let round = 0; round < ROUNDS; round++) {
      const seen = collect<Cart>(tab, 'cart:update');
      const writes = Array.from({ length: WRITES_PER_ROUND }, (_, i) => {
        const gpu = gpus[i % gpus.length]!;
        const base = i % 2 === 0 ? a.url : b.url;
        return i % 3 === 0
          ? api(base, `/api/cart/items/${gpu.id}`, {
              method: 'PATCH',
              token: user.token,
              body: { quantity: 1 + (i % 5) },
            })
          : api(base, '/api/cart/items', { token: user.token, body: { gpuId: gpu.id, quantity: 1 } });
      });
      const results = await Promise.all(writes);
      expect(results.map((r) => r.status).filter((s) => s !== 200)).toEqual([]);
      await eventually(() => seen.length === WRITES_PER_ROUND);
      tab.off('cart:update');

      const db = (await api<Cart>(a.url, '/api/cart', { token: user.token })).body;
      for (const e of seen) expect(typeof e.version).toBe('number');
      // Every write is one version; none is published twice.
      expect(new Set(seen.map((e) => e.version)).size).toBe(WRITES_PER_ROUND);
      const newest = newestOf(seen)!;
      if (JSON.stringify(itemsOf(newest)) !== JSON.stringify(itemsOf(db))) newestWrong++;
      if (JSON.stringify(itemsOf(seen.at(-1)!)) !== JSON.stringify(itemsOf(db))) lastArrivedWrong++;
      expect(newest.version).toBe(db.version);
      expect(itemsOf(newest)).toEqual(itemsOf(db));
      // The REST answers are versioned the same way: the newest of them is the database too.
      expect(itemsOf(newestOf(results.map((r) => r.body as Cart))!)).toEqual(itemsOf(db));
    }
    console.log(
      `cart race: ${ROUNDS} rounds x ${WRITES_PER_ROUND} writes over ${twoInstances ? 2 : 1} instance(s): ` +
        `last-arrived != database in ${lastArrivedWrong} rounds, highest version != database in ${newestWrong}`,
    );
    expect(newestWrong).toBe(0);
  });
});

describe('stock:update ordering', () => {
  it('the highest-version stock a watcher and an admin received equals the database', async () => {
    const admin = await createUser(a, 'admin');
    const buyers = await createUsers(a, WRITES_PER_ROUND);
    let lastArrivedWrong = 0;
    let newestWrong = 0;
    for (let round = 0; round < ROUNDS; round++) {
      const gpu = await insertGpu(exec, { stock: 500 });
      for (const [i, u] of buyers.entries()) {
        await api(i % 2 ? b.url : a.url, '/api/cart/items', { token: u.token, body: { gpuId: gpu.id, quantity: 1 } });
      }
      const watcher = await connectShopper(a.url, { guestId: randomUUID() });
      const ack = await emitWithAck<{ ok: true; stocks: StockLevel[] }>(watcher, 'stock:watch', { gpuIds: [gpu.id] });
      const feed = await connectAdminFeed(b.url, admin.token);
      const snapshot = await feed.snapshot;
      const seen = collect<StockLevel>(watcher, 'stock:update');
      const adminSeen = collect<StockLevel>(feed.socket, 'stock:update');

      // Checkouts on both instances, interleaved with absolute admin edits of the same product.
      const work = buyers.map((u, i) =>
        api(i % 2 ? a.url : b.url, '/api/cart/checkout', {
          token: u.token,
          body: {},
          headers: { 'idempotency-key': randomUUID() },
        }),
      );
      const edits = [400, 300, 200].map((stock, i) =>
        api(i % 2 ? a.url : b.url, `/api/gpus/${gpu.id}`, { method: 'PATCH', token: admin.token, body: { stock } }),
      );
      const statuses = (await Promise.all([...work, ...edits])).map((r) => r.status);
      expect(statuses.filter((s) => s >= 500)).toEqual([]);
      const changes = statuses.filter((s) => s === 201 || s === 200).length;
      await eventually(() => seen.length === changes && adminSeen.filter((e) => e.gpuId === gpu.id).length === changes);

      const dbStock = await stockOf(exec, gpu.id);
      const [row] = await exec<{ version: string }>(`select version::text from gpus where id = ?`, [gpu.id]);
      const held = [ack.stocks[0]!, ...seen];
      const newest = newestOf(held)!;
      if (newest.stock !== dbStock) newestWrong++;
      if (seen.at(-1)!.stock !== dbStock) lastArrivedWrong++;
      expect(newest).toEqual({ gpuId: gpu.id, stock: dbStock, version: Number(row!.version) });
      const adminHeld = [
        snapshot.items.find((i) => i.gpuId === gpu.id)!,
        ...adminSeen.filter((e) => e.gpuId === gpu.id),
      ];
      expect(newestOf(adminHeld)!.stock).toBe(dbStock);
      watcher.close();
      feed.socket.close();
    }
    console.log(
      `stock race: ${ROUNDS} rounds x ${WRITES_PER_ROUND} checkouts + 3 admin edits over ${twoInstances ? 2 : 1} ` +
        `instance(s): last-arrived != database in ${lastArrivedWrong} rounds, highest version != database in ${newestWrong}`,
    );
    expect(newestWrong).toBe(0);
  });
});
