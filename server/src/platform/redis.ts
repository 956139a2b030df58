// Redis connections: one plain server (REDIS_URL) or a Redis Cluster (REDIS_CLUSTER_NODES,
// with the AUTH token and TLS of REDIS_URL when that is set too), chosen once here. Both ioredis clients speak the same command API, so every Redis use
// takes a `Redis` (either) and keeps keys used together in one hash slot (`{...}` tags).
// Every client has an `error` listener (an outage must never crash the process) and
// reconnects by itself; `redis_up` and the log tell operators what happens.
import { Cluster, Redis as SingleRedis, type ClusterNode } from 'ioredis';
import type { Logger } from './logger.js';
import { redisUp } from './metrics.js';

/** A plain Redis connection or a Redis Cluster client (same command API). */
export type Redis = SingleRedis | Cluster;
export type RedisMode = 'single' | 'cluster';

export function isCluster(client: Redis): client is Cluster {
  return client.isCluster;
}

export interface RedisConnectOptions {
  /** A connection that will only subscribe (sharded pub/sub needs one per master on a cluster). */
  subscriber?: boolean;
}

export interface RedisConnections {
  mode: RedisMode;
  /** A new connection (a new cluster client on a cluster), with listeners attached. */
  create(name: string, opts?: RedisConnectOptions): Redis;
}

export interface RedisSettings {
  REDIS_URL?: string;
  REDIS_CLUSTER_NODES?: string[];
}

const retryDelay = (times: number) => Math.min(100 * 2 ** Math.min(times, 5), 2_000);

const commonOptions = (name: string) => ({
  connectionName: `gpu-assistant:${name}`,
  // Fail commands quickly while disconnected instead of piling them up.
  maxRetriesPerRequest: 1,
  enableOfflineQueue: true,
  connectTimeout: 2_000,
});

/**
 * What a cluster client takes from REDIS_URL when both are set (ElastiCache: the URL names the
 * configuration endpoint and carries the AUTH token; `rediss://` means TLS on every node).
 */
function credentialsFrom(url: string | undefined): { username?: string; password?: string; tls?: object } {
  if (!url) return {};
  const u = new URL(url);
  return {
    ...(u.username ? { username: decodeURIComponent(u.username) } : {}),
    ...(u.password ? { password: decodeURIComponent(u.password) } : {}),
    ...(u.protocol === 'rediss:' ? { tls: {} } : {}),
  };
}

function parseNode(hostPort: string): ClusterNode {
  const i = hostPort.lastIndexOf(':');
  return { host: hostPort.slice(0, i), port: Number(hostPort.slice(i + 1)) };
}

function watch(client: Redis, logger: Logger, name: string): Redis {
  let down = false;
  client.on('error', (err: Error) => {
    if (!down) logger.warn({ redis: name, err: err.message }, 'redis connection error');
    down = true;
    redisUp.set(0);
  });
  client.on('ready', () => {
    if (down) logger.info({ redis: name }, 'redis connection restored');
    down = false;
    redisUp.set(1);
  });
  return client;
}

/** The one place that picks plain Redis or Redis Cluster; undefined when neither is configured. */
export function redisConnections(settings: RedisSettings, logger: Logger): RedisConnections | undefined {
  const nodes = settings.REDIS_CLUSTER_NODES;
  if (nodes?.length) {
    const startup = nodes.map(parseNode);
    const credentials = credentialsFrom(settings.REDIS_URL);
    return {
      mode: 'cluster',
      create: (name, opts = {}) =>
        watch(
          new Cluster(startup, {
            redisOptions: { ...commonOptions(name), ...credentials },
            enableOfflineQueue: true,
            clusterRetryStrategy: retryDelay,
            // A master that is down or failing over: retry a few times, then fail the command.
            retryDelayOnClusterDown: 200,
            retryDelayOnFailover: 200,
            maxRedirections: 8,
            slotsRefreshTimeout: 2_000,
            // Re-read the slot map every 5 s: a master that went away and came back rejoins the
            // pool even when no command has been redirected to it yet (health, idle shards).
            slotsRefreshInterval: 5_000,
            // Node addresses come from CLUSTER SLOTS; TLS endpoints (ElastiCache) need them as given.
            dnsLookup: (address, callback) => callback(null, address),
            // SSUBSCRIBE must reach the master that owns the channel's slot: one subscriber per master.
            shardedSubscribers: opts.subscriber === true,
          }),
          logger,
          name,
        ),
    };
  }
  const url = settings.REDIS_URL;
  if (!url) return undefined;
  return {
    mode: 'single',
    create: (name) =>
      watch(
        new SingleRedis(url, {
          ...commonOptions(name),
          retryStrategy: retryDelay,
          reconnectOnError: () => true,
        }),
        logger,
        name,
      ),
  };
}

/** Closes a client without waiting on a dead server. */
export async function closeRedis(client: Redis): Promise<void> {
  try {
    await Promise.race([client.quit(), new Promise((r) => setTimeout(r, 500))]);
  } catch {
    /* already closed */
  }
  client.disconnect();
}
