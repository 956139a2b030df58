// The platform's shape: every external dependency, as services and handlers receive it. Apart
// from its construction (context.ts, which picks the implementations and so imports them), so
// a module can name it without importing what builds it.
import type { Config } from './config.js';
import type { Database } from './db/orm.js';
import type { EventBus } from './platform/bus.js';
import type { Cache } from './platform/cache.js';
import type { Embedder } from './platform/embedder.js';
import type { Logger } from './platform/logger.js';
import type { LimiterFactory } from './platform/rate-limit.js';
import type { Redis, RedisConnections } from './platform/redis.js';

export interface Platform {
  config: Config;
  logger: Logger;
  db: Database;
  /** Command connection (plain Redis or a cluster client); undefined without Redis (single instance). */
  redis: Redis | undefined;
  /** Creates extra connections (subscribers, adapter, blocking reads) and tells which mode is in use. */
  redisConnections: RedisConnections | undefined;
  bus: EventBus;
  cache: Cache;
  limiter: LimiterFactory;
  embedder: Embedder;
  instanceId: string;
  version: string;
  startedAt: number;
}
