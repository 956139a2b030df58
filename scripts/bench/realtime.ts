// Realtime fan-out benchmark. Thousands of clients on loopback, opened by worker processes
// (so no server measures its own clients), watch one product; the run then changes its stock
// BROADCASTS times at RATE per second and measures, per delivered `stock:update`, the delay
// from the trigger to the client. Three scenarios in the same run:
//   raw ws           a bare `ws` server broadcasting on a Redis PUBLISH (the floor)
//   bare socket.io   bare Socket.IO, one room, the same trigger
//   socket.io x1     every client on one product server
//   socket.io x2     clients split over two product servers sharing Redis (bus + adapter)
// The product scenarios go bus -> gateway -> room emit, the path of every stock change;
// `--trigger patch` starts one step earlier, at admin PATCH /api/gpus/:id {stock} (HTTP,
// PostgreSQL transaction, StockService). Memory per connection is the servers' RSS growth
// while the clients connect, divided by the clients. Product clients authenticate with an
// access token each (`--auth guest` connects them as guests instead), so KB/conn is the cost of
// an idle authenticated socket. Ratios are to bare Socket.IO; the goals are printed.
//
//   npx tsx --conditions=source scripts/bench/realtime.ts [--sockets 2000] [--broadcasts 200]
//                                        [--rate 20] [--workers 2] [--trigger bus|patch]
//                                        [--auth user|guest] [--only x1] [--rounds 1]
//
// Needs DATABASE_URL and REDIS_URL (a temporary database is created and dropped).
import { fork, type ChildProcess } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { Redis } from 'ioredis';
import pg from 'pg';
import { TokenService } from '../../server/src/modules/auth/tokens.js';
import { startServerProcess, type ServerProcess } from '../../server/test/support/processes.js';
import type { WorkerCommand, WorkerReply } from './realtime/client-worker.js';
import { BENCH_CHANNEL } from './realtime/baseline-channel.js';
import {
  cpuMs,
  percentile,
  printGoals,
  printRounds,
  printTable,
  rssBytes,
  type ScenarioResult,
} from './realtime/measure.js';

const { values: args } = parseArgs({
  options: {
    sockets: { type: 'string', default: process.env.BENCH_SOCKETS ?? '2000' },
    broadcasts: { type: 'string', default: '200' },
    rate: { type: 'string', default: '20' },
    workers: { type: 'string', default: '2' },
    trigger: { type: 'string', default: 'bus' },
    auth: { type: 'string', default: 'user' },
    only: { type: 'string' },
    rounds: { type: 'string', default: '1' },
  },
});
const SOCKETS = Number(args.sockets);
const BROADCASTS = Number(args.broadcasts);
const RATE = Number(args.rate);
const WORKERS = Number(args.workers);
const TRIGGER = args.trigger === 'patch' ? 'patch' : 'bus';
const AUTH = args.auth === 'guest' ? 'guest' : 'user';
// At 3,000 sockets on two shared cores one run's p99 swings 2-3x for the baseline itself
// (bare Socket.IO read 54-144 ms in four back-to-back runs): rounds repeat bare Socket.IO and
// the product scenarios back to back, each on fresh processes, and judge the goals on the
// median of the per-round ratios.
const ROUNDS = Math.max(1, Number(args.rounds));
const JWT_SECRET = randomBytes(32).toString('hex');
const tsxArgv = ['--import', 'tsx', '--conditions=source'];
// e.g. BENCH_SERVER_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof" profiles the product servers.
const nodeArgs = process.env.BENCH_SERVER_NODE_ARGS?.split(' ').filter(Boolean) ?? [];
const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));
const now = () => performance.timeOrigin + performance.now();
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

interface Target {
  name: string;
  kind: 'socketio' | 'ws';
  urls: string[];
  pids: number[];
  trigger: (stock: number) => Promise<void>;
  /** Access tokens for the product's clients (one per socket); none: guests. */
  tokens?: string[];
}

