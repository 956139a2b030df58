// A socket lives no longer than the access token it was opened with: at `exp` the server
// says why (`session:closing`) and disconnects. The client refreshes its token and
// reconnects; a server-side disconnect is not retried by socket.io-client on its own.
import type { SocketData } from './types.js';

export interface ExpiringSocket {
  data: SocketData;
  emit(event: 'session:closing', payload: { reason: 'token_expired' | 'shutdown' }): boolean;
  disconnect(close?: boolean): unknown;
  once(event: 'disconnect', listener: () => void): unknown;
}

const MAX_TIMER_MS = 2 ** 31 - 1;

export function closeAtTokenExpiry(socket: ExpiringSocket, now: () => number = Date.now): void {
  const actor = socket.data.actor;
  if (actor.kind !== 'user') return;
  const ms = Math.min(MAX_TIMER_MS, Math.max(0, actor.tokenExp * 1000 - now()));
  const timer = setTimeout(() => {
    socket.emit('session:closing', { reason: 'token_expired' });
    socket.disconnect();
  }, ms);
  timer.unref();
  socket.once('disconnect', () => clearTimeout(timer));
}
