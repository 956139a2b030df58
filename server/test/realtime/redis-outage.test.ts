// A Redis outage under traffic: two instances reach Redis through a loopback proxy that the
// suite cuts for a few seconds. No process exits, /health reports Redis down, shopping goes
// on (the database is the source of truth), and cross-instance stock:update flows again by
// itself once Redis is back.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StockLevel, StockWatchAck } from '@gpu/shared';
import { api } from '../support/http.js';
import { startTcpProxy, type TcpProxy } from '../support/tcp-proxy.js';
import { canRunCluster, startCluster, type Cluster, type ClusterUser } from './helpers/cluster.js';
import { insertGpu } from './helpers/catalog.js';
import {
  closeAllClients,
  collect,
  connectShopper,
  emitWithAck,
  eventually,
  type ShopperClient,
} from './helpers/sockets.js';

let cluster: Cluster;
let proxy: TcpProxy;

const redisStatus = async (base: string) => (await api(base, '/health')).body.checks.redis.status as string;

async function purchase(base: string, user: ClusterUser, gpuId: string): Promise<number> {
  await api(base, '/api/cart/items', { token: user.token, body: { gpuId, quantity: 1 } });
  const res = await api(base, '/api/cart/checkout', {
    token: user.token,
    body: {},
    headers: { 'idempotency-key': randomUUID() },
  });
  return res.status;
}

/** Buys on instance B until the watcher on instance A hears about it (polls; no timing assertion). */
async function crossInstanceUpdateArrives(watcher: ShopperClient, base: string, user: ClusterUser, gpuId: string) {
  const seen = collect<StockLevel>(watcher, 'stock:update');
  await eventually(async () => {
    if (seen.length > 0) return true;
    expect(await purchase(base, user, gpuId)).toBe(201);
    await new Promise((r) => setTimeout(r, 500));
    return seen.length > 0;
  }, 30_000);
}

describe.skipIf(!canRunCluster)('Redis outage with two instances', () => {
  beforeAll(async () => {
    cluster = await startCluster({
      size: 2,
      redisVia: async (direct) => {
        proxy = await startTcpProxy({ host: direct.hostname, port: Number(direct.port || 6379) });
        return `redis://127.0.0.1:${proxy.port}${direct.pathname}`;
      },
    });
  });

  afterAll(async () => {
    closeAllClients();
    proxy?.restore();
    await cluster?.close();
    await proxy?.close();
  });

  it('survives the outage, reports it, keeps selling, and resumes broadcasts by itself', async () => {
    const [a, b] = cluster.instances.map((i) => i.url) as [string, string];
    const gpu = await insertGpu(cluster.exec, { stock: 1000 });
    const buyer = await cluster.createUser();
    const watcher = await connectShopper(a, { guestId: randomUUID() });
    await emitWithAck(watcher, 'stock:watch', { gpuIds: [gpu.id] });
    await crossInstanceUpdateArrives(watcher, b, buyer, gpu.id);

    // Background traffic on both instances for the whole outage.
    let traffic = true;
    const statuses: number[] = [];
    const background = (async () => {
      while (traffic) {
        for (const base of [a, b]) {
          statuses.push((await api(base, '/api/cart', { token: buyer.token })).status);
          statuses.push((await api(base, '/healthz')).status);
        }
        await new Promise((r) => setTimeout(r, 50));
      }
    })();

    proxy.cut();
    await eventually(async () => (await redisStatus(a)) === 'down' && (await redisStatus(b)) === 'down');
    expect((await api(a, '/health')).body.status).toBe('degraded');
    // The database still takes orders; the watcher's socket (which does not go through Redis) lives on.
    expect(await purchase(b, buyer, gpu.id)).toBe(201);
    const ack = await emitWithAck<StockWatchAck>(watcher, 'stock:watch', { gpuIds: [gpu.id] }, 15_000);
    expect(ack.ok).toBe(true);
    await new Promise((r) => setTimeout(r, 3_000)); // the outage lasts a few seconds
    for (const i of cluster.instances) expect(i.child.exitCode).toBeNull();

    proxy.restore();
    await eventually(async () => (await redisStatus(a)) === 'ok' && (await redisStatus(b)) === 'ok');
    await crossInstanceUpdateArrives(watcher, b, buyer, gpu.id);

    traffic = false;
    await background;
    expect(statuses.filter((s) => s >= 500)).toEqual([]);
    expect(statuses.length).toBeGreaterThan(0);
    for (const i of cluster.instances) expect(i.child.exitCode).toBeNull();
    expect(watcher.connected).toBe(true);
  });
});