function message<T extends WorkerReply['type'] | 'ready' | 'listening'>(child: ChildProcess, type: T) {
  return new Promise<Extract<WorkerReply, { type: T }> & { port?: number }>((resolve) => {
    const on = (m: { type: string }) => {
      if (m.type !== type) return;
      child.off('message', on);
      resolve(m as Extract<WorkerReply, { type: T }> & { port?: number });
    };
    child.on('message', on);
  });
}

async function runScenario(t: Target, gpuId: string): Promise<ScenarioResult> {
  const workers = Array.from({ length: WORKERS }, () =>
    fork(here('./realtime/client-worker.ts'), [], { execArgv: tsxArgv }),
  );
  await Promise.all(workers.map((w) => message(w, 'ready')));
  const rssBefore = t.pids.reduce((sum, pid) => sum + rssBytes(pid), 0);
  const per = Math.ceil(SOCKETS / WORKERS);
  const connected = await Promise.all(
    workers.map((w, i) => {
      const reply = message(w, 'connected');
      const count = Math.min(per, SOCKETS - i * per);
      const tokens = t.tokens?.slice(i * per, i * per + count);
      w.send({ type: 'connect', kind: t.kind, urls: t.urls, count, gpuId, tokens } satisfies WorkerCommand);
      return reply;
    }),
  );
  const ok = connected.reduce((s, c) => s + c.ok, 0);
  const failed = connected.reduce((s, c) => s + c.failed, 0);
  if (failed) console.warn(`${t.name}: ${failed} connections failed`);
  await sleep(1_000);
  const rssAfter = t.pids.reduce((sum, pid) => sum + rssBytes(pid), 0);

  // Warm-up (not measured), then the measured broadcasts at a fixed rate.
  for (let i = 0; i < 10; i++) await t.trigger(100_000 + i);
  await sleep(1_000);
  const sentAt: Record<number, number> = {};
  const triggerMs: number[] = [];
  const failedTriggers: string[] = [];
  const pending: Promise<void>[] = [];
  const cpuBefore = t.pids.reduce((sum, pid) => sum + cpuMs(pid), 0);
  const start = now();
  for (let seq = 1; seq <= BROADCASTS; seq++) {
    const due = start + ((seq - 1) * 1000) / RATE;
    const wait = due - now();
    if (wait > 0) await sleep(wait);
    const sent = now();
    sentAt[seq] = sent;
    pending.push(
      t.trigger(seq).then(
        () => void triggerMs.push(now() - sent),
        (err: Error) => {
          // A refused trigger broadcasts nothing: leave it out of the expected deliveries.
          delete sentAt[seq];
          failedTriggers.push(err.message.slice(0, 120));
        },
      ),
    );
  }
  await Promise.all(pending);
  if (failedTriggers.length)
    console.warn(`${t.name}: ${failedTriggers.length} triggers failed, e.g. ${failedTriggers[0]}`);
  await sleep(3_000);
  const cpuSpent = t.pids.reduce((sum, pid) => sum + cpuMs(pid), 0) - cpuBefore;

  const replies = await Promise.all(
    workers.map((w) => {
      const reply = message(w, 'latencies');
      w.send({ type: 'collect', sentAt } satisfies WorkerCommand);
      return reply;
    }),
  );
  for (const w of workers) w.send({ type: 'close' } satisfies WorkerCommand);
  await Promise.all(workers.map((w) => new Promise((r) => w.once('exit', r))));

  const latencies = replies.flatMap((r) => r.latencies).sort((a, b) => a - b);
  const windowS = (BROADCASTS - 1) / RATE + (percentile(latencies, 100) || 0) / 1000;
  return {
    scenario: t.name,
    sockets: ok,
    delivered: latencies.length,
    expected: ok * Object.keys(sentAt).length,
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    max: percentile(latencies, 100),
    perSecond: latencies.length / windowS,
    bytesPerConnection: ok ? Math.max(0, rssAfter - rssBefore) / ok : 0,
    triggerP50: percentile(
      triggerMs.sort((a, b) => a - b),
      50,
    ),
    cpuPerBroadcastMs: cpuSpent / Math.max(1, Object.keys(sentAt).length),
  };
}

