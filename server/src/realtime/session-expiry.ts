// A socket lives no longer than the latest access token it presented: at that token's `exp`
// the server says why (`session:closing`) and disconnects. The handshake's token starts the
// clock; `auth:refresh` (realtime/auth-refresh.ts) moves it to the new token's expiry, so a
// client that refreshes in place is never cut off. A server-side disconnect is not retried
// by socket.io-client on its own; the client refreshes and reconnects.
import type { SocketData } from './types.js';

export interface ExpiringSocket {
  data: SocketData;
  emit(event: 'session:closing', payload: { reason: 'token_expired' | 'shutdown' }): boolean;
  disconnect(close?: boolean): unknown;
  once(event: 'disconnect', listener: () => void): unknown;
}

export interface SessionClock {
  /** Restarts the countdown from the socket's current actor (after auth:refresh). */
  reschedule(): void;
}

const MAX_TIMER_MS = 2 ** 31 - 1;

export function closeAtTokenExpiry(socket: ExpiringSocket, now: () => number = Date.now): SessionClock {
  let timer: NodeJS.Timeout | undefined;
  let gone = false;
  const schedule = () => {
    clearTimeout(timer);
    const actor = socket.data.actor;
    if (gone || actor.kind !== 'user') return;
    const ms = Math.min(MAX_TIMER_MS, Math.max(0, actor.tokenExp * 1000 - now()));
    timer = setTimeout(() => {
      socket.emit('session:closing', { reason: 'token_expired' });
      socket.disconnect();
    }, ms);
    timer.unref();
  };
  socket.once('disconnect', () => {
    gone = true;
    clearTimeout(timer);
  });
  schedule();
  return { reschedule: schedule };
}
