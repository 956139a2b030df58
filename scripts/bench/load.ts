// Load benchmark: two server instances (sharing a scratch PostgreSQL database and Redis, on
// loopback) under thousands of sockets and concurrent chats opened by separate client
// processes, plus REST checkouts and admin stock changes fanned out to every socket. Prints
// throughput (tokens/s delivered, chats/s, checkouts/s), latency percentiles (connect,
// chat:send -> first token, stock:update delivery, checkout), errors, and server memory
// (RSS per instance, and per socket).
//
//   npx tsx --conditions=source scripts/bench/load.ts [--sockets 2000] [--chats 100]
//       [--duration 30] [--clients 2] [--checkout-concurrency 8] [--stock-rate 2] [--redis-db 12]
//       [--redis-cluster 127.0.0.1:7101,127.0.0.1:7102,127.0.0.1:7103]
//
// Needs DATABASE_URL and REDIS_URL (or --redis-cluster: the instances share that Redis Cluster). Bounded: at most 20,000 sockets, 2,000 chats, 600 s of
// load, and a watchdog that stops everything after 20 minutes. Run it alone: it flushes the
// chosen Redis logical database and the servers share Redis pub/sub with anything else.
import { fork, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import type { ClientCommand, ClientReply } from './load/client.js';
import { latencyLine, memoryLines, rssBytes, type InstanceMemory } from './load/report.js';
import {
  BENCH_METRICS_TOKEN,
  createGpus,
  createUsers,
  startEnvironment,
  type BenchEnvironment,
  type BenchUser,
} from './load/setup.js';

const { values: args } = parseArgs({
  options: {
    sockets: { type: 'string', default: '2000' },
    chats: { type: 'string', default: '100' },
    duration: { type: 'string', default: '30' },
    clients: { type: 'string', default: '2' },
    'checkout-concurrency': { type: 'string', default: '8' },
    'stock-rate': { type: 'string', default: '2' },
    'redis-db': { type: 'string', default: '12' },
    'redis-cluster': { type: 'string' },
  },
});
const bounded = (v: string | undefined, min: number, max: number) => Math.min(max, Math.max(min, Number(v)));
const SOCKETS = bounded(args.sockets, 1, 20_000);
const CHATS = bounded(args.chats, 0, 2_000);
const DURATION_MS = bounded(args.duration, 5, 600) * 1000;
const CLIENTS = bounded(args.clients, 1, 8);
const CHECKOUTS = bounded(args['checkout-concurrency'], 0, 100);
const STOCK_RATE = bounded(args['stock-rate'], 0, 50);
const INSTANCES = 2;

const now = () => performance.timeOrigin + performance.now();
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));
const QUESTIONS = [
  'best GPU under $800 for 1440p gaming',
  'tarjeta gráfica para 4K con 16 GB de VRAM',
  'what should I buy for machine learning with CUDA under 1500',
  'cheap card for streaming and esports',
  'AMD GPU for 1440p high refresh under 700 dollars',
];

function reply<T extends ClientReply['type']>(
  child: ChildProcess,
  type: T,
): Promise<Extract<ClientReply, { type: T }>> {
  return new Promise((resolve) => {
    const on = (m: ClientReply) => {
      if (m.type !== type) return;
      child.off('message', on);
      resolve(m as Extract<ClientReply, { type: T }>);
    };
    child.on('message', on);
  });
}

/** Checkouts (add to cart, then checkout) in `concurrency` loops until `until`. */
async function checkoutLoad(urls: string[], users: BenchUser[], gpuIds: string[], concurrency: number, until: number) {
  const latency: number[] = [];
  const failures: string[] = [];
  let ok = 0;
  let n = 0;
  const loop = async (slot: number) => {
    const user = users[slot % users.length]!;
    while (now() < until) {
      const base = urls[n++ % urls.length]!;
      const headers = { authorization: `Bearer ${user.token}`, 'content-type': 'application/json' };
      try {
        const gpuId = gpuIds[Math.floor(Math.random() * gpuIds.length)]!;
        await fetch(`${base}/api/cart/items`, {
          method: 'POST',
          headers,
          body: JSON.stringify({ gpuId, quantity: 1 }),
        });
        const started = now();
        const res = await fetch(`${base}/api/cart/checkout`, {
          method: 'POST',
          headers: { ...headers, 'idempotency-key': randomUUID() },
          body: '{}',
        });
        await res.arrayBuffer();
        if (res.status === 201) {
          ok++;
          latency.push(now() - started);
        } else if (failures.length < 5) failures.push(`status ${res.status}`);
        else failures.push('');
      } catch (err) {
        failures.push((err as Error).message);
      }
    }
  };
  await Promise.all(Array.from({ length: concurrency }, (_, i) => loop(i)));
  return { ok, latency, failures };
}

