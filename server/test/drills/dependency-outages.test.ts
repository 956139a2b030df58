// Drills: Redis restarted under load, and PostgreSQL briefly unavailable. Two instances reach
// Redis and PostgreSQL through loopback proxies that the suite cuts and restores, while
// traffic runs. Expected: no process exits; /health and /readyz say what is down; REST
// answers a clear 503 problem+json (never a 500) while the database is away; and both
// instances recover by themselves within seconds once the dependency is back.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomBytes, randomUUID } from 'node:crypto';
import type { StockLevel, StockWatchAck } from '@gpu/shared';
import { hasRedis } from '../support/services.js';
import { startServerProcess, type ServerProcess } from '../support/processes.js';
import { startSharedDatabase, type SharedDatabase } from '../support/shared-database.js';
import { createTestRedisUrl } from '../support/redis.js';
import { startTcpProxy, type TcpProxy } from '../support/tcp-proxy.js';
import { createDrillUsers, type DrillUser } from '../support/drill-shopper.js';
import { insertGpu } from '../realtime/helpers/catalog.js';
import { api } from '../support/http.js';
import { closeAllClients, connectShopper, emitWithAck, eventually } from '../realtime/helpers/sockets.js';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe.skipIf(!hasRedis)('drills: dependency outages', () => {
  const jwtSecret = randomBytes(32).toString('hex');
  let db: SharedDatabase;
  let redisProxy: TcpProxy;
  let a: ServerProcess;
  let b: ServerProcess;
  let admin: DrillUser;
  let shopper: DrillUser;
  let gpuId: string;

  /** Background REST traffic on both instances until stopped; returns the statuses seen. */
  function startTraffic(): { stop(): Promise<number[]> } {
    let running = true;
    const statuses: number[] = [];
    const loop = async (base: string) => {
      for (let i = 0; running; i++) {
        const call =
          i % 3 === 0
            ? api(base, '/api/orders', { token: shopper.token })
            : api(base, `/api/gpus?pageSize=5&page=${1 + (i % 4)}`);
        statuses.push(await call.then((r) => r.status).catch(() => -1));
        await sleep(50);
      }
    };
    const loops = [loop(a.url), loop(b.url)];
    return {
      async stop() {
        running = false;
        await Promise.all(loops);
        return statuses;
      },
    };
  }

  const health = async (p: ServerProcess) => (await api(p.url, '/health')).body;

  beforeAll(async () => {
    db = await startSharedDatabase();
    const redisUrl = new URL((await createTestRedisUrl())!);
    redisProxy = await startTcpProxy({ host: redisUrl.hostname, port: Number(redisUrl.port || 6379) });
    redisUrl.port = String(redisProxy.port);
    const env = {
      DATABASE_URL: db.url,
      REDIS_URL: redisUrl.toString(),
      JWT_SECRET: jwtSecret,
      RATE_LIMIT_ALLOWLIST: '127.0.0.1',
      DB_POOL_SIZE: '4',
      SEED_ON_START: 'false',
      LOG_LEVEL: 'warn',
    };
    a = await startServerProcess(env);
    b = await startServerProcess(env);
    gpuId = (await insertGpu(db.exec, { stock: 1_000 })).id;
    admin = (await createDrillUsers(db.exec, 1, jwtSecret, 'admin'))[0]!;
    shopper = (await createDrillUsers(db.exec, 1, jwtSecret))[0]!;
  });

  afterAll(async () => {
    closeAllClients();
    await Promise.all([a?.stop('SIGKILL'), b?.stop('SIGKILL')]);
    await redisProxy?.close();
    await db?.close();
  });

  /** A stock change made through `a` reaches a watcher connected to `b`. */
  async function crossInstanceUpdateArrives(seen: StockLevel[]): Promise<boolean> {
    const stock = 1 + Math.floor(Math.random() * 900);
    const res = await api(a.url, `/api/gpus/${gpuId}`, { method: 'PATCH', token: admin.token, body: { stock } });
    if (res.status !== 200) return false;
    const deadline = Date.now() + 1_000;
    while (Date.now() < deadline) {
      if (seen.some((u) => u.stock === stock)) return true;
      await sleep(50);
    }
    return false;
  }

  it('Redis restarted under load: no crash, reported down, cross-instance updates resume', async () => {
    const watcher = await connectShopper(b.url, { guestId: randomUUID() });
    expect(await emitWithAck<StockWatchAck>(watcher, 'stock:watch', { gpuIds: [gpuId] })).toMatchObject({ ok: true });
    const seen: StockLevel[] = [];
    watcher.on('stock:update', (u: StockLevel) => seen.push(u));
    expect(await crossInstanceUpdateArrives(seen)).toBe(true);

    const traffic = startTraffic();
    redisProxy.cut();
    await eventually(async () => {
      const [ha, hb] = await Promise.all([health(a), health(b)]);
      return ha.checks.redis.status === 'down' && hb.checks.redis.status === 'down';
    });
    expect((await health(a)).status).toBe('degraded');
    expect((await api(b.url, '/readyz')).status).toBe(503);
    await sleep(3_000);
    expect([a.child.exitCode, b.child.exitCode]).toEqual([null, null]);

    redisProxy.restore();
    const restoredAt = Date.now();
    await eventually(() => crossInstanceUpdateArrives(seen), 20_000, 0);
    console.log(`redis drill: cross-instance stock:update flowing again ${Date.now() - restoredAt} ms after restore`);
    await eventually(
      async () => (await api(a.url, '/readyz')).status === 200 && (await api(b.url, '/readyz')).status === 200,
    );
    expect((await health(b)).checks.redis.status).toBe('ok');
    const statuses = await traffic.stop();
    expect(statuses.filter((s) => s >= 500 && s !== 503)).toEqual([]);
    expect(statuses.filter((s) => s === 200).length).toBeGreaterThan(0);
    expect(watcher.connected).toBe(true);
    expect([a.child.exitCode, b.child.exitCode]).toEqual([null, null]);
  });

  it('PostgreSQL briefly unavailable: /readyz 503, clear 503 errors, recovery without restart', async () => {
    const pids = [a.child.pid, b.child.pid];
    const added = await api(a.url, '/api/cart/items', { token: shopper.token, body: { gpuId, quantity: 1 } });
    expect(added.status).toBe(200);
    const key = randomUUID();
    const checkout = (base: string) =>
      api(base, '/api/cart/checkout', { token: shopper.token, body: {}, headers: { 'idempotency-key': key } });

    const traffic = startTraffic();
    db.proxy.cut();
    await eventually(
      async () => (await api(a.url, '/readyz')).status === 503 && (await api(b.url, '/readyz')).status === 503,
    );
    const ready = await api(b.url, '/readyz');
    expect(JSON.stringify(ready.body)).toMatch(/database/);
    expect((await api(a.url, '/healthz')).status).toBe(200);
    expect((await health(a)).checks.database.status).toBe('down');

    for (const res of [await api(a.url, '/api/orders', { token: shopper.token }), await checkout(b.url)]) {
      expect(res.status).toBe(503);
      expect(res.headers.get('content-type')).toMatch(/application\/problem\+json/);
      expect(res.headers.get('retry-after')).toMatch(/^\d+$/);
      expect(res.body).toMatchObject({ status: 503, code: 'service_unavailable' });
      expect(JSON.stringify(res.body)).not.toMatch(/\n\s+at |ECONN|SELECT|select /);
    }
    await sleep(2_000);

    db.proxy.restore();
    await eventually(
      async () => (await api(a.url, '/readyz')).status === 200 && (await api(b.url, '/readyz')).status === 200,
    );
    // The checkout refused during the outage goes through with the same key, exactly once.
    const first = await checkout(a.url);
    expect(first.status).toBe(201);
    const again = await checkout(b.url);
    expect(again.status).toBe(201);
    expect(again.body.order.id).toBe(first.body.order.id);
    const orders = await db.exec<{ n: string }>(`select count(*)::text as n from orders where user_id = ?`, [
      shopper.id,
    ]);
    expect(Number(orders[0]!.n)).toBe(1);

    const statuses = await traffic.stop();
    expect(statuses.filter((s) => s >= 500 && s !== 503)).toEqual([]);
    expect(statuses).toContain(503);
    expect([a.child.pid, b.child.pid]).toEqual(pids);
    expect([a.child.exitCode, b.child.exitCode]).toEqual([null, null]);
  });
});
