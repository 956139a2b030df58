// Limits on incoming socket events, as gates of the event dispatcher (event-dispatch.ts):
// per user or guest on every namespace, and, with `keyOf`, any other budget (all guest
// sockets of one IP). The limiter lives in Redis when configured, so a user with sockets on
// several instances shares one budget. An event over the limit is refused with
// `rate_limited`; the dispatcher disconnects a client that keeps flooding after being told.
import type { RateLimiterAbstract } from 'rate-limiter-flexible';
import type { AckError } from '@gpu/shared';
import { consume } from '../platform/rate-limit.js';
import { rateLimitHits, socketRejections } from '../platform/metrics.js';
import { actorKey } from '../modules/auth/actor.js';
import type { SocketData } from './types.js';
import type { EventGate } from './event-dispatch.js';

export const SOCKET_EVENT_LIMIT = { points: 30, duration: 10 } as const;

export interface EventLimitOptions {
  limiter: RateLimiterAbstract;
  /** The budget an event counts against (default: the actor's); null exempts the socket. */
  keyOf?: (data: SocketData) => string | null;
  /** Metric label of this limiter. */
  name?: string;
}

export function eventLimitGate(opts: EventLimitOptions): EventGate {
  const keyOf = opts.keyOf ?? ((d: SocketData) => actorKey(d.actor));
  const name = opts.name ?? 'socket_events';
  return async (socket): Promise<AckError | null> => {
    const key = keyOf(socket.data);
    if (key === null) return null;
    const retryAfterS = await consume(opts.limiter, key);
    if (retryAfterS === null) return null;
    rateLimitHits.inc({ limiter: name });
    socketRejections.inc({ reason: 'rate_limit' });
    return { code: 'rate_limited', message: `Too many events; retry in ${retryAfterS} s` };
  };
}
