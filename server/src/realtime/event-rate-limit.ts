// Per-user (or per-guest) limit on incoming socket events, on every namespace (and, with
// `keyOf`, any other budget, such as all guest sockets of one IP). The limiter
// lives in Redis when configured, so a user who opens sockets on several instances shares
// one budget. An event over the limit is dropped: its ack (if any) gets `rate_limited`, and
// the caller may also signal it out of band (`chat:error` on the shopper namespace). A
// client that keeps flooding after being told is disconnected.
import type { RateLimiterAbstract } from 'rate-limiter-flexible';
import type { AckError } from '@gpu/shared';
import type { Logger } from '../platform/logger.js';
import { consume } from '../platform/rate-limit.js';
import { rateLimitHits, socketEvents, socketRejections } from '../platform/metrics.js';
import { actorKey } from '../modules/auth/actor.js';
import type { SocketData } from './types.js';

export const SOCKET_EVENT_LIMIT = { points: 30, duration: 10 } as const;
/** Rejected events in a row (no allowed event in between) before the socket is dropped. */
export const ABUSE_DISCONNECT_AFTER = 60;

/** Event names we label metrics with; anything else is counted as "other" (bounded cardinality). */
const knownEvents = new Set(['chat:send', 'chat:stop', 'chat:resume', 'stock:watch', 'stock:unwatch', 'auth:refresh']);

export interface RateLimitedSocket {
  data: SocketData;
  use(fn: (event: [string, ...unknown[]], next: (err?: Error) => void) => void): unknown;
  disconnect(close?: boolean): unknown;
}

export interface EventLimitOptions {
  limiter: RateLimiterAbstract;
  namespace: string;
  logger: Logger;
  /** Told about a rejected event that had no ack. */
  onRejected?: (error: AckError) => void;
  /** The budget an event counts against (default: the actor's); null exempts the socket. */
  keyOf?: (data: SocketData) => string | null;
  /** Metric label of this limiter. */
  name?: string;
}

export function limitSocketEvents(socket: RateLimitedSocket, opts: EventLimitOptions): void {
  let rejectedInARow = 0;
  const keyOf = opts.keyOf ?? ((d: SocketData) => actorKey(d.actor));
  const counted = opts.keyOf === undefined;
  socket.use((packet, next) => {
    const [event, ...args] = packet;
    if (counted) socketEvents.inc({ event: knownEvents.has(event) ? event : 'other', namespace: opts.namespace });
    const key = keyOf(socket.data);
    if (key === null) return next();
    consume(opts.limiter, key).then(
      (retryAfterS) => {
        if (retryAfterS === null) {
          rejectedInARow = 0;
          next();
          return;
        }
        rateLimitHits.inc({ limiter: opts.name ?? 'socket_events' });
        socketRejections.inc({ reason: 'rate_limit' });
        const error: AckError = { code: 'rate_limited', message: `Too many events; retry in ${retryAfterS} s` };
        const ack = args[args.length - 1];
        if (typeof ack === 'function') (ack as (res: unknown) => void)({ ok: false, error });
        else opts.onRejected?.(error);
        if (++rejectedInARow >= ABUSE_DISCONNECT_AFTER) {
          socketRejections.inc({ reason: 'abuse' });
          opts.logger.warn(
            { actor: actorKey(socket.data.actor), namespace: opts.namespace },
            'socket flood; disconnecting',
          );
          socket.disconnect(true);
        }
      },
      (err: unknown) => {
        // The limiter itself failed (it has an in-memory fallback, so this is rare): fail open.
        opts.logger.warn({ err: (err as Error).message }, 'socket rate limiter failed');
        next();
      },
    );
  });
}
