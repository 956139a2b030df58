import { Cluster, Redis as SingleRedis } from 'ioredis';
import { describe, expect, it } from 'vitest';
import { createLogger } from './logger.js';
import { redisConnections } from './redis.js';

const logger = createLogger('silent');

describe('redisConnections', () => {
  it('is undefined without REDIS_URL or REDIS_CLUSTER_NODES (single instance, in memory)', () => {
    expect(redisConnections({}, logger)).toBeUndefined();
  });

  it('makes plain clients from REDIS_URL', () => {
    const conns = redisConnections({ REDIS_URL: 'redis://127.0.0.1:1' }, logger)!;
    expect(conns.mode).toBe('single');
    const c = conns.create('t');
    expect(c).toBeInstanceOf(SingleRedis);
    c.disconnect();
  });

  it('makes cluster clients from REDIS_CLUSTER_NODES, with the AUTH token and TLS of REDIS_URL', () => {
    const conns = redisConnections(
      {
        REDIS_URL: 'rediss://app:s%40cret@clustercfg.example:6379',
        REDIS_CLUSTER_NODES: ['127.0.0.1:1', 'node-2:7001'],
      },
      logger,
    )!;
    expect(conns.mode).toBe('cluster');
    const sub = conns.create('t', { subscriber: true });
    expect(sub).toBeInstanceOf(Cluster);
    const cluster = sub as Cluster;
    expect(cluster.options.redisOptions).toMatchObject({ username: 'app', password: 's@cret', tls: {} });
    expect(cluster.options.shardedSubscribers).toBe(true);
    const commands = conns.create('u') as Cluster;
    expect(commands.options.shardedSubscribers).toBe(false);
    cluster.disconnect();
    commands.disconnect();
  });
});
