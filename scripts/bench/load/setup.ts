// What the load benchmark runs against: a scratch PostgreSQL database (created, dropped at the
// end) and a Redis logical database (flushed before and after) on the servers named by
// DATABASE_URL / REDIS_URL (or every master of a Redis Cluster, flushed likewise), two server
// instances sharing them on loopback, and the accounts and products the run uses.
import { randomBytes } from 'node:crypto';
import { Cluster, Redis } from 'ioredis';
import pg from 'pg';
import { TokenService } from '../../../server/src/modules/auth/tokens.js';
import { startServerProcess, type ServerProcess } from '../../../server/test/support/processes.js';

/** The instances run with NODE_ENV=production, where /metrics answers only with this bearer token. */
export const BENCH_METRICS_TOKEN = randomBytes(16).toString('hex');

export interface BenchEnvironment {
  instances: ServerProcess[];
  db: pg.Pool;
  jwtSecret: string;
  teardown(): Promise<void>;
}

export async function startEnvironment(opts: {
  databaseUrl: string;
  redisUrl: string;
  redisDb: number;
  instances: number;
  /** Run on this Redis Cluster (REDIS_CLUSTER_NODES) instead of REDIS_URL. */
  redisClusterNodes?: string[];
}): Promise<BenchEnvironment> {
  const name = `bench_load_${Date.now().toString(36)}`;
  const admin = new pg.Client({ connectionString: opts.databaseUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(opts.databaseUrl);
  url.pathname = `/${name}`;
  const redisUrl = new URL(opts.redisUrl);
  redisUrl.pathname = `/${opts.redisDb}`;
  const clusterNodes = opts.redisClusterNodes;
  const flush = async () => {
    if (clusterNodes) {
      const c = new Cluster(clusterNodes.map((n) => ({ host: n.split(':')[0]!, port: Number(n.split(':')[1]) })));
      await Promise.all(c.nodes('master').map((n) => n.flushdb()));
      await c.quit();
      return;
    }
    const r = new Redis(redisUrl.toString(), { maxRetriesPerRequest: 1 });
    await r.flushdb();
    await r.quit();
  };
  await flush();

  const jwtSecret = randomBytes(32).toString('hex');
  const env = {
    NODE_ENV: 'production',
    DATABASE_URL: url.toString(),
    ...(clusterNodes ? { REDIS_CLUSTER_NODES: clusterNodes.join(',') } : { REDIS_URL: redisUrl.toString() }),
    JWT_SECRET: jwtSecret,
    RATE_LIMIT_ALLOWLIST: '127.0.0.1',
    METRICS_TOKEN: BENCH_METRICS_TOKEN,
    LOG_LEVEL: 'warn',
    DB_POOL_SIZE: '10',
  };
  const instances: ServerProcess[] = [];
  const db = new pg.Pool({ connectionString: url.toString(), max: 4 });
  const teardown = async () => {
    await Promise.all(instances.map((i) => i.stop('SIGTERM', 30_000)));
    await db.end().catch(() => undefined);
    const c = new pg.Client({ connectionString: opts.databaseUrl });
    await c.connect();
    await c.query(`drop database if exists ${name} with (force)`);
    await c.end();
    await flush().catch(() => undefined);
  };
  try {
    // The first instance migrates and seeds the catalog; the others start after it.
    instances.push(await startServerProcess(env, { readyTimeoutMs: 120_000 }));
    for (let i = 1; i < opts.instances; i++) {
      instances.push(await startServerProcess({ ...env, SEED_ON_START: 'false' }, { readyTimeoutMs: 120_000 }));
    }
  } catch (err) {
    await teardown();
    throw err;
  }
  return { instances, db, jwtSecret, teardown };
}

export interface BenchUser {
  id: string;
  token: string;
}

export async function createUsers(env: BenchEnvironment, n: number, role: 'shopper' | 'admin'): Promise<BenchUser[]> {
  const tokens = new TokenService({ secret: env.jwtSecret, accessTtlS: 3600 });
  const users: BenchUser[] = [];
  for (let i = 0; i < n; i++) {
    const { rows } = await env.db.query<{ id: string }>(
      `insert into users (email, password_hash, name, role) values ($1, 'x', 'Bench', $2) returning id`,
      [`bench-${role}-${i}-${randomBytes(4).toString('hex')}@local`, role],
    );
    users.push({ id: rows[0]!.id, token: await tokens.signAccess({ id: rows[0]!.id, role }) });
  }
  return users;
}

export async function createGpus(env: BenchEnvironment, n: number, stock: number): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < n; i++) {
    const { rows } = await env.db.query<{ id: string }>(
      `insert into gpus (sku, name, brand, vram_gb, price_cents, stock) values ($1, $2, 'NVIDIA', 16, 49900, $3) returning id`,
      [`BENCH-${i}-${randomBytes(3).toString('hex')}`, `Bench GPU ${i}`, stock],
    );
    ids.push(rows[0]!.id);
  }
  return ids;
}
