// WORKERS=2: one real server process runs as cluster primary + two workers sharing Redis
// (and PostgreSQL or the primary's embedded database), like pods. Checks that both workers
// serve requests and sockets, that a change made through one worker reaches sockets on the
// other, that a token issued by one worker is accepted by the other, that METRICS_PORT sums
// both workers, that an answer streamed by one worker can be resumed on the other, that a
// crashed worker is replaced, and that SIGTERM stops everything cleanly. Without Redis the
// server refuses to start, with one line naming REDIS_URL.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { ChatDoneEvent, ChatSendAck, ChatTokenEvent, StockLevel, StockWatchAck } from '@gpu/shared';
import { freePort, startServerProcess, type ServerProcess } from '../support/processes.js';
import { createTestDatabase, type TestDatabase } from '../support/database.js';
import { createTestRedisUrl } from '../support/redis.js';
import { hasRedis, requireServices } from '../support/services.js';
import { api } from '../support/http.js';
import { ADMIN } from '../support/app.js';
import { connectTagged, type TaggedSocket } from '../support/instance-socket.js';
import { collect, emitWithAck, eventually, nextEvent } from '../realtime/helpers/sockets.js';

/** instanceId is `<hostname>-<pid>-<random>`. */
const pidOf = (instanceId: string) => Number(instanceId.split('-').at(-2));

describe('WORKERS=2 without Redis', () => {
  it('refuses to start, with one line naming REDIS_URL', async () => {
    const db = await createTestDatabase();
    try {
      const failed = await startServerProcess({ ...db.env, WORKERS: '2' }, { readyTimeoutMs: 30_000 }).then(
        (s) => s.stop('SIGKILL').then(() => null),
        (err: Error) => err.message,
      );
      expect(failed).toMatch(/WORKERS > 1 requires REDIS_URL/);
    } finally {
      await db.drop();
    }
  });
});

