// Several real server processes sharing one PostgreSQL database and one Redis (or a
// three-master Redis Cluster the helper starts), as in production behind a load balancer. Users are made directly in SQL and their tokens signed
// with the shared JWT secret, so suites need no auth routes.
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { TokenService } from '../../../src/modules/auth/tokens.js';
import { TEST_JWT_SECRET } from '../../support/app.js';
import { createTestDatabase, type TestDatabase } from '../../support/database.js';
import { createTestRedisUrl } from '../../support/redis.js';
import { canRunRedisCluster, startTestRedisCluster, type TestRedisCluster } from '../../support/redis-cluster.js';
import { baseDatabaseUrl, hasRedis } from '../../support/services.js';
import { startServerProcess, type ServerProcess } from '../../support/processes.js';
import { pgExec, type Exec } from './catalog.js';

/** Multi-process suites need a shared PostgreSQL (PGlite lives inside one process) and Redis. */
export const canRunCluster = hasRedis && Boolean(baseDatabaseUrl);

/** The Redis each multi-instance suite runs on: plain REDIS_URL, and a Redis Cluster. */
export const redisBackends = [
  { name: 'Redis', redisCluster: false, available: canRunCluster },
  { name: 'Redis Cluster', redisCluster: true, available: canRunRedisCluster && Boolean(baseDatabaseUrl) },
] as const;

export interface ClusterUser {
  id: string;
  role: 'shopper' | 'admin';
  token: string;
}

export interface Cluster {
  instances: ServerProcess[];
  /** The Redis URL the instances were given (maybe through a proxy); unset on a Redis Cluster. */
  redisUrl?: string;
  /** The Redis URL of the real server, same logical database; unset on a Redis Cluster. */
  directRedisUrl?: string;
  /** The Redis Cluster the instances share, when started with `redisCluster`. */
  redisCluster?: TestRedisCluster;
  database: TestDatabase;
  exec: Exec;
  env: Record<string, string>;
  createUser(role?: 'shopper' | 'admin'): Promise<ClusterUser>;
  createUsers(n: number): Promise<ClusterUser[]>;
  start(): Promise<ServerProcess>;
  close(): Promise<void>;
}

export interface ClusterOptions {
  size: number;
  /** Rewrites the Redis URL the instances see (e.g. to go through a cuttable proxy). */
  redisVia?: (direct: URL) => Promise<string>;
  env?: Record<string, string>;
  /** Share a three-master Redis Cluster (started here, stopped by close) instead of REDIS_URL. */
  redisCluster?: boolean;
}

export async function startCluster(opts: ClusterOptions): Promise<Cluster> {
  const database = await createTestDatabase();
  const redisCluster = opts.redisCluster ? await startTestRedisCluster() : undefined;
  const directRedisUrl = redisCluster ? undefined : (await createTestRedisUrl())!;
  const redisUrl = directRedisUrl && opts.redisVia ? await opts.redisVia(new URL(directRedisUrl)) : directRedisUrl;
  const env = {
    ...database.env,
    ...(redisCluster ? redisCluster.env : { REDIS_URL: redisUrl! }),
    JWT_SECRET: TEST_JWT_SECRET,
    SEED_ON_START: 'false',
    LOG_LEVEL: 'warn',
    ...opts.env,
  };
  const pool = new pg.Pool({ connectionString: database.url, max: 4 });
  // pool.end() resolves before its clients' sockets close, so the teardown's
  // `drop database ... with (force)` can reach one still closing: its FATAL 57P01 then comes
  // back through the pool's 'error' event, which without a listener is an uncaught exception.
  // Queries still reject as usual; only an idle client's error lands here.
  pool.on('error', () => undefined);
  const tokens = new TokenService({ secret: TEST_JWT_SECRET, accessTtlS: 900 });
  const instances: ServerProcess[] = [];
  const start = async () => {
    const p = await startServerProcess(env);
    instances.push(p);
    return p;
  };
  try {
    // The first one migrates the empty database; the others then start side by side.
    await start();
    await Promise.all(Array.from({ length: opts.size - 1 }, start));
  } catch (err) {
    await Promise.all(instances.map((p) => p.stop('SIGKILL')));
    await redisCluster?.close();
    throw err;
  }
  // Keep the order stable: instances[0] is the one that migrated.
  const createUser = async (role: 'shopper' | 'admin' = 'shopper'): Promise<ClusterUser> => {
    const { rows } = await pool.query<{ id: string }>(
      `insert into users (email, password_hash, name, role) values ($1, 'not-a-login', 'Cluster user', $2) returning id`,
      [`${role}-${randomUUID()}@test.local`, role],
    );
    const id = rows[0]!.id;
    return { id, role, token: await tokens.signAccess({ id, role }) };
  };
  return {
    instances,
    redisUrl,
    directRedisUrl,
    redisCluster,
    database,
    exec: pgExec(pool),
    env,
    createUser,
    async createUsers(n) {
      const out: ClusterUser[] = [];
      for (let i = 0; i < n; i += 50) {
        out.push(...(await Promise.all(Array.from({ length: Math.min(50, n - i) }, () => createUser()))));
      }
      return out;
    },
    start,
    async close() {
      await Promise.all(instances.map((p) => p.stop('SIGTERM', 15_000)));
      await pool.end();
      await database.drop();
      await redisCluster?.close();
    },
  };
}
