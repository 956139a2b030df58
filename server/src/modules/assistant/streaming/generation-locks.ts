// One generation at a time per shopper, across instances: a TTL'd key per actor (Redis
// SET NX PX; memory without Redis). The TTL outlives the longest generation, so a crashed
// instance cannot lock a shopper out for long.
import type { Redis } from '../../../platform/redis.js';

export interface GenerationLocks {
  /** True when acquired; `token` identifies the holder for release. */
  acquire(actorKey: string, token: string, ttlMs: number): Promise<boolean>;
  release(actorKey: string, token: string): Promise<void>;
}

export class MemoryGenerationLocks implements GenerationLocks {
  private readonly held = new Map<string, { token: string; until: number }>();

  async acquire(actorKey: string, token: string, ttlMs: number): Promise<boolean> {
    const now = Date.now();
    const cur = this.held.get(actorKey);
    if (cur && cur.until > now) return false;
    this.held.set(actorKey, { token, until: now + ttlMs });
    return true;
  }

  async release(actorKey: string, token: string): Promise<void> {
    if (this.held.get(actorKey)?.token === token) this.held.delete(actorKey);
  }
}

// Deletes the key only if we still hold it (it may have expired and been taken by another).
const RELEASE = `if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end`;

export class RedisGenerationLocks implements GenerationLocks {
  constructor(private readonly redis: Redis) {}

  async acquire(actorKey: string, token: string, ttlMs: number): Promise<boolean> {
    return (await this.redis.set(`chat:generating:${actorKey}`, token, 'PX', ttlMs, 'NX')) === 'OK';
  }

  async release(actorKey: string, token: string): Promise<void> {
    await this.redis.eval(RELEASE, 1, `chat:generating:${actorKey}`, token);
  }
}
