// Redis operations per unit of work, counted by Redis itself (INFO commandstats, summed over
// every master of a cluster): two server instances on a scratch database, then, phase by
// phase, idle background (heartbeats, leases, sweeper), socket connects (+ stock:watch), admin
// stock changes fanned out to every watcher, and chats (offline responder, streamed). Each
// phase's count minus the idle rate over its duration, divided by its units, is printed with
// the commands behind it. The capacity model in docs/operations.md rests on these numbers.
//
//   npx tsx --conditions=source scripts/bench/redis-ops.ts [--sockets 100] [--stock-changes 50]
//       [--chats 40] [--redis-cluster 127.0.0.1:7101,127.0.0.1:7102,127.0.0.1:7103]
//
// Needs DATABASE_URL and REDIS_URL (or --redis-cluster). Counts are server-wide: run it on a
// Redis (or cluster) nothing else uses.
import { randomUUID } from 'node:crypto';
import { parseArgs } from 'node:util';
import { Cluster, Redis } from 'ioredis';
import { io, type Socket } from 'socket.io-client';
import type { ClientToServerEvents, ServerToClientEvents } from '@gpu/shared';
import { createGpus, createUsers, startEnvironment, type BenchEnvironment } from './load/setup.js';

type Client = Socket<ServerToClientEvents, ClientToServerEvents>;

const { values: args } = parseArgs({
  options: {
    sockets: { type: 'string', default: '100' },
    'stock-changes': { type: 'string', default: '50' },
    chats: { type: 'string', default: '40' },
    'redis-db': { type: 'string', default: '13' },
    'redis-cluster': { type: 'string' },
  },
});
const bounded = (v: string | undefined, min: number, max: number) => Math.min(max, Math.max(min, Number(v)));
const SOCKETS = bounded(args.sockets, 1, 2_000);
const STOCK_CHANGES = bounded(args['stock-changes'], 1, 1_000);
const CHATS = bounded(args.chats, 1, 500);
const IDLE_MS = 9_000;
const clusterNodes = args['redis-cluster']?.split(',').filter(Boolean);

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
type Counts = Map<string, number>;

/** The Redis servers to count on: the one server, or every master of the cluster. */
async function countersFor(): Promise<{
  read(): Promise<Counts>;
  perNode(): Promise<number[]>;
  close(): void;
  label: string;
}> {
  let nodes: Redis[];
  let close: () => void;
  if (clusterNodes) {
    const c = new Cluster(clusterNodes.map((n) => ({ host: n.split(':')[0]!, port: Number(n.split(':')[1]) })));
    await c.ping();
    nodes = c.nodes('master');
    close = () => c.disconnect();
  } else {
    const r = new Redis(process.env.REDIS_URL!);
    nodes = [r];
    close = () => r.disconnect();
  }
  const readNode = async (n: Redis): Promise<Counts> => {
    const out: Counts = new Map();
    const info = await n.info('commandstats');
    for (const m of info.matchAll(/^cmdstat_([^:]+):calls=(\d+)/gm)) out.set(m[1]!, Number(m[2]));
    return out;
  };
  return {
    label: clusterNodes ? `Redis Cluster, ${nodes.length} masters` : 'one Redis',
    close,
    async read() {
      const out: Counts = new Map();
      for (const n of nodes) for (const [k, v] of await readNode(n)) out.set(k, (out.get(k) ?? 0) + v);
      return out;
    },
    async perNode() {
      return Promise.all(nodes.map(async (n) => total(await readNode(n))));
    },
  };
}

const minus = (a: Counts, b: Counts): Counts => {
  const out: Counts = new Map();
  for (const [k, v] of a) if (v - (b.get(k) ?? 0) > 0) out.set(k, v - (b.get(k) ?? 0));
  return out;
};
const total = (c: Counts) => [...c.values()].reduce((s, v) => s + v, 0);

function connect(url: string, auth: { guestId: string } | { token: string }): Promise<Client> {
  const socket: Client = io(url, { auth, transports: ['websocket'], reconnection: false, forceNew: true });
  return new Promise((resolve, reject) => {
    socket.once('connect', () => resolve(socket));
    socket.once('connect_error', reject);
  });
}

