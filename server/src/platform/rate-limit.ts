// Rate limiters (rate-limiter-flexible): Redis-backed so limits hold across instances (and
// across cluster workers, which always have Redis), with an in-memory insurance limiter that
// takes over while Redis is unreachable.
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import type { Redis } from './redis.js';

export interface LimiterOptions {
  keyPrefix: string;
  /** Allowed actions per window. */
  points: number;
  /** Window length in seconds. */
  duration: number;
  /** Seconds to block once exhausted (0: until the window ends). */
  blockDuration?: number;
}

export type LimiterFactory = (opts: LimiterOptions) => RateLimiterAbstract;

export function limiterFactory(redis: Redis | undefined): LimiterFactory {
  return (opts) => {
    const memory = new RateLimiterMemory({ ...opts, keyPrefix: `${opts.keyPrefix}:mem` });
    if (!redis) return memory;
    return new RateLimiterRedis({
      ...opts,
      storeClient: redis,
      insuranceLimiter: memory,
      // Fail over to the in-memory limiter at once instead of queueing behind a dead connection.
      rejectIfRedisNotReady: true,
    });
  };
}

/**
 * Seconds until the limiter lets the key through again, or null when it is allowed now.
 * `durationS` overrides the window length for a key this call creates (progressive delays).
 */
export async function consume(
  limiter: RateLimiterAbstract,
  key: string,
  points = 1,
  durationS?: number,
): Promise<number | null> {
  try {
    await limiter.consume(key, points, durationS === undefined ? undefined : { customDuration: durationS });
    return null;
  } catch (res) {
    if (res instanceof RateLimiterRes) return Math.max(1, Math.ceil(res.msBeforeNext / 1000));
    throw res;
  }
}
