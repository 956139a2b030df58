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
import { closeRedis, createRedis } from './platform/redis.js';
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
  const redisUrl = config.REDIS_URL;
  const newRedis = redisUrl ? (name: string) => createRedis({ url: redisUrl, logger, name }) : undefined;
  const redis = newRedis?.('main');
  if (!redis) redisUp.set(1);
  const bus: EventBus = redis && newRedis ? new RedisBus(redis, newRedis('bus-sub'), logger) : new MemoryBus();
  const cache: Cache = redis ? new RedisCache(redis, logger) : new MemoryCache();
  const embedder = await createEmbedder(config, logger);
  return {
    config,
    logger,
    db,
    redis,
    newRedis,
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
