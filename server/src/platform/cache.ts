// Cache-aside store for hot reads. Invalidation bumps a namespace version, so every key of
// that namespace is dropped at once, on every instance (Redis) or in-process (memory).
import type { Logger } from './logger.js';
import type { Redis } from './redis.js';
import { cacheLookups } from './metrics.js';

export interface Cache {
  get<T>(namespace: string, key: string): Promise<T | undefined>;
  set(namespace: string, key: string, value: unknown, ttlS: number): Promise<void>;
  invalidate(namespace: string): Promise<void>;
}

export class MemoryCache implements Cache {
  private readonly entries = new Map<string, { value: string; expires: number }>();
  private readonly versions = new Map<string, number>();
  constructor(private readonly maxEntries = 5_000) {}

  private full(ns: string, key: string) {
    return `${ns}:${this.versions.get(ns) ?? 0}:${key}`;
  }
  async get<T>(ns: string, key: string): Promise<T | undefined> {
    const text = await this.getText(ns, key);
    return text === undefined ? undefined : (JSON.parse(text) as T);
  }
  private async getText(ns: string, key: string): Promise<string | undefined> {
    const k = this.full(ns, key);
    const hit = this.entries.get(k);
    if (!hit || hit.expires < Date.now()) {
      if (hit) this.entries.delete(k);
      cacheLookups.inc({ result: 'miss' });
      return undefined;
    }
    cacheLookups.inc({ result: 'hit' });
    return hit.value;
  }
  async set(ns: string, key: string, value: unknown, ttlS: number): Promise<void> {
    await this.setText(ns, key, JSON.stringify(value), ttlS);
  }
  private async setText(ns: string, key: string, json: string, ttlS: number): Promise<void> {
    if (this.entries.size >= this.maxEntries) this.entries.clear();
    this.entries.set(this.full(ns, key), { value: json, expires: Date.now() + ttlS * 1000 });
  }
  async invalidate(ns: string): Promise<void> {
    this.versions.set(ns, (this.versions.get(ns) ?? 0) + 1);
    for (const k of this.entries.keys()) if (k.startsWith(`${ns}:`)) this.entries.delete(k);
  }
}

// Reads the namespace version and the versioned entry in one round trip. The entry's key is
// built inside the script; the namespace hash tag keeps it in the version key's slot, which
// a Redis Cluster requires.
const versionedGet = `local v = redis.call('GET', KEYS[1]) or '0'
return redis.call('GET', ARGV[1] .. v .. ':' .. ARGV[2])`;

// Writes under the current namespace version in one round trip (was GET version, then SET).
const versionedSet = `local v = redis.call('GET', KEYS[1]) or '0'
return redis.call('SET', ARGV[1] .. v .. ':' .. ARGV[2], ARGV[3], 'EX', ARGV[4])`;

/** Redis cache. A Redis failure is a miss, never an error for the caller. */
export class RedisCache implements Cache {
  constructor(
    private readonly redis: Redis,
    private readonly logger: Logger,
    private readonly prefix = 'cache:',
  ) {}

  /** `cache:{ns}:`: every key of a namespace shares one hash slot (see versionedGet). */
  private base(ns: string): string {
    return `${this.prefix}{${ns}}:`;
  }
  async get<T>(ns: string, key: string): Promise<T | undefined> {
    const text = await this.getText(ns, key);
    return text === undefined ? undefined : (JSON.parse(text) as T);
  }
  private async getText(ns: string, key: string): Promise<string | undefined> {
    try {
      const raw = (await this.redis.eval(versionedGet, 1, `${this.base(ns)}version`, this.base(ns), key)) as
        string | null;
      cacheLookups.inc({ result: raw ? 'hit' : 'miss' });
      return raw ?? undefined;
    } catch (err) {
      cacheLookups.inc({ result: 'error' });
      this.logger.debug({ err: (err as Error).message }, 'cache get failed');
      return undefined;
    }
  }
  async set(ns: string, key: string, value: unknown, ttlS: number): Promise<void> {
    await this.setText(ns, key, JSON.stringify(value), ttlS);
  }
  private async setText(ns: string, key: string, json: string, ttlS: number): Promise<void> {
    try {
      await this.redis.eval(versionedSet, 1, `${this.base(ns)}version`, this.base(ns), key, json, ttlS);
    } catch (err) {
      this.logger.debug({ err: (err as Error).message }, 'cache set failed');
    }
  }
  async invalidate(ns: string): Promise<void> {
    try {
      await this.redis.incr(`${this.base(ns)}version`);
    } catch (err) {
      // Entries are short-lived (TTL), so a missed invalidation heals itself quickly.
      this.logger.warn({ err: (err as Error).message, ns }, 'cache invalidate failed');
    }
  }
}
