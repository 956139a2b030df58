// One function per namespace receives every incoming event of every socket: it runs the
// gates (rate limits, input hygiene) and then the event's handler from a table built once.
//
// Why not `socket.use` + `socket.on` per socket: each of those is a closure (and a slot in
// the socket's listener map) allocated for every connection, about 5 KB per socket for the
// product's ten or so; at tens of thousands of idle sockets that is most of the memory the
// product adds over bare Socket.IO. Here a socket costs one entry in its `onAny` list, the
// same function for all of them, and per-socket state lives in `socket.data`.
import type { AckError } from '@gpu/shared';
import type { Logger } from '../platform/logger.js';
import { socketEvents, socketRejections } from '../platform/metrics.js';
import { actorKey } from '../modules/auth/actor.js';
import type { SocketData } from './types.js';

export type Ack = (res: unknown) => void;

/** What the dispatcher needs of a socket (Socket.IO's, shopper or admin). */
export interface DispatchSocket {
  data: SocketData;
  connected: boolean;
  disconnect(close?: boolean): unknown;
}

/**
 * A check before any handler: null lets the event through, an error refuses it (the ack gets
 * it, or `onRejected` when the event has no ack). Sync when it can be: most events pay no
 * promise for a gate.
 */
export type EventGate = (
  socket: DispatchSocket,
  event: string,
  args: unknown[],
) => AckError | null | Promise<AckError | null>;

/** One event's handler: the socket, the payload (first argument) and the ack, if any. */
export type EventHandler<S> = (socket: S, payload: unknown, ack: Ack | undefined) => unknown;

export interface DispatcherOptions<S extends DispatchSocket> {
  namespace: string;
  gates: EventGate[];
  handlers: Record<string, EventHandler<S> | undefined>;
  logger: Logger;
  /** Told about a refused event that had no ack (e.g. `chat:error` on the shopper namespace). */
  onRejected?: (socket: S, error: AckError) => void;
}

/** Refused `rate_limited` events in a row (no event let through in between) before the socket is dropped. */
export const ABUSE_DISCONNECT_AFTER = 60;

/** Event names we label metrics with; anything else is counted as "other" (bounded cardinality). */
const knownEvents = new Set(['chat:send', 'chat:stop', 'chat:resume', 'stock:watch', 'stock:unwatch', 'auth:refresh']);

/** The `onAny` listener for a namespace; Socket.IO calls it with the socket as `this`. */
export function createEventDispatcher<S extends DispatchSocket>(
  opts: DispatcherOptions<S>,
): (this: S, event: string, ...args: unknown[]) => void {
  const { namespace, gates, handlers, logger } = opts;

  const refuse = (socket: S, error: AckError, ack: Ack | undefined) => {
    if (ack) ack({ ok: false, error });
    else opts.onRejected?.(socket, error);
    if (error.code !== 'rate_limited') return;
    socket.data.refusedInARow = (socket.data.refusedInARow ?? 0) + 1;
    if (socket.data.refusedInARow >= ABUSE_DISCONNECT_AFTER) {
      socketRejections.inc({ reason: 'abuse' });
      logger.warn({ actor: actorKey(socket.data.actor), namespace }, 'socket flood; disconnecting');
      socket.disconnect(true);
    }
  };

  // Own properties only: an event named "constructor" or "__proto__" must not reach Object.prototype.
  const table = new Map(Object.entries(handlers).filter((e): e is [string, EventHandler<S>] => !!e[1]));

  const run = (socket: S, event: string, args: unknown[], ack: Ack | undefined) => {
    socket.data.refusedInARow = 0;
    const handler = table.get(event);
    if (!handler || !socket.connected) return;
    try {
      const out = handler(socket, args[0], ack);
      if (out instanceof Promise) out.catch((err: unknown) => logger.error({ err, event }, 'socket handler failed'));
    } catch (err) {
      logger.error({ err, event }, 'socket handler failed');
    }
  };

  /** Runs gates from `i` on; sync while they are, a promise chain from the first async one. */
  const pass = (socket: S, event: string, args: unknown[], ack: Ack | undefined, i: number): void => {
    for (; i < gates.length; i++) {
      const verdict = gates[i]!(socket, event, args);
      if (verdict instanceof Promise) {
        const next = i + 1;
        verdict.then(
          (error) => (error ? refuse(socket, error, ack) : pass(socket, event, args, ack, next)),
          // A gate that fails itself (the limiter has an in-memory fallback, so rare) fails open.
          (err: unknown) => {
            logger.warn({ err: (err as Error).message, event }, 'socket event gate failed');
            pass(socket, event, args, ack, next);
          },
        );
        return;
      }
      if (verdict) return refuse(socket, verdict, ack);
    }
    run(socket, event, args, ack);
  };

  return function dispatch(this: S, event: string, ...args: unknown[]) {
    socketEvents.inc({ event: knownEvents.has(event) ? event : 'other', namespace });
    const ack = typeof args.at(-1) === 'function' ? (args.pop() as Ack) : undefined;
    pass(this, event, args, ack, 0);
  };
}
