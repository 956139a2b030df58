// A socket lives no longer than the latest access token it presented: at that token's `exp`
// the server says why (`session:closing`) and disconnects. The handshake's token starts the
// clock; `auth:refresh` (realtime/auth-refresh.ts) moves it to the new token's expiry, so a
// client that refreshes in place is never cut off. A server-side disconnect is not retried
// by socket.io-client on its own; the client refreshes and reconnects.
//
// One clock for all sockets of an instance, in one-second buckets, instead of a timer (and
// its closure) per socket: an idle socket costs a set entry, not a Timeout and a TimersList.
import type { SocketData } from './types.js';

export interface ExpiringSocket {
  data: SocketData;
  connected: boolean;
  emit(event: 'session:closing', payload: { reason: 'token_expired' | 'shutdown' }): boolean;
  disconnect(close?: boolean): unknown;
}

/** Closes sockets whose token expired; checks once a second. */
export class SessionExpiry<S extends ExpiringSocket = ExpiringSocket> {
  /** Sockets by the epoch second their token expires. */
  private readonly due = new Map<number, Set<S>>();
  /** The bucket a socket is in, so a refresh or a disconnect finds it. */
  private readonly bucketOf = new WeakMap<S, number>();
  private timer: NodeJS.Timeout | undefined;

  constructor(private readonly now: () => number = Date.now) {}

  /** (Re)starts the countdown from the socket's current actor (at connect and after auth:refresh). */
  track(socket: S): void {
    this.forget(socket);
    const actor = socket.data.actor;
    if (actor.kind !== 'user') return;
    const second = actor.tokenExp;
    let bucket = this.due.get(second);
    if (!bucket) this.due.set(second, (bucket = new Set()));
    bucket.add(socket);
    this.bucketOf.set(socket, second);
    this.timer ??= setInterval(() => this.closeExpired(), 1_000).unref();
  }

  forget(socket: S): void {
    const second = this.bucketOf.get(socket);
    if (second === undefined) return;
    this.bucketOf.delete(socket);
    const bucket = this.due.get(second);
    bucket?.delete(socket);
    if (bucket?.size === 0) this.due.delete(second);
  }

  /** Closes every socket whose token expired by now (the interval calls it; tests may too). */
  closeExpired(): void {
    const nowS = this.now() / 1000;
    for (const [second, sockets] of this.due) {
      if (second > nowS) continue;
      this.due.delete(second);
      for (const socket of sockets) {
        this.bucketOf.delete(socket);
        if (!socket.connected) continue;
        socket.emit('session:closing', { reason: 'token_expired' });
        socket.disconnect();
      }
    }
    if (this.due.size === 0) this.stop();
  }

  stop(): void {
    clearInterval(this.timer);
    this.timer = undefined;
  }
}
