// A Redis logical database per suite, flushed first, so keys (rate limits, cache, streams)
// never leak between suites. Pub/sub is server-wide; suites run one file at a time.
import { Redis } from 'ioredis';
import { baseRedisUrl } from './services.js';

let next = 1 + Math.floor(Math.random() * 14);

export async function createTestRedisUrl(): Promise<string | undefined> {
  if (!baseRedisUrl) return undefined;
  const url = new URL(baseRedisUrl);
  url.pathname = `/${next}`;
  next = (next % 15) + 1;
  const client = new Redis(url.toString(), { lazyConnect: true, maxRetriesPerRequest: 1 });
  await client.connect();
  await client.flushdb();
  await client.quit();
  return url.toString();
}
