// Drill: rolling restart. Three instances share PostgreSQL and Redis behind a loopback
// round-robin balancer; they are restarted one by one (SIGTERM, replacement on the same
// port, wait ready, next) while shoppers stream answers (from a slow fake LLM) and check out. Expected: every
// checkout ends in 201 with exactly one order per Idempotency-Key, every socket reconnects,
// and every answer completes (via chat:resume where its connection was cut) with exactly the
// text that was persisted, no seq missing or repeated.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomBytes } from 'node:crypto';
import { hasRedis } from '../support/services.js';
import { startServerProcess, type ServerProcess } from '../support/processes.js';
import { startSharedDatabase, type SharedDatabase } from '../support/shared-database.js';
import { createTestRedisUrl } from '../support/redis.js';
import { startRoundRobinProxy, type RoundRobinProxy } from '../support/round-robin-proxy.js';
import { createDrillUsers, DrillShopper, contiguousSeq } from '../support/drill-shopper.js';
import { insertGpu } from '../realtime/helpers/catalog.js';
import { api } from '../support/http.js';
import { eventually } from '../realtime/helpers/sockets.js';
import { startFakeGroq, type FakeGroq } from '../assistant/fake-groq.js';

const SHOPPERS = 8;
/** Answers last ~3.6 s: longer than an instance's ~2 s socket drain, so a stopping instance
 * is still generating when its shoppers have already moved on and resumed elsewhere. */
const ANSWER_WORDS = 30;
const WORD_DELAY_MS = 120;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe.skipIf(!hasRedis)('drill: rolling restart under load', () => {
  const jwtSecret = randomBytes(32).toString('hex');
  let db: SharedDatabase;
  let llm: FakeGroq;
  let env: Record<string, string>;
  const instances: ServerProcess[] = [];
  let balancer: RoundRobinProxy;
  let shoppers: DrillShopper[] = [];
  let gpuId: string;
  const checkouts = () => shoppers.flatMap((s) => s.checkouts);

  beforeAll(async () => {
    db = await startSharedDatabase();
    llm = await startFakeGroq({
      kind: 'stream',
      chunks: Array.from({ length: ANSWER_WORDS }, (_, i) => `word${i} `),
      delayMs: WORD_DELAY_MS,
    });
    env = {
      GROQ_API_KEY: 'fake-key-for-the-drill',
      LLM_BASE_URL: llm.url,
      DATABASE_URL: db.url,
      REDIS_URL: (await createTestRedisUrl())!,
      JWT_SECRET: jwtSecret,
      RATE_LIMIT_ALLOWLIST: '127.0.0.1',
      DB_POOL_SIZE: '4',
      SHUTDOWN_TIMEOUT_MS: '15000',
      LOG_LEVEL: 'warn',
    };
    // The first one migrates and seeds; the others then start side by side.
    instances.push(await startServerProcess(env));
    const rest = await Promise.all([0, 1].map(() => startServerProcess({ ...env, SEED_ON_START: 'false' })));
    instances.push(...rest);
    balancer = await startRoundRobinProxy(instances.map((i) => i.port));
    gpuId = (await insertGpu(db.exec, { stock: 100_000 })).id;
    const users = await createDrillUsers(db.exec, SHOPPERS, jwtSecret);
    shoppers = users.map((u) => new DrillShopper(balancer.url, u));
    await Promise.all(shoppers.map((s) => s.connected()));
  });

  afterAll(async () => {
    for (const s of shoppers) s.close();
    await balancer?.close();
    await Promise.all(instances.map((i) => i.stop('SIGKILL')));
    await db?.close();
    await llm?.close();
  });

  it('loses no checkout and no answer while every instance is replaced', async () => {
    // Each connection went to the next instance in turn: every instance holds shoppers.
    expect([...balancer.openByUpstream().values()].every((n) => n > 0)).toBe(true);
    let round = 0;
    const wave = () => {
      const r = round++;
      return Promise.all(
        shoppers.map(async (s, i) => {
          await s.chat(`best GPU under $900 for 1440p gaming and streaming, shopper ${i} round ${r}`);
          await s.checkout(gpuId);
        }),
      );
    };

    for (let i = 0; i < instances.length; i++) {
      const victim = instances[i]!;
      const traffic = wave();
      // Stop the instance while answers are streaming, so some are cut mid-way.
      await eventually(() => shoppers.every((s) => s.streaming), 20_000, 20);
      expect(await victim.stop('SIGTERM')).toBe(0);
      const replacement = startServerProcess({ ...env, SEED_ON_START: 'false' }, { port: victim.port });
      await traffic;
      // Keep shopping on the remaining instances while the replacement boots.
      let ready = false;
      const booted = replacement.then((p) => {
        instances[i] = p;
        ready = true;
      });
      while (!ready) {
        // Paced under the per-shopper chat limit (20 a minute).
        await Promise.all([wave(), sleep(3_100)]);
      }
      await booted;
    }
    await Promise.all(shoppers.map((s) => s.connected()));

    const resumed = shoppers.flatMap((s) => s.chats).filter((c) => c.resumes > 0).length;
    console.log(
      `rolling restart: ${round} rounds, ${checkouts().length} checkouts (${checkouts().filter((c) => c.attempts > 1).length} retried), ` +
        `${shoppers.flatMap((s) => s.chats).length} answers (${resumed} resumed), ` +
        `${shoppers.reduce((n, s) => n + s.disconnects, 0)} disconnects`,
    );

    // Checkouts: all created, one order per key.
    expect(checkouts().length).toBe(round * SHOPPERS);
    expect(checkouts().filter((c) => c.status !== 201)).toEqual([]);
    for (const s of shoppers) {
      const rows = await db.exec<{ n: string }>(`select count(*)::text as n from orders where user_id = ?`, [
        s.user.id,
      ]);
      expect(Number(rows[0]!.n)).toBe(s.checkouts.length);
    }

    // Sockets: every shopper is connected again, after each disconnect a reconnect.
    for (const s of shoppers) {
      expect(s.socket.connected).toBe(true);
      expect(s.connects).toBe(s.disconnects + 1);
    }
    expect(shoppers.reduce((n, s) => n + s.disconnects, 0)).toBeGreaterThanOrEqual(instances.length);

    // Answers: finished, contiguous, no duplicates, equal to what was persisted.
    const chats = shoppers.flatMap((s) => s.chats.map((c) => ({ c, s })));
    expect(chats.filter(({ c }) => c.error).map(({ c }) => c.error)).toEqual([]);
    expect(chats.reduce((n, { c }) => n + c.resumes, 0)).toBeGreaterThan(0);
    for (const { c, s } of chats) {
      expect(c.done?.finishReason, c.question).toBe('stop');
      expect(c.duplicates).toBe(0);
      expect(contiguousSeq(c.tokens)).toBe(c.tokens.size - 1);
      const text = [...c.tokens.keys()]
        .sort((a, b) => a - b)
        .map((k) => c.tokens.get(k))
        .join('');
      const conv = await api(balancer.url, `/api/conversations/${c.conversationId}`, { token: s.user.token });
      const persisted = (conv.body.messages as { id: string; content: string }[]).find((m) => m.id === c.messageId);
      expect(persisted?.content).toBe(text);
    }
  }, 240_000);
});