/** Admin stock changes of the watched product at `rate`/s; returns when each value was sent. */
async function stockChanges(url: string, admin: BenchUser, gpuId: string, rate: number, until: number) {
  const sentAt: Record<number, number> = {};
  const failed: string[] = [];
  for (let seq = 1; rate > 0 && now() < until; seq++) {
    const stock = 100_000 + seq; // stock is at most 1,000,000 (shared schema)
    const t0 = now();
    sentAt[stock] = t0;
    const res = await fetch(`${url}/api/gpus/${gpuId}`, {
      method: 'PATCH',
      headers: { authorization: `Bearer ${admin.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ stock }),
    }).catch((err: Error) => ({ status: 0, statusText: err.message }) as Response);
    if (res.status !== 200) {
      delete sentAt[stock];
      failed.push(String(res.status));
    }
    await sleep(Math.max(0, t0 + 1000 / rate - now()));
  }
  return { sentAt, failed };
}

/** A sample's value from an instance's /metrics (0 when absent). */
async function metric(url: string, pattern: RegExp): Promise<number> {
  const text = await (
    await fetch(`${url}/metrics`, { headers: { authorization: `Bearer ${BENCH_METRICS_TOKEN}` } })
  ).text();
  return Number(pattern.exec(text)?.[1] ?? 0);
}
const connectedSockets = (url: string) => metric(url, /^socketio_connected_clients\{namespace="\/"\} (\d+)$/m);
/** V8 heap in use plus memory held outside it (buffers): less noisy than RSS for small deltas. */
const heapBytes = async (url: string) =>
  (await metric(url, /^nodejs_heap_size_used_bytes (\S+)$/m)) +
  (await metric(url, /^nodejs_external_memory_bytes (\S+)$/m));

async function run(env: BenchEnvironment): Promise<void> {
  const urls = env.instances.map((i) => i.url);
  const pids = env.instances.map((i) => i.child.pid!);
  const [admin] = await createUsers(env, 1, 'admin');
  const shoppers = await createUsers(env, Math.max(1, CHECKOUTS * 2), 'shopper');
  const [watchedGpu] = await createGpus(env, 1, 1_000_000);
  const checkoutGpus = await createGpus(env, 20, 10_000_000);

  const clients = Array.from({ length: CLIENTS }, () =>
    fork(here('./load/client.ts'), [], { execArgv: ['--import', 'tsx', '--conditions=source'] }),
  );
  await Promise.all(clients.map((c) => reply(c, 'ready')));
  await sleep(2_000);
  const idle = pids.map(rssBytes);
  const idleHeap = await Promise.all(urls.map(heapBytes));

  console.log(`connecting ${SOCKETS} sockets from ${CLIENTS} client processes to ${INSTANCES} instances...`);
  const per = Math.ceil(SOCKETS / CLIENTS);
  const connected = await Promise.all(
    clients.map((c, i) => {
      const count = Math.max(0, Math.min(per, SOCKETS - i * per));
      const done = reply(c, 'connected');
      c.send({ type: 'connect', urls, count, offset: i, gpuId: watchedGpu!, batch: 50 } satisfies ClientCommand);
      return done;
    }),
  );
  const socketsOk = connected.reduce((n, c) => n + c.ok, 0);
  await sleep(3_000);
  const withSockets = pids.map(rssBytes);
  const perInstance = await Promise.all(urls.map(connectedSockets));
  const socketsHeap = await Promise.all(urls.map(heapBytes));

  console.log(
    `load: ${CHATS} concurrent chats, ${CHECKOUTS} checkout loops, ${STOCK_RATE} stock changes/s for ${DURATION_MS / 1000} s...`,
  );
  const peak = [...withSockets];
  const sampler = setInterval(() => pids.forEach((pid, i) => (peak[i] = Math.max(peak[i]!, rssBytes(pid)))), 500);
  const start = now();
  const until = start + DURATION_MS;
  let loopsEnded = start;
  const perClient = Math.ceil(CHATS / CLIENTS);
  const [loaded, checkouts, stock] = await Promise.all([
    Promise.all(
      clients.map((c, i) => {
        const done = reply(c, 'loaded');
        const chats = Math.max(0, Math.min(perClient, CHATS - i * perClient));
        c.send({ type: 'load', chats, durationMs: DURATION_MS, questions: QUESTIONS } satisfies ClientCommand);
        return done;
      }),
    ),
    checkoutLoad(urls, shoppers, checkoutGpus, CHECKOUTS, until).finally(
      () => (loopsEnded = Math.max(loopsEnded, now())),
    ),
    stockChanges(urls[0]!, admin!, watchedGpu!, STOCK_RATE, until).finally(
      () => (loopsEnded = Math.max(loopsEnded, now())),
    ),
  ]);
  // The load window: until the last chat, checkout or stock change ended (not the clients' grace).
  const elapsedS = Math.max(DURATION_MS, ...loaded.map((l) => l.activeMs), loopsEnded - start) / 1000;
  clearInterval(sampler);
  for (const c of clients) c.send({ type: 'close' } satisfies ClientCommand);

  const delivery: number[] = [];
  let expected = 0;
  for (const [value, t0] of Object.entries(stock.sentAt)) {
    expected += socketsOk;
    for (const l of loaded) for (const t of l.stockReceived[Number(value)] ?? []) delivery.push(t - t0);
  }
  const sum = (f: (l: (typeof loaded)[number]) => number) => loaded.reduce((n, l) => n + f(l), 0);
  const chatsDone = sum((l) => l.chatsDone);
  const errors = loaded.flatMap((l) => l.errors);

  console.log(
    `\n== load benchmark: ${INSTANCES} instances, ${socketsOk}/${SOCKETS} sockets, ${CHATS} concurrent chats, ${elapsedS.toFixed(1)} s ==`,
  );
  console.log('throughput');
  console.log(
    `  tokens delivered/s      ${(sum((l) => l.completionTokens) / elapsedS).toFixed(0)} completion tokens/s (${(sum((l) => l.tokenEvents) / elapsedS).toFixed(0)} chat:token events/s)`,
  );
  console.log(`  chats/s                 ${(chatsDone / elapsedS).toFixed(1)} (${chatsDone} completed)`);
  console.log(`  checkouts/s             ${(checkouts.ok / elapsedS).toFixed(1)} (${checkouts.ok} created)`);
  console.log(
    `  stock:update deliveries ${delivery.length}/${expected} (${(delivery.length / elapsedS).toFixed(0)}/s)`,
  );
  console.log('latency');
  console.log(
    `  ${latencyLine(
      'connect (handshake + stock:watch)',
      connected.flatMap((c) => c.connectMs),
    )}`,
  );
  console.log(
    `  ${latencyLine(
      'chat:send -> first token',
      loaded.flatMap((l) => l.ttftMs),
    )}`,
  );
  console.log(
    `  ${latencyLine(
      'chat:send -> chat:done',
      loaded.flatMap((l) => l.chatMs),
    )}`,
  );
  console.log(`  ${latencyLine('stock change -> stock:update', delivery)}`);
  console.log(`  ${latencyLine('checkout (POST /api/cart/checkout)', checkouts.latency)}`);
  console.log('errors');
  console.log(
    `  socket connects failed  ${connected.reduce((n, c) => n + c.failed, 0)} ${connected
      .flatMap((c) => c.errors)
      .slice(0, 3)
      .join('; ')}`,
  );
  console.log(`  socket disconnects      ${sum((l) => l.disconnects)}`);
  console.log(`  chats failed            ${sum((l) => l.chatErrors)} ${[...new Set(errors)].slice(0, 3).join('; ')}`);
  console.log(
    `  checkouts failed        ${checkouts.failures.length} ${[...new Set(checkouts.failures)].filter(Boolean).slice(0, 3).join('; ')}`,
  );
  console.log(`  stock changes failed    ${stock.failed.length}`);
  console.log('memory');
  const memory: InstanceMemory[] = pids.map((_, i) => ({
    name: `instance ${i + 1}`,
    idle: idle[i]!,
    withSockets: withSockets[i]!,
    peak: peak[i]!,
    sockets: perInstance[i]!,
    heapIdle: idleHeap[i]!,
    heapWithSockets: socketsHeap[i]!,
  }));
  for (const line of memoryLines(memory)) console.log(`  ${line}`);
}

async function main(): Promise<void> {
  const databaseUrl = process.env.DATABASE_URL;
  const redisClusterNodes = args['redis-cluster']?.split(',').filter(Boolean);
  const redisUrl = process.env.REDIS_URL ?? (redisClusterNodes ? 'redis://unused' : undefined);
  if (!databaseUrl || !redisUrl) throw new Error('set DATABASE_URL and REDIS_URL: the two instances share them');
  const watchdog = setTimeout(() => {
    console.error('watchdog: the benchmark ran over 20 minutes; stopping');
    process.exit(2);
  }, 20 * 60_000);
  watchdog.unref();
  console.log(`starting ${INSTANCES} instances on a scratch database...`);
  const env = await startEnvironment({
    databaseUrl,
    redisUrl,
    redisDb: Number(args['redis-db']),
    instances: INSTANCES,
    redisClusterNodes,
  });
  try {
    await run(env);
  } finally {
    await env.teardown();
  }
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    console.error(err);
    process.exit(1);
  },
);