/**
 * How the product scenarios change the stock. `bus` (default) publishes `stock.changed` on the
 * Redis bus exactly as StockService.publish does, isolating the fan-out; `patch` goes through
 * the admin REST route (HTTP + PostgreSQL transaction + bus), the whole product path.
 */
async function productTrigger(databaseUrl: string, redisUrl: string, firstApiUrl: string) {
  let apiUrl = firstApiUrl;
  const db = new pg.Client({ connectionString: databaseUrl });
  await db.connect();
  const adminId = (
    await db.query<{ id: string }>(
      `insert into users (email, password_hash, role) values ('bench-admin@local', 'x', 'admin') returning id`,
    )
  ).rows[0]!.id;
  const gpuId = (
    await db.query<{ id: string }>(
      `insert into gpus (sku, name, brand, vram_gb, price_cents, stock) values ('BENCH-1', 'Bench GPU', 'NVIDIA', 16, 99900, 0) returning id`,
    )
  ).rows[0]!.id;
  await db.end();
  const token = await new TokenService({ secret: JWT_SECRET, accessTtlS: 3600 }).signAccess({
    id: adminId,
    role: 'admin',
  });
  const redis = new Redis(redisUrl);
  const fire = async (stock: number) => {
    if (TRIGGER === 'bus') {
      // The channel RedisBus uses for this event (server/src/platform/bus.ts).
      await redis.publish('bus:stock.changed', JSON.stringify({ gpuId, stock, reason: 'bench' }));
      return;
    }
    const res = await fetch(`${apiUrl}/api/gpus/${gpuId}`, {
      method: 'PATCH',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ stock }),
    });
    if (res.status !== 200) throw new Error(`PATCH stock answered ${res.status}: ${await res.text()}`);
  };
  return {
    gpuId,
    trigger: {
      fire,
      retarget: (url: string) => void (apiUrl = url),
      async close() {
        await redis.quit();
      },
    },
  };
}

/** One access token per socket, each for a different (never stored) shopper id. */
async function userTokens(n: number): Promise<string[]> {
  const tokens = new TokenService({ secret: JWT_SECRET, accessTtlS: 3600 });
  return Promise.all(Array.from({ length: n }, () => tokens.signAccess({ id: randomUUID(), role: 'shopper' })));
}

