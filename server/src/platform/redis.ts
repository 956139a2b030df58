// Redis connections. Every client has an `error` listener (an outage must never crash the
// process) and reconnects by itself; `redis_up` and the log tell operators what happens.
import { Redis } from 'ioredis';
import type { Logger } from './logger.js';
import { redisUp } from './metrics.js';

export type { Redis };

export interface RedisOptions {
  url: string;
  logger: Logger;
  name: string;
}

export function createRedis({ url, logger, name }: RedisOptions): Redis {
  const client = new Redis(url, {
    connectionName: `gpu-assistant:${name}`,
    // Fail commands quickly while disconnected instead of piling them up.
    maxRetriesPerRequest: 1,
    enableOfflineQueue: true,
    connectTimeout: 2_000,
    retryStrategy: (times) => Math.min(100 * 2 ** Math.min(times, 5), 2_000),
    reconnectOnError: () => true,
  });
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

/** Closes a client without waiting on a dead server. */
export async function closeRedis(client: Redis): Promise<void> {
  try {
    await Promise.race([client.quit(), new Promise((r) => setTimeout(r, 500))]);
  } catch {
    /* already closed */
  }
  client.disconnect();
}
