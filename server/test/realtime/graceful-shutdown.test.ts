// SIGTERM on one of two instances behind a (loopback) load balancer, with open sockets and
// a checkout in flight: the instance stops accepting, tells its sockets and closes them, lets
// the checkout commit (201), exits 0, and the clients reconnect to the other instance.
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StockLevel } from '@gpu/shared';
import { api } from '../support/http.js';
import { canRunCluster, startCluster, type Cluster } from './helpers/cluster.js';
import { insertGpu, stockOf } from './helpers/catalog.js';
import { startLoadBalancer, type LoadBalancer } from './helpers/load-balancer.js';
import {
  closeAllClients,
  collect,
  connectShopper,
  eventually,
  nextEvent,
  type ShopperClient,
} from './helpers/sockets.js';

let cluster: Cluster;
let lb: LoadBalancer;

describe.skipIf(!canRunCluster)('graceful shutdown of one instance', () => {
  beforeAll(async () => {
    cluster = await startCluster({ size: 2 });
    lb = await startLoadBalancer(cluster.instances.map((i) => i.port));
  });

  afterAll(async () => {
    closeAllClients();
    await lb?.close();
    await cluster?.close();
  });

  it('finishes the in-flight checkout, drains sockets, exits 0; clients reconnect elsewhere', async () => {
    const [a, b] = cluster.instances as [(typeof cluster.instances)[0], (typeof cluster.instances)[0]];
    const gpu = await insertGpu(cluster.exec, { stock: 20 });

    // Six shoppers through the balancer (alternating instances), re-watching on every connect.
    const sockets: ShopperClient[] = [];
    for (let i = 0; i < 6; i++) {
      const s = await connectShopper(lb.url, { guestId: randomUUID(), reconnection: true });
      s.on('connect', () => s.emit('stock:watch', { gpuIds: [gpu.id] }));
      s.emit('stock:watch', { gpuIds: [gpu.id] });
      sockets.push(s);
    }
    const onA = sockets.filter((_, i) => lb.routed[i] === a.port);
    expect(onA.length).toBe(3);
    const closing = onA.map((s) => nextEvent<{ reason: string }>(s, 'session:closing'));
    const reconnected = onA.map((s) => nextEvent(s, 'connect', () => true, 30_000));

    // A checkout on A that blocks on a row lock held by the test.
    const buyer = await cluster.createUser();
    expect(
      (await api(a.url, '/api/cart/items', { token: buyer.token, body: { gpuId: gpu.id, quantity: 2 } })).status,
    ).toBe(200);
    const locker = new pg.Client({ connectionString: cluster.database.url });
    await locker.connect();
    await locker.query('begin');
    await locker.query('select id from gpus where id = $1 for update', [gpu.id]);
    const inFlight = api(a.url, '/api/cart/checkout', {
      token: buyer.token,
      body: {},
      headers: { 'idempotency-key': randomUUID() },
    });
    await eventually(async () => {
      const { rows } = await locker.query(
        `select count(*)::int as n from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock'`,
      );
      return rows[0].n > 0;
    });

    a.child.kill('SIGTERM');
    expect((await Promise.all(closing)).every((c) => c.reason === 'shutdown')).toBe(true);
    // Draining: A takes no new connections, B still answers.
    await expect(fetch(`${a.url}/healthz`)).rejects.toThrow();
    expect((await api(b.url, '/healthz')).status).toBe(200);

    await locker.query('commit');
    await locker.end();
    const done = await inFlight;
    expect(done.status).toBe(201);
    expect(await a.exited).toBe(0);
    expect(a.output()).not.toMatch(/"level":(50|60)/); // nothing logged at error or fatal
    expect(await stockOf(cluster.exec, gpu.id)).toBe(18);

    // Everyone is connected again, to B, and hears the next stock change.
    await Promise.all(reconnected);
    expect(lb.routed.slice(6).every((port) => port === b.port)).toBe(true);
    const seen = sockets.map((s) => collect<StockLevel>(s, 'stock:update'));
    await eventually(() => sockets.every((s) => s.connected));
    const other = await cluster.createUser();
    await api(b.url, '/api/cart/items', { token: other.token, body: { gpuId: gpu.id, quantity: 1 } });
    await eventually(async () => {
      if (seen.every((list) => list.some((u) => u.stock === 17))) return true;
      // A re-watch may still be on its way; buy again until every socket has heard one.
      const res = await api(b.url, '/api/cart/checkout', {
        token: other.token,
        body: {},
        headers: { 'idempotency-key': randomUUID() },
      });
      expect([201, 422]).toContain(res.status);
      return seen.every((list) => list.some((u) => u.stock === 17));
    });
  });
});