async function run(env: BenchEnvironment): Promise<void> {
  const urls = env.instances.map((i) => i.url);
  const [gpuId] = await createGpus(env, 1, 1_000_000);
  const [admin] = await createUsers(env, 1, 'admin');
  const counters = await countersFor();
  const sockets: Client[] = [];
  const rows: { phase: string; units: number; perUnit: number; top: string }[] = [];

  const nodesAtStart = await counters.perNode();
  // The command counts while nothing happens but the instances' own timers.
  await sleep(2_000);
  let before = await counters.read();
  let t0 = performance.now();
  await sleep(IDLE_MS);
  const idle = minus(await counters.read(), before);
  const idlePerMs = total(idle) / (performance.now() - t0);

  const phase = async (name: string, units: number, work: () => Promise<void>) => {
    before = await counters.read();
    t0 = performance.now();
    await work();
    await sleep(500); // let the last fire-and-forget writes land
    const ms = performance.now() - t0;
    const delta = minus(await counters.read(), before);
    const background = idlePerMs * ms;
    const perUnit = Math.max(0, total(delta) - background) / units;
    const top = [...delta]
      .sort((a, b) => b[1] - a[1])
      .slice(0, 8)
      .map(([k, v]) => `${k} ${(v / units).toFixed(1)}`)
      .join(', ');
    rows.push({ phase: name, units, perUnit, top });
  };

  await phase(`socket connect + stock:watch (${SOCKETS} guests)`, SOCKETS, async () => {
    for (let i = 0; i < SOCKETS; i += 20) {
      const batch = await Promise.all(
        Array.from({ length: Math.min(20, SOCKETS - i) }, (_, j) =>
          connect(urls[(i + j) % urls.length]!, { guestId: randomUUID() }),
        ),
      );
      await Promise.all(batch.map((s) => s.timeout(10_000).emitWithAck('stock:watch', { gpuIds: [gpuId!] })));
      sockets.push(...batch);
    }
  });

  let received = 0;
  for (const s of sockets) s.on('stock:update', () => received++);
  await phase(
    `stock change (admin PATCH, ${SOCKETS} watchers on ${urls.length} instances)`,
    STOCK_CHANGES,
    async () => {
      for (let i = 0; i < STOCK_CHANGES; i++) {
        const res = await fetch(`${urls[i % urls.length]}/api/gpus/${gpuId}`, {
          method: 'PATCH',
          headers: { authorization: `Bearer ${admin!.token}`, 'content-type': 'application/json' },
          body: JSON.stringify({ stock: 500_000 - i }),
        });
        if (res.status !== 200) throw new Error(`PATCH ${res.status}`);
        await sleep(40);
      }
      const deadline = Date.now() + 10_000;
      while (received < STOCK_CHANGES * SOCKETS && Date.now() < deadline) await sleep(50);
    },
  );

  let tokens = 0;
  await phase(`chat (offline responder, ${CHATS} answers, 10 at a time)`, CHATS, async () => {
    let next = 0;
    const worker = async (w: number) => {
      while (next < CHATS) {
        next++;
        const s = await connect(urls[w % urls.length]!, { guestId: randomUUID() });
        await new Promise<void>((resolve, reject) => {
          s.on('chat:token', () => tokens++);
          s.on('chat:done', () => resolve());
          s.emit('chat:send', { message: 'best GPU under $800 for 1440p gaming' }, (ack) => {
            if (!ack.ok) reject(new Error(`chat:send: ${ack.error.code}`));
          });
        });
        s.close();
      }
    };
    await Promise.all(Array.from({ length: 10 }, (_, w) => worker(w)));
  });

  for (const s of sockets) s.close();
  const nodesAtEnd = await counters.perNode();
  counters.close();
  const perNode = nodesAtEnd.map((v, i) => v - nodesAtStart[i]!);
  const all = perNode.reduce((a, b) => a + b, 0);

  console.log(`\nRedis operations (${counters.label}; INFO commandstats, idle background subtracted)`);
  console.log(
    `  idle background: ${(idlePerMs * 1000).toFixed(1)} ops/s for ${urls.length} instances (${[...idle]
      .sort((a, b) => b[1] - a[1])
      .slice(0, 6)
      .map(([k, v]) => `${k} ${((v / IDLE_MS) * 1000).toFixed(1)}/s`)
      .join(', ')})`,
  );
  for (const r of rows) console.log(`  ${r.phase}: ${r.perUnit.toFixed(1)} ops each  [${r.top}]`);
  console.log(`  chat:token events per chat: ${(tokens / CHATS).toFixed(1)}; stock:update delivered: ${received}`);
  if (perNode.length > 1) {
    console.log(
      `  share of all operations per master: ${perNode.map((v) => `${((100 * v) / all).toFixed(0)} %`).join(', ')}`,
    );
  }
}

async function main(): Promise<void> {
  const databaseUrl = process.env.DATABASE_URL;
  const redisUrl = process.env.REDIS_URL ?? (clusterNodes ? 'redis://unused' : undefined);
  if (!databaseUrl || !redisUrl) throw new Error('set DATABASE_URL and REDIS_URL (or --redis-cluster)');
  const env = await startEnvironment({
    databaseUrl,
    redisUrl,
    redisDb: Number(args['redis-db']),
    instances: 2,
    redisClusterNodes: clusterNodes,
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
