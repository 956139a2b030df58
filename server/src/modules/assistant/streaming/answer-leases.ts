// Leases on running answers, so an answer whose instance died is noticed and finished. The
// instance generating an answer holds a lease in Redis and refreshes it every few seconds;
// if the instance dies, the lease expires and the orphan sweeper (orphan-sweeper.ts, on any
// instance) finishes the answer. Expiry is judged by Redis's clock (TIME inside the scripts),
// so instance clock skew does not matter. Without Redis there is one instance: no leases
// (start-up finishes what a previous process left unfinished instead).
import type { Logger } from '../../../platform/logger.js';
import type { Redis } from '../../../platform/redis.js';

export interface AnswerLease {
  messageId: string;
  /** The shopper's generation lock (generation-locks.ts), released with the orphan. */
  actorKey: string;
  lockToken: string;
}

export interface AnswerLeases {
  hold(lease: AnswerLease): Promise<void>;
  release(messageId: string): Promise<void>;
  /** Stops refreshing (shutdown). */
  close(): void;
}

export const LEASE_TTL_MS = 10_000;
const REFRESH_EVERY_MS = 3_000;
// One hash tag: the scripts and MULTI below touch both keys, which must share a cluster slot.
export const LEASES_KEY = 'chat:{leases}';
export const LEASE_DATA_KEY = 'chat:{leases}:data';

// KEYS: leases zset, data hash. ARGV: ttl ms, then id/json pairs (json '' = refresh only).
const HOLD = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
for i = 2, #ARGV, 2 do
  if ARGV[i + 1] ~= '' then
    redis.call('ZADD', KEYS[1], now + tonumber(ARGV[1]), ARGV[i])
    redis.call('HSET', KEYS[2], ARGV[i], ARGV[i + 1])
  else
    redis.call('ZADD', KEYS[1], 'XX', now + tonumber(ARGV[1]), ARGV[i])
  end
end
return now`;

export class RedisAnswerLeases implements AnswerLeases {
  private readonly held = new Set<string>();
  private readonly timer: NodeJS.Timeout;

  constructor(
    private readonly redis: Redis,
    private readonly instanceId: string,
    private readonly logger: Logger,
  ) {
    this.timer = setInterval(() => void this.refresh(), REFRESH_EVERY_MS);
    this.timer.unref();
  }

  async hold(lease: AnswerLease): Promise<void> {
    this.held.add(lease.messageId);
    const data = JSON.stringify({ ...lease, instanceId: this.instanceId });
    await this.redis.eval(HOLD, 2, LEASES_KEY, LEASE_DATA_KEY, LEASE_TTL_MS, lease.messageId, data);
  }

  async release(messageId: string): Promise<void> {
    this.held.delete(messageId);
    await this.redis.multi().zrem(LEASES_KEY, messageId).hdel(LEASE_DATA_KEY, messageId).exec();
  }

  close(): void {
    clearInterval(this.timer);
    this.held.clear();
  }

  private async refresh(): Promise<void> {
    if (this.held.size === 0 || this.redis.status !== 'ready') return;
    const args = [...this.held].flatMap((id) => [id, '']);
    try {
      await this.redis.eval(HOLD, 2, LEASES_KEY, LEASE_DATA_KEY, LEASE_TTL_MS, ...args);
    } catch (err) {
      this.logger.warn({ err: (err as Error).message }, 'answer lease refresh failed');
    }
  }
}
