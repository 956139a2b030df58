// Three server processes sharing PostgreSQL and Redis: events cross instances exactly
// once, admin stats count the whole fleet, and stock never oversells whichever instance
// takes the order. Once on plain Redis (REDIS_URL), once on a three-master Redis Cluster.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Cart, OrderCreatedEvent, StatsEvent, StockLevel } from '@gpu/shared';
import { api } from '../support/http.js';
import { redisBackends, startCluster, type Cluster, type ClusterUser } from './helpers/cluster.js';
import { insertGpu, orderCountFor, stockOf } from './helpers/catalog.js';
import {
  closeAllClients,
  collect,
  connectAdminFeed,
  connectShopper,
  emitWithAck,
  eventually,
  nextEvent,
} from './helpers/sockets.js';

let cluster: Cluster;
const url = (i: number) => cluster.instances[i % cluster.instances.length]!.url;

const add = (base: string, user: ClusterUser, gpuId: string, quantity = 1) =>
  api(base, '/api/cart/items', { token: user.token, body: { gpuId, quantity } });
const checkout = (base: string, user: ClusterUser, key: string = randomUUID()) =>
  api(base, '/api/cart/checkout', { token: user.token, body: {}, headers: { 'idempotency-key': key } });

for (const backend of redisBackends) {
  describe.skipIf(!backend.available)(`three instances sharing PostgreSQL and ${backend.name}`, () => {
    beforeAll(async () => {
      cluster = await startCluster({ size: 3, redisCluster: backend.redisCluster });
    });

    afterAll(async () => {
      closeAllClients();
      await cluster?.close();
    });

    it('delivers stock:update, order:created and cart:update across instances, once each', async () => {
      const gpu = await insertGpu(cluster.exec, { stock: 8, priceCents: 25_000 });
      const marker = await insertGpu(cluster.exec, { stock: 8 });
      const buyer = await cluster.createUser();
      const admin = await cluster.createUser('admin');

      // A guest watching on instance 1, the buyer's second tab on instance 3, an admin on instance 3.
      const watcher = await connectShopper(url(0), { guestId: randomUUID() });
      await emitWithAck(watcher, 'stock:watch', { gpuIds: [gpu.id, marker.id] });
      const secondTab = await connectShopper(url(2), { token: buyer.token });
      const feed = await connectAdminFeed(url(2), admin.token);
      await feed.snapshot;
      const stockSeen = collect<StockLevel>(watcher, 'stock:update');
      const adminStock = collect<StockLevel>(feed.socket, 'stock:update');
      const orders = collect<OrderCreatedEvent>(feed.socket, 'order:created');
      const carts = collect<Cart>(secondTab, 'cart:update');

      // The buyer works on instance 2.
      expect((await add(url(1), buyer, gpu.id, 3)).status).toBe(200);
      await eventually(() => carts.length === 1);
      expect(carts[0]!.items).toEqual([expect.objectContaining({ gpuId: gpu.id, quantity: 3 })]);

      const res = await checkout(url(1), buyer);
      expect(res.status).toBe(201);

      // Marker: a purchase of another product by someone else, on instance 1.
      const other = await cluster.createUser();
      await add(url(0), other, marker.id, 1);
      expect((await checkout(url(0), other)).status).toBe(201);
      await eventually(() => stockSeen.some((u) => u.gpuId === marker.id));
      await eventually(() => orders.length === 2 && adminStock.length === 2);
      await eventually(() => carts.length === 2);

      expect(stockSeen).toEqual([
        { gpuId: gpu.id, stock: 5, version: 2 },
        { gpuId: marker.id, stock: 7, version: 2 },
      ]);
      expect(adminStock).toEqual(stockSeen);
      expect(orders.map((o) => o.orderId)).toEqual([res.body.order.id, expect.any(String)]);
      expect(orders[0]).toMatchObject({ userId: buyer.id, total: 750 });
      expect(carts[1]).toEqual({ items: [], total: 0, version: 2 });
    });

    it('counts clients and instances of the whole fleet in admin stats', async () => {
      const admin = await cluster.createUser('admin');
      await Promise.all([0, 1, 2].map((i) => connectShopper(url(i), { guestId: randomUUID() })));
      const feed = await connectAdminFeed(url(0), admin.token);
      // The on-connect figures first; then the periodic ones until every instance has beaten.
      let stats = await feed.stats;
      while (stats.instances < 3) stats = await nextEvent<StatsEvent>(feed.socket, 'stats');
      expect(stats.instances).toBe(3);
      expect(stats.connectedClients).toBeGreaterThanOrEqual(4);
    });

    it('makes one order for 50 parallel checkouts with one key, whichever instances take them', async () => {
      const user = await cluster.createUser();
      const gpu = await insertGpu(cluster.exec, { stock: 50 });
      await add(url(0), user, gpu.id, 2);
      const key = randomUUID();
      const results = await Promise.all(Array.from({ length: 50 }, (_, i) => checkout(url(i), user, key)));
      expect(results.map((r) => r.status)).toEqual(Array(50).fill(201));
      expect(new Set(results.map((r) => r.body.order.id)).size).toBe(1);
      for (const r of results) expect(r.body).toEqual(results[0]!.body);
      expect(results.filter((r) => r.headers.get('idempotent-replayed') === 'true')).toHaveLength(49);
      expect(await stockOf(cluster.exec, gpu.id)).toBe(48);

      await add(url(1), user, gpu.id, 1);
      expect((await checkout(url(2), user, key)).status).toBe(422);
      expect(await orderCountFor(cluster.exec, gpu.id)).toBe(1);
    });

    it('keeps every one of 100 parallel "+1" on one cart line sent to different instances', async () => {
      const user = await cluster.createUser();
      const gpu = await insertGpu(cluster.exec, { stock: 64 });
      const results = await Promise.all(Array.from({ length: 100 }, (_, i) => add(url(i), user, gpu.id, 1)));
      expect(results.filter((r) => r.status >= 500)).toEqual([]);
      expect(results.filter((r) => r.status === 200)).toHaveLength(64);
      const cart = await api(url(2), '/api/cart', { token: user.token });
      expect(cart.body.items[0].quantity).toBe(64);
    });

    // The race is about PostgreSQL; on the cluster one round checks the announcements.
    it.each(backend.redisCluster ? [1] : [1, 2, 3])(
      'last-unit race, round %i: stock 10, 300 buyers over 3 instances -> 10 orders, stock 0, 290 x 409',
      async () => {
        const gpu = await insertGpu(cluster.exec, { stock: 300 });
        const users = await cluster.createUsers(300);
        for (let i = 0; i < users.length; i += 60) {
          const batch = await Promise.all(users.slice(i, i + 60).map((u, j) => add(url(i + j), u, gpu.id)));
          expect(batch.every((r) => r.status === 200)).toBe(true);
        }
        await cluster.exec(`update gpus set stock = 10 where id = ?`, [gpu.id]);

        const watcher = await connectShopper(url(0), { guestId: randomUUID() });
        await emitWithAck(watcher, 'stock:watch', { gpuIds: [gpu.id] });
        const updates = collect<StockLevel>(watcher, 'stock:update');

        const results = await Promise.all(users.map((u, i) => checkout(url(i), u)));
        const statuses = results.map((r) => r.status);
        expect(statuses.filter((s) => s >= 500)).toEqual([]);
        expect(statuses.filter((s) => s === 201)).toHaveLength(10);
        expect(statuses.filter((s) => s === 409)).toHaveLength(290);
        for (const r of results.filter((x) => x.status === 409)) expect(r.body.code).toBe('out_of_stock');
        expect(await stockOf(cluster.exec, gpu.id)).toBe(0);
        expect(await orderCountFor(cluster.exec, gpu.id)).toBe(10);
        // Every committed decrement is announced once, whichever instance made it.
        await eventually(() => updates.length === 10);
        expect(updates.map((u) => u.stock).sort((a, b) => a - b)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
        // Whatever order they arrived in, the highest version is the database's final state.
        const newest = updates.reduce((a, b) => (b.version > a.version ? b : a));
        expect(newest.stock).toBe(0);
        expect(new Set(updates.map((u) => u.version)).size).toBe(10);
        for (const i of cluster.instances) expect(i.output()).not.toMatch(/deadlock/i);
        watcher.close();
      },
    );
  });
}
