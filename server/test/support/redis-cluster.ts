// A three-master Redis Cluster on loopback for the cluster suites: real `redis-server
// --cluster-enabled yes` processes on free ports (each port + 10000 free too, for the cluster
// bus), joined by `redis-cli --cluster create`, ready once every node says cluster_state:ok.
// Masters keep an append-only file, so a master stopped cleanly and started again comes back
// with its data (what a promoted replica gives in production), and
// cluster-require-full-coverage is off, so one master down leaves the other shards serving.
// The suite stops the processes when it closes the cluster (and on exit, as a safety net).
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Cluster, Redis } from 'ioredis';
import { requireServices } from './services.js';

export const redisServerInstalled = spawnSync('redis-server', ['--version']).status === 0;

/** Cluster suites run when redis-server exists, and always under REQUIRE_SERVICES=1 (failing without it). */
export const canRunRedisCluster = redisServerInstalled || requireServices;

if (!canRunRedisCluster) {
  console.warn('Redis Cluster suites are skipped: redis-server is not on PATH (REQUIRE_SERVICES=1 makes them fail)');
}

export interface TestRedisCluster {
  /** `host:port` of every master, as REDIS_CLUSTER_NODES takes them. */
  nodes: string[];
  ports: number[];
  env: { REDIS_CLUSTER_NODES: string };
  /** The port of the master that owns the slot of a key or sharded channel. */
  masterOf(keyOrChannel: string): Promise<number>;
  /** Stops one master (SIGTERM: a clean shutdown that flushes its append-only file). */
  stopNode(port: number): Promise<void>;
  /** Starts a stopped master again and waits until the whole cluster is ok. */
  startNode(port: number): Promise<void>;
  /** A client for the suite's own checks (closed by `close`). */
  client(): Cluster;
  close(): Promise<void>;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const srv = createServer();
    srv.once('error', () => resolve(false));
    srv.listen(port, '127.0.0.1', () => srv.close(() => resolve(true)));
  });
}

/** Three ports p such that p and p + 10000 (the cluster bus) are free. */
async function pickPorts(count: number): Promise<number[]> {
  const out: number[] = [];
  for (let tries = 0; out.length < count; tries++) {
    if (tries > 200) throw new Error('no free loopback ports for the Redis Cluster');
    const p = 20_000 + Math.floor(Math.random() * 25_000);
    if (out.includes(p)) continue;
    if ((await portIsFree(p)) && (await portIsFree(p + 10_000))) out.push(p);
  }
  return out;
}

async function waitFor(what: string, check: () => Promise<boolean>, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await check().catch(() => false)) return;
    if (Date.now() > deadline) throw new Error(`Redis Cluster: ${what} not reached within ${timeoutMs} ms`);
    await sleep(100);
  }
}

async function withNode<T>(port: number, fn: (r: Redis) => Promise<T>): Promise<T> {
  const r = new Redis({
    port,
    host: '127.0.0.1',
    lazyConnect: true,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
  });
  r.on('error', () => undefined);
  try {
    await r.connect();
    return await fn(r);
  } finally {
    r.disconnect();
  }
}

const clusterOk = (port: number) =>
  withNode(port, async (r) => String(await r.call('CLUSTER', 'INFO')).includes('cluster_state:ok'));

export async function startTestRedisCluster(): Promise<TestRedisCluster> {
  if (!redisServerInstalled) {
    throw new Error(
      'redis-server is not on PATH: the Redis Cluster suites need redis-server 7 (apt-get install redis-server)',
    );
  }
  const root = mkdtempSync(path.join(tmpdir(), 'gpu-redis-cluster-'));
  const ports = await pickPorts(3);
  const procs = new Map<number, ChildProcess>();
  const clients: Cluster[] = [];

  const startProcess = (port: number) => {
    // Each node has its own folder: its nodes.conf (identity and slots) and append-only file.
    const dir = path.join(root, String(port));
    mkdirSync(dir, { recursive: true });
    const child = spawn(
      'redis-server',
      [
        '--port',
        String(port),
        '--bind',
        '127.0.0.1',
        '--cluster-enabled',
        'yes',
        '--cluster-config-file',
        'nodes.conf',
        '--cluster-node-timeout',
        '2000',
        '--cluster-require-full-coverage',
        'no',
        '--appendonly',
        'yes',
        '--appendfsync',
        'everysec',
        '--save',
        '',
        '--dir',
        dir,
        '--logfile',
        'redis.log',
      ],
      { stdio: 'ignore' },
    );
    procs.set(port, child);
    return child;
  };
  const killAll = () => {
    for (const c of procs.values()) if (c.exitCode === null) c.kill('SIGKILL');
  };
  process.once('exit', killAll);

  const allOk = () =>
    waitFor('cluster_state:ok on every node', async () => (await Promise.all(ports.map(clusterOk))).every(Boolean));

  try {
    for (const p of ports) startProcess(p);
    await waitFor('every node answering', async () =>
      (await Promise.all(ports.map((p) => withNode(p, async (r) => (await r.ping()) === 'PONG')))).every(Boolean),
    );
    const create = spawnSync(
      'redis-cli',
      ['--cluster', 'create', ...ports.map((p) => `127.0.0.1:${p}`), '--cluster-replicas', '0', '--cluster-yes'],
      { encoding: 'utf8', timeout: 30_000 },
    );
    if (create.status !== 0) throw new Error(`redis-cli --cluster create failed:\n${create.stdout}\n${create.stderr}`);
    await allOk();
  } catch (err) {
    killAll();
    rmSync(root, { recursive: true, force: true });
    throw err;
  }

  const nodes = ports.map((p) => `127.0.0.1:${p}`);
  return {
    nodes,
    ports,
    env: { REDIS_CLUSTER_NODES: nodes.join(',') },
    async masterOf(keyOrChannel) {
      const alive = ports.find((p) => procs.get(p)?.exitCode === null)!;
      return withNode(alive, async (r) => {
        const slot = Number(await r.call('CLUSTER', 'KEYSLOT', keyOrChannel));
        const ranges = (await r.call('CLUSTER', 'SLOTS')) as [number, number, [string, number, string]][];
        const owner = ranges.find(([from, to]) => slot >= from && slot <= to);
        if (!owner) throw new Error(`no master owns slot ${slot}`);
        return Number(owner[2][1]);
      });
    },
    async stopNode(port) {
      const child = procs.get(port);
      if (!child || child.exitCode !== null) return;
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await exited;
    },
    async startNode(port) {
      startProcess(port);
      await allOk();
    },
    client() {
      const c = new Cluster(
        ports.map((port) => ({ host: '127.0.0.1', port })),
        { redisOptions: { maxRetriesPerRequest: 1 } },
      );
      c.on('error', () => undefined);
      clients.push(c);
      return c;
    },
    async close() {
      for (const c of clients) c.disconnect();
      await Promise.all(
        [...procs.values()].map(async (c) => {
          if (c.exitCode !== null) return;
          const exited = new Promise((r) => c.once('exit', r));
          c.kill('SIGKILL');
          await exited;
        }),
      );
      process.off('exit', killAll);
      rmSync(root, { recursive: true, force: true });
    },
  };
}
