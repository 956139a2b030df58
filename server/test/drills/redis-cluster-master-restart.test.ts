// Drill: a Redis Cluster master stopped and started again while answers stream and stock
// changes. Two instances share a three-master cluster; each round stops one master (all
// three in turn, so every shard is hit: the stream of some answer, the bus channel of
// stock.changed, the leases...), keeps selling for a moment, and starts it again.
// Expected: no process exits; /health says the cluster is degraded while a master is away;
// stock broadcasts reach the other instance again; and a shopper who left mid-answer and
// resumes on the other instance gets the whole answer, contiguous, equal to what was stored.
import { randomBytes, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChatTokenEvent, StockLevel, StockWatchAck } from '@gpu/shared';
import { connectChat, ok, recordChat, resumeChat, sendChat, type ChatSocket } from '../assistant/chat-client.js';
import { startFakeGroq, type FakeGroq } from '../assistant/fake-groq.js';
import { insertGpu } from '../realtime/helpers/catalog.js';
import { closeAllClients, connectShopper, emitWithAck, eventually } from '../realtime/helpers/sockets.js';
import { createDrillUsers, type DrillUser } from '../support/drill-shopper.js';
import { api } from '../support/http.js';
import { startServerProcess, type ServerProcess } from '../support/processes.js';
import { canRunRedisCluster, startTestRedisCluster, type TestRedisCluster } from '../support/redis-cluster.js';
import { baseDatabaseUrl } from '../support/services.js';
import { startSharedDatabase, type SharedDatabase } from '../support/shared-database.js';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const WORDS = 100;
const WORD_DELAY_MS = 80;
const SHOPPERS_PER_ROUND = 3;

describe.skipIf(!canRunRedisCluster || !baseDatabaseUrl)('drill: a Redis Cluster master restarted under load', () => {
  const jwtSecret = randomBytes(32).toString('hex');
  let redis: TestRedisCluster;
  let db: SharedDatabase;
  let llm: FakeGroq;
  let a: ServerProcess;
  let b: ServerProcess;
  let admin: DrillUser;
  let gpuId: string;
  const sockets: ChatSocket[] = [];

  beforeAll(async () => {
    redis = await startTestRedisCluster();
    db = await startSharedDatabase();
    llm = await startFakeGroq({
      kind: 'stream',
      chunks: Array.from({ length: WORDS }, (_, i) => `word${i} `),
      delayMs: WORD_DELAY_MS,
    });
    const env = {
      ...redis.env,
      DATABASE_URL: db.url,
      GROQ_API_KEY: 'fake-key-for-the-drill',
      LLM_BASE_URL: llm.url,
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
  });

  afterAll(async () => {
    for (const s of sockets) s.disconnect();
    closeAllClients();
    await Promise.all([a?.stop('SIGKILL'), b?.stop('SIGKILL')]);
    await db?.close();
    await llm?.close();
    await redis?.close();
  });

  const health = async (p: ServerProcess) =>
    (await api<{ status: string; checks: { redis: { mastersUp?: number; masters?: number } } }>(p.url, '/health')).body;
  /** Waits until the instance's /health counts `n` masters answering (says what it saw otherwise). */
  const mastersUp = async (p: ServerProcess, n: number) => {
    let last: unknown;
    await eventually(
      async () => {
        const h = await health(p);
        last = h.checks.redis;
        return h.checks.redis.mastersUp === n;
      },
      30_000,
      200,
    ).catch((err: Error) => {
      throw new Error(`${err.message}: /health redis ${JSON.stringify(last)}`);
    });
  };
  const setStock = (stock: number) =>
    api(a.url, `/api/gpus/${gpuId}`, { method: 'PATCH', token: admin.token, body: { stock } }).then(
      (r) => r.status,
      () => -1,
    );

  it('no process exits, broadcasts come back, and a shopper who resumes elsewhere loses no answer', async () => {
    const watcher = await connectShopper(b.url, { guestId: randomUUID() });
    expect((await emitWithAck<StockWatchAck>(watcher, 'stock:watch', { gpuIds: [gpuId] })).ok).toBe(true);
    const seenStock: StockLevel[] = [];
    watcher.on('stock:update', (u: StockLevel) => seenStock.push(u));
    const statuses: number[] = [];
    let stockValue = 5_000;

    for (const [round, port] of redis.ports.entries()) {
      // Shoppers ask on instance A and leave mid-answer (the answer goes on without them).
      const users = await createDrillUsers(db.exec, SHOPPERS_PER_ROUND, jwtSecret);
      const started = await Promise.all(
        users.map(async (u) => {
          const socket = await connectChat(a.url, { token: u.token });
          sockets.push(socket);
          const rec = recordChat(socket);
          const ack = ok(await sendChat(socket, { message: `best card for 1440p gaming, round ${round}` }));
          await rec.until(() => rec.tokens(ack.messageId).length >= 2);
          socket.disconnect();
          return { user: u, ack, seen: rec.tokens(ack.messageId) };
        }),
      );

      // Stock keeps changing on A while the master is away.
      let selling = true;
      const seller = (async () => {
        while (selling) {
          statuses.push(await setStock(--stockValue));
          await sleep(150);
        }
      })();

      await redis.stopNode(port);
      await mastersUp(a, 2);
      expect((await health(a)).status).toBe('degraded');
      expect((await api(b.url, '/readyz')).status).toBe(200);
      await sleep(1_000);
      await redis.startNode(port);
      await mastersUp(b, 3);
      selling = false;
      await seller;

      // Broadcasts are back: a change made on A after the restart reaches the watcher on B.
      // (A new value each try: a change made before B's subscription came back is not resent.)
      const base = 10_000 * (round + 1);
      let tries = 0;
      await eventually(
        async () => {
          if (seenStock.some((u) => u.stock >= base)) return true;
          expect(await setStock(base + tries++)).toBe(200);
          return false;
        },
        20_000,
        500,
      );

      // Each shopper resumes on instance B from the last token they saw.
      for (const { user, ack, seen } of started) {
        const socket = await connectChat(b.url, { token: user.token });
        sockets.push(socket);
        const rec = recordChat(socket);
        ok(await resumeChat(socket, ack.messageId, seen.at(-1)!.seq));
        const done = await rec.done(ack.messageId, 60_000);
        expect(done.finishReason).toBe('stop');
        const all: ChatTokenEvent[] = [...seen, ...rec.tokens(ack.messageId)];
        expect(all.map((t) => t.seq)).toEqual(all.map((_, i) => i));
        const text = all.map((t) => t.text).join('');
        expect(text).toBe(Array.from({ length: WORDS }, (_, i) => `word${i} `).join(''));
        const conv = await api(b.url, `/api/conversations/${ack.conversationId}`, { token: user.token });
        const stored = (conv.body.messages as { id: string; content: string }[]).find((m) => m.id === ack.messageId);
        expect(stored?.content).toBe(text);
        socket.disconnect();
      }
    }

    // Stock writes are PostgreSQL's: none failed while a Redis shard was away.
    expect(statuses.filter((s) => s !== 200)).toEqual([]);
    expect(a.child.exitCode).toBeNull();
    expect(b.child.exitCode).toBeNull();
    console.log(
      `cluster master restart: ${redis.ports.length} rounds, ${statuses.length} stock changes during outages, ` +
        `${seenStock.length} stock:update seen on the other instance`,
    );
  }, 240_000);
});
