// The Socket.IO Redis adapter, made outage-proof. The adapter fires `publish` (and its
// subscribe calls) without handling the returned promise; while Redis is down those
// rejections would be unhandled and crash the process. We wrap the methods it calls so a
// failed command is logged and dropped: a lost cross-instance broadcast is recoverable
// (clients resync through `stock:watch` on reconnect), a crash is not. ioredis reconnects
// and re-subscribes by itself, so broadcasts resume when Redis returns.
//
// On a Redis Cluster the sharded adapter (Redis 7 SPUBLISH/SSUBSCRIBE) is used: classic
// pub/sub on a cluster is relayed by every node to every other node, sharded pub/sub stays
// on the shard that owns the channel. Its subscription mode is "static" (two channels per
// namespace and instance): our broadcasts go through the bus and are emitted locally
// (gateway.ts), so per-room channels would only cost an SSUBSCRIBE per room and socket.
import { createAdapter, createShardedAdapter } from '@socket.io/redis-adapter';
import type { Logger } from '../platform/logger.js';
import { closeRedis, type Redis, type RedisConnections } from '../platform/redis.js';

type AdapterFactory = ReturnType<typeof createAdapter> | ReturnType<typeof createShardedAdapter>;

export interface RedisAdapter {
  adapter: AdapterFactory;
  close(): Promise<void>;
}

const fireAndForget = [
  'publish',
  'subscribe',
  'psubscribe',
  'unsubscribe',
  'punsubscribe',
  'spublish',
  'ssubscribe',
  'sunsubscribe',
] as const;

function swallowRejections(client: Redis, logger: Logger, name: string): Redis {
  let lastWarn = 0;
  for (const method of fireAndForget) {
    // The command methods are overloaded generics; the wrapper forwards arguments verbatim.
    const original = (client[method] as (...args: unknown[]) => Promise<unknown>).bind(client);
    const wrapped = (...args: unknown[]) =>
      original(...args).catch((err: Error) => {
        if (Date.now() - lastWarn > 5_000) {
          lastWarn = Date.now();
          logger.warn({ redis: name, command: method, err: err.message }, 'socket.io adapter command failed');
        }
        return 0;
      });
    Object.assign(client, { [method]: wrapped });
  }
  return client;
}

export function createRedisAdapter(connections: RedisConnections, logger: Logger): RedisAdapter {
  const pub = swallowRejections(connections.create('io-pub'), logger, 'io-pub');
  const sub = swallowRejections(connections.create('io-sub', { subscriber: true }), logger, 'io-sub');
  return {
    adapter:
      connections.mode === 'cluster'
        ? createShardedAdapter(pub, sub, { subscriptionMode: 'static' })
        : createAdapter(pub, sub),
    async close() {
      await Promise.all([closeRedis(pub), closeRedis(sub)]);
    },
  };
}
