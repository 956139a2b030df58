// The platform: every external dependency, chosen once from config (real or embedded
// default). Services and handlers receive what they need from here; nothing else picks.
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import type { Config } from './config.js';
import { openDatabase } from './db/orm.js';
import { MemoryBus, RedisBus, type EventBus } from './platform/bus.js';
import type { EmbeddedPostgres } from './db/pglite.js';
import { MemoryCache, RedisCache, type Cache } from './platform/cache.js';
import type { Logger } from './platform/logger.js';
import { redisUp } from './platform/metrics.js';
import { limiterFactory } from './platform/rate-limit.js';
import { closeRedis, redisConnections } from './platform/redis.js';
import { createEmbedder } from './modules/assistant/embeddings/create-embedder.js';
import type { Platform } from './platform-types.js';
import { version } from './version.js';

export type { Platform } from './platform-types.js';

export interface PlatformOptions {
  /** An embedded database served by another process (the cluster primary): connect, do not own. */
  embedded?: EmbeddedPostgres;
  /** Apply migrations on open (default true; cluster workers leave it to the primary). */
  migrate?: boolean;
}

export async function createPlatform(config: Config, logger: Logger, opts: PlatformOptions = {}): Promise<Platform> {
  const instanceId = `${hostname()}-${process.pid}-${randomUUID().slice(0, 8)}`;
  const db = await openDatabase(config, logger, { migrate: opts.migrate, embedded: opts.embedded });
  // REDIS_CLUSTER_NODES wins over REDIS_URL; neither: one instance, everything in memory.
  const connections = redisConnections(config, logger);
  const redis = connections?.create('main');
  if (!redis) redisUp.set(1);
  const bus: EventBus =
    redis && connections
      ? new RedisBus(redis, connections.create('bus-sub', { subscriber: true }), connections.mode, logger)
      : new MemoryBus();
  const cache: Cache = redis ? new RedisCache(redis, logger) : new MemoryCache();
  const embedder = await createEmbedder(config, logger);
  return {
    config,
    logger,
    db,
    redis,
    redisConnections: connections,
    bus,
    cache,
    limiter: limiterFactory(redis),
    embedder,
    instanceId,
    version,
    startedAt: Date.now(),
  };
}

export async function closePlatform(p: Platform): Promise<void> {
  await p.bus.close();
  if (p.redis) await closeRedis(p.redis);
  await p.embedder.close?.();
  await p.db.close();
}
