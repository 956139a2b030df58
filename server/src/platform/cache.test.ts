// Both cache implementations honour the same contract; the Redis one runs when REDIS_URL is set.
import { afterAll, describe, expect, it } from 'vitest';
import { Redis } from 'ioredis';
import { pino } from 'pino';
import { MemoryCache, RedisCache, type Cache } from './cache.js';

const redisUrl = process.env.REDIS_URL;
const clients: Redis[] = [];
afterAll(async () => {
  for (const c of clients) c.disconnect();
});

const impls: [string, () => Cache][] = [['memory', () => new MemoryCache()]];
if (redisUrl) {
  impls.push([
    'redis',
    () => {
      const c = new Redis(redisUrl);
      clients.push(c);
      return new RedisCache(c, pino({ level: 'silent' }), `test-cache-${Math.random()}:`);
    },
  ]);
}

describe.each(impls)('%s cache', (_name, make) => {
  it('returns what was set, until the namespace is invalidated', async () => {
    const cache = make();
    expect(await cache.get('catalog', 'k')).toBeUndefined();
    await cache.set('catalog', 'k', { items: [1, 2] }, 60);
    await cache.set('other', 'k', 'kept', 60);
    expect(await cache.get('catalog', 'k')).toEqual({ items: [1, 2] });
    await cache.invalidate('catalog');
    expect(await cache.get('catalog', 'k')).toBeUndefined();
    expect(await cache.get('other', 'k')).toBe('kept');
    await cache.set('catalog', 'k', 'fresh', 60);
    expect(await cache.get('catalog', 'k')).toBe('fresh');
  });

  it('expires entries after their TTL', async () => {
    const cache = make();
    await cache.set('ttl', 'k', 'v', 1);
    await new Promise((r) => setTimeout(r, 1_100));
    expect(await cache.get('ttl', 'k')).toBeUndefined();
  });
});