async function main(): Promise<void> {
  const baseDb = process.env.DATABASE_URL;
  const redisUrl = process.env.REDIS_URL;
  if (!baseDb || !redisUrl) throw new Error('set DATABASE_URL and REDIS_URL (the two-instance case shares them)');
  const dbName = `bench_rt_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: baseDb });
  await admin.connect();
  await admin.query(`create database ${dbName}`);
  const dbUrl = new URL(baseDb);
  dbUrl.pathname = `/${dbName}`;
  const env = {
    DATABASE_URL: dbUrl.toString(),
    JWT_SECRET,
    SEED_ON_START: 'false',
    LOG_LEVEL: 'warn',
    RATE_LIMIT_ALLOWLIST: '127.0.0.1/32',
  };
  const servers: ServerProcess[] = [];
  const results: ScenarioResult[] = [];
  let wsServer: ChildProcess | undefined;
  let sioServer: ChildProcess | undefined;
  let bus: { close(): Promise<void> } | undefined;
  try {
    console.log(
      `realtime fan-out: ${SOCKETS} sockets, ${BROADCASTS} broadcasts at ${RATE}/s, ${WORKERS} client processes`,
    );

    // The baselines get the product's kind of trigger: a Redis PUBLISH, answered by their own
    // subscriber (an HTTP trigger queued behind the broadcasts once one took longer than the
    // gap between triggers, which made the baseline look slower than it is).
    const publisher = new Redis(redisUrl);
    const baselineTrigger = async (stock: number) => void (await publisher.publish(BENCH_CHANNEL, String(stock)));
    const baselineEnv = { ...process.env, REDIS_URL: redisUrl };
    wsServer = fork(here('./realtime/ws-baseline.ts'), [], { execArgv: tsxArgv, env: baselineEnv });
    const { port } = await message(wsServer, 'listening');
    const wsUrl = `http://127.0.0.1:${port}`;
    const only = args.only;
    if (!only)
      results.push(
        await runScenario(
          {
            name: 'raw ws',
            kind: 'ws',
            urls: [wsUrl],
            pids: [wsServer.pid!],
            trigger: baselineTrigger,
          },
          'baseline',
        ),
      );
    wsServer.kill('SIGTERM');

    // Product instances sharing PostgreSQL and Redis, fresh for each scenario so the memory
    // figures start from an idle process (the first start migrates the database).
    const startPair = async () => {
      await Promise.all(servers.splice(0).map((sv) => sv.stop()));
      servers.push(await startServerProcess({ ...env, REDIS_URL: redisUrl }, { nodeArgs }));
      servers.push(await startServerProcess({ ...env, REDIS_URL: redisUrl }, { nodeArgs }));
      return servers as [ServerProcess, ServerProcess];
    };
    const tokens = AUTH === 'user' ? await userTokens(SOCKETS) : undefined;
    let product: Awaited<ReturnType<typeof productTrigger>> | undefined;

    for (let round = 1; round <= ROUNDS; round++) {
      const tag = ROUNDS > 1 ? ` r${round}` : '';
      sioServer = fork(here('./realtime/socketio-baseline.ts'), [], { execArgv: tsxArgv, env: baselineEnv });
      const sioUrl = `http://127.0.0.1:${(await message(sioServer, 'listening')).port}`;
      results.push(
        await runScenario(
          {
            name: `bare socket.io${tag}`,
            kind: 'socketio',
            urls: [sioUrl],
            pids: [sioServer.pid!],
            trigger: baselineTrigger,
          },
          'baseline',
        ),
      );
      sioServer.kill('SIGTERM');

      // x1: every client on one instance (the other idles); x2: clients split over both.
      let [a, b] = await startPair();
      product ??= await productTrigger(env.DATABASE_URL, redisUrl, a.url);
      bus = product.trigger;
      product.trigger.retarget(a.url);
      results.push(
        await runScenario(
          {
            name: `product x1${tag}`,
            kind: 'socketio',
            urls: [a.url],
            pids: [a.child.pid!],
            trigger: product.trigger.fire,
            tokens,
          },
          product.gpuId,
        ),
      );
      if (only !== 'x1') {
        [a, b] = await startPair();
        product.trigger.retarget(a.url);
        results.push(
          await runScenario(
            {
              name: `product x2 (redis)${tag}`,
              kind: 'socketio',
              urls: [a.url, b.url],
              pids: [a.child.pid!, b.child.pid!],
              trigger: product.trigger.fire,
              tokens,
            },
            product.gpuId,
          ),
        );
      }
    }
    await publisher.quit();
    if (process.env.BENCH_DEBUG) for (const sv of servers) console.log(sv.output().slice(-3000));
    console.log('');
    printTable(results);
    if (ROUNDS > 1) printRounds(results, SOCKETS);
    else printGoals(results, SOCKETS);
    console.log(
      `\nlatency: trigger sent -> update received. Trigger: baselines = a PUBLISH their own Redis subscriber answers; product = ${
        TRIGGER === 'bus'
          ? 'a stock.changed event published on the Redis bus (what StockService.publish sends)'
          : 'admin PATCH /api/gpus/:id {stock} on instance 1 (DB transaction + bus)'
      }.`,
    );
  } finally {
    await bus?.close();
    wsServer?.kill('SIGTERM');
    sioServer?.kill('SIGTERM');
    await Promise.all(servers.map((s) => s.stop()));
    await admin.query(`drop database if exists ${dbName} with (force)`);
    await admin.end();
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
