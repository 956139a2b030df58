// Liveness, readiness and the deep health report. Readiness gates traffic: database
// answering, migrations applied, Redis answering (when configured), not shutting down. On a
// Redis Cluster every master is pinged: none answering is "down" (not ready); some of them
// is "degraded" but still ready, since the other shards serve and the pods can do nothing
// about a shard (taking every pod out of rotation would turn a partial outage into a full one).
import type { Health } from '@gpu/shared';
import type { Database } from '../../db/orm.js';
import { isCluster, type Redis, type RedisMode } from '../../platform/redis.js';
import { redisUp } from '../../platform/metrics.js';

export interface HealthDeps {
  db: Database;
  redis: Redis | undefined;
  version: string;
  instanceId: string;
  startedAt: number;
  llm: () => { provider: string; model: string };
  embeddings: () => { model: string; dim: number; lexical: boolean; status: 'ok' | 'failed'; error?: string };
  storage: () => { driver: string };
}

type Check = { status: 'ok' | 'down' | 'disabled'; latencyMs?: number; error?: string };
type RedisCheck = Check & { mode?: RedisMode; masters?: number; mastersUp?: number };

async function timed(fn: () => Promise<unknown>, timeoutMs: number): Promise<Check> {
  const start = performance.now();
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      fn(),
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
      }),
    ]);
    return { status: 'ok', latencyMs: Math.round((performance.now() - start) * 100) / 100 };
  } catch (err) {
    // The message is an operator hint (e.g. "connect ECONNREFUSED"), never a stack.
    return { status: 'down', error: (err as Error).message.slice(0, 200) };
  } finally {
    clearTimeout(timer);
  }
}

export class HealthService {
  private shuttingDown = false;
  private migrationsOk = false;

  constructor(private readonly deps: HealthDeps) {}

  markShuttingDown(): void {
    this.shuttingDown = true;
  }

  async checkDatabase(): Promise<Check> {
    return timed(() => this.deps.db.ping(2_000), 2_500);
  }

  async checkRedis(): Promise<RedisCheck> {
    const redis = this.deps.redis;
    if (!redis) return { status: 'disabled' };
    if (isCluster(redis)) {
      // The masters are the owners in the slot map: a master that went away has left the
      // connection pool, but still owns its slots (and counts as down).
      const pooled = new Map(redis.nodes('master').map((n) => [`${n.options.host}:${n.options.port}`, n]));
      const owners = new Set(redis.slots.flatMap((s) => (s?.[0] ? [s[0]] : [])));
      const keys = owners.size ? [...owners] : [...pooled.keys()];
      const checks = await Promise.all(
        keys.map((k) => {
          const node = pooled.get(k);
          return node
            ? timed(() => node.ping(), 1_000)
            : Promise.resolve<Check>({ status: 'down', error: `${k} unreachable` });
        }),
      );
      const up = checks.filter((c) => c.status === 'ok');
      redisUp.set(up.length > 0 ? 1 : 0);
      const failed = checks.find((c) => c.status !== 'ok');
      return {
        status: up.length > 0 ? 'ok' : 'down',
        mode: 'cluster',
        masters: keys.length,
        mastersUp: up.length,
        ...(up.length ? { latencyMs: Math.max(...up.map((c) => c.latencyMs ?? 0)) } : {}),
        ...(failed ? { error: failed.error ?? 'down' } : keys.length ? {} : { error: 'no master known' }),
      };
    }
    const check = await timed(() => redis.ping(), 1_000);
    redisUp.set(check.status === 'ok' ? 1 : 0);
    return { ...check, mode: 'single' };
  }

  async readiness(): Promise<{ ready: boolean; reasons: string[] }> {
    const reasons: string[] = [];
    if (this.shuttingDown) reasons.push('shutting down');
    const [db, redis] = await Promise.all([this.checkDatabase(), this.checkRedis()]);
    if (db.status !== 'ok') reasons.push(`database: ${db.error ?? 'down'}`);
    else if (!this.migrationsOk) {
      try {
        this.migrationsOk = await this.deps.db.migrationsApplied();
        if (!this.migrationsOk) reasons.push('database: migrations pending');
      } catch (err) {
        reasons.push(`database: ${(err as Error).message.slice(0, 200)}`);
      }
    }
    if (redis.status === 'down') reasons.push(`redis: ${redis.error ?? 'down'}`);
    return { ready: reasons.length === 0, reasons };
  }

  async report(): Promise<Health> {
    const [database, redis] = await Promise.all([this.checkDatabase(), this.checkRedis()]);
    const embeddings = this.deps.embeddings();
    const degraded =
      database.status !== 'ok' ||
      redis.status === 'down' ||
      (redis.mastersUp ?? 0) < (redis.masters ?? 0) ||
      embeddings.status === 'failed';
    return {
      status: degraded ? 'degraded' : 'ok',
      version: this.deps.version,
      uptimeS: Math.round((Date.now() - this.deps.startedAt) / 1000),
      instanceId: this.deps.instanceId,
      checks: {
        database: { ...database, engine: this.deps.db.engine },
        redis,
        llm: this.deps.llm(),
        embeddings,
        storage: this.deps.storage(),
      },
    };
  }
}