describe.skipIf(!hasRedis && !requireServices)('WORKERS=2 with Redis', () => {
  let server: ServerProcess;
  let metricsPort: number;
  let db: TestDatabase;
  let adminToken: string;
  const sockets: TaggedSocket[] = [];

  /** Instance ids seen answering `path` over `tries` requests (each request is a new connection). */
  async function answeringInstances(path: string, tries = 40, token?: string): Promise<Map<string, number>> {
    const seen = new Map<string, number>();
    for (let i = 0; i < tries && seen.size < 2; i++) {
      const res = await fetch(server.url + path, {
        headers: token ? { authorization: `Bearer ${token}` } : {},
        // A connection handed to a worker at the instant it is killed is lost with it.
        signal: AbortSignal.timeout(5_000),
      });
      seen.set(res.headers.get('x-instance-id') ?? '', res.status);
    }
    return seen;
  }

  afterEach((ctx) => {
    // The server's own log is what explains a failure here (a worker crash, a stuck relay).
    if (ctx.task.result?.state === 'fail') console.error(server?.output().slice(-8_000));
    // Sockets left open by a failed test would skew least-connection balancing for the next.
    for (const s of sockets.splice(0)) s.close();
  });

  beforeAll(async () => {
    db = await createTestDatabase();
    const redisUrl = (await createTestRedisUrl())!;
    metricsPort = await freePort();
    server = await startServerProcess(
      {
        ...db.env,
        REDIS_URL: redisUrl,
        METRICS_PORT: String(metricsPort),
        WORKERS: '2',
        // No JWT_SECRET on purpose: the workers must still share one signing key.
        ADMIN_EMAIL: ADMIN.email,
        ADMIN_PASSWORD: ADMIN.password,
        RATE_LIMIT_ALLOWLIST: '127.0.0.1',
      },
      { readyTimeoutMs: 120_000 },
    );
    const login = await api(server.url, '/api/auth/login', { body: ADMIN });
    expect(login.status).toBe(200);
    adminToken = login.body.accessToken;
  });

  afterAll(async () => {
    for (const s of sockets) s.close();
    await server?.stop('SIGKILL');
    await db?.drop();
  });

  it('is ready, and plain requests are answered by both workers', async () => {
    expect((await api(server.url, '/readyz')).status).toBe(200);
    const seen = await answeringInstances('/health');
    expect(seen.size).toBe(2);
    const health = await api(server.url, '/health');
    expect(health.body.status).toBe('ok');
    expect(health.body.checks.redis.status).toBe('ok');
  });

  it('accepts a token issued by one worker on the other', async () => {
    const seen = await answeringInstances('/api/auth/me', 40, adminToken);
    expect(seen.size).toBe(2);
    expect([...seen.values()]).toEqual([200, 200]);
  });

  it('balances sockets over both workers and delivers a change made on either to both', async () => {
    const list = await api(server.url, '/api/gpus?pageSize=1');
    const gpuId: string = list.body.items[0].id;
    const a = await connectTagged(server.url, { guestId: crypto.randomUUID() });
    sockets.push(a);
    // Least connections: with `a` on one worker, the next socket goes to the other (the
    // primary learns of `a` over IPC, so allow it a moment).
    let b: TaggedSocket | undefined;
    await eventually(async () => {
      b?.close();
      b = await connectTagged(server.url, { guestId: crypto.randomUUID() });
      return b.instanceId !== a.instanceId;
    }, 10_000);
    sockets.push(b!);
    expect(a.instanceId).toBeTruthy();
    expect(b!.instanceId).toBeTruthy();
    // One scrape of METRICS_PORT (served by the primary) counts the sockets of both workers.
    const metrics = await (await fetch(`http://127.0.0.1:${metricsPort}/metrics`)).text();
    expect(metrics).toMatch(/^socketio_connected_clients\{namespace="\/"\} 2$/m);

    for (const s of [a, b!]) {
      const ack = await emitWithAck<StockWatchAck>(s, 'stock:watch', { gpuIds: [gpuId] });
      expect(ack.ok).toBe(true);
    }
    const seenA = collect<StockLevel>(a, 'stock:update');
    const seenB = collect<StockLevel>(b!, 'stock:update');
    const stock = 100 + Math.floor(Math.random() * 800);
    const patched = await api(server.url, `/api/gpus/${gpuId}`, {
      method: 'PATCH',
      token: adminToken,
      body: { stock },
    });
    expect(patched.status).toBe(200);
    // Handled by one of the two workers, so one socket sits on the other one.
    expect([a.instanceId, b!.instanceId]).toContain(patched.headers.get('x-instance-id'));
    await eventually(() => seenA.length > 0 && seenB.length > 0);
    expect(seenA).toEqual([{ gpuId, stock, version: expect.any(Number) }]);
    expect(seenB).toEqual(seenA);
    // Connection counts back to even, so plain requests spread over both workers again.
    for (const s of sockets.splice(0)) s.close();
  });

  it('resumes on one worker an answer being streamed by the other', async () => {
    const guestId = crypto.randomUUID();
    const a = await connectTagged(server.url, { guestId });
    let b: TaggedSocket | undefined;
    await eventually(async () => {
      b?.close();
      b = await connectTagged(server.url, { guestId });
      return b.instanceId !== a.instanceId;
    }, 10_000);
    sockets.push(a, b!);
    const streamed = collect<ChatTokenEvent>(a, 'chat:token');
    const doneA = nextEvent<ChatDoneEvent>(a, 'chat:done', () => true, 30_000);
    const sent = await emitWithAck<ChatSendAck>(a, 'chat:send', { message: 'best GPU under $800 for 1440p gaming' });
    expect(sent.ok).toBe(true);
    const { messageId } = sent as { messageId: string };

    // Mid-stream, from the other worker: everything from the start, then the live rest.
    const resumed = collect<ChatTokenEvent>(b!, 'chat:token');
    const doneB = nextEvent<ChatDoneEvent>(b!, 'chat:done', (e) => e.messageId === messageId, 30_000);
    expect(await emitWithAck(b!, 'chat:resume', { messageId, afterSeq: -1 })).toEqual({ ok: true });
    const [endA, endB] = await Promise.all([doneA, doneB]);
    expect(endA.finishReason).toBe('stop');
    expect(endB).toEqual(endA);
    expect(streamed.length).toBeGreaterThan(0);
    expect(resumed.map((t) => t.seq)).toEqual(streamed.map((_, i) => i));
    expect(resumed.map((t) => t.text).join('')).toBe(streamed.map((t) => t.text).join(''));
    for (const s of sockets.splice(0)) s.close();
  });

  it('replaces a worker that crashed', async () => {
    const before = [...(await answeringInstances('/health')).keys()];
    expect(before).toHaveLength(2);
    process.kill(pidOf(before[0]!), 'SIGKILL');
    await eventually(
      async () => {
        const now = [...(await answeringInstances('/health', 20).catch(() => new Map())).keys()];
        return now.length === 2 && !now.includes(before[0]!) && now.includes(before[1]!);
      },
      45_000,
      500,
    );
    expect(server.output()).toMatch(/"msg":"cluster worker exited; restarting"/);
  });

  it('stops primary and workers cleanly on SIGTERM', async () => {
    expect(await server.stop('SIGTERM')).toBe(0);
    const out = server.output();
    expect(out.match(/"role":"worker".*"msg":"shutdown complete"/g)?.length).toBe(2);
    expect(out).toMatch(/"role":"primary".*"msg":"shutdown complete"/);
  });
});
