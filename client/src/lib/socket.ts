// The shopper Socket.IO connection (namespace "/"), one per tab. Authenticates with the
// current access token or the guest's server-issued token on every (re)connect; when the
// session's token is refreshed it hands the new one to the live socket (`auth:refresh`), so
// the socket is not cut off at the old token's expiry; refreshes the token when the server
// refuses or closes it, and tells subscribers each time it is connected again.
import { io, type Socket } from 'socket.io-client';
import type { ClientToServerEvents, ServerToClientEvents } from '@gpu/shared';
import { connection } from './stores/connection.svelte.js';
import { dropGuestToken, guestAuth } from './stores/guest-session.js';
import { accessToken, freshAccessToken, onSessionChange, refreshSession } from './stores/session.svelte.js';

export type ShopperSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

let socket: ShopperSocket | null = null;
const connectHandlers = new Set<(first: boolean) => void>();
let connectedOnce = false;
let retryTimer: ReturnType<typeof setTimeout> | undefined;

/** Runs fn on every connect (first = true the first time); returns an unsubscribe. */
export function onConnected(fn: (first: boolean) => void): () => void {
  connectHandlers.add(fn);
  if (socket?.connected) fn(!connectedOnce);
  return () => connectHandlers.delete(fn);
}

function reconnectSoon(delayMs: number): void {
  clearTimeout(retryTimer);
  connection.state = 'reconnecting';
  retryTimer = setTimeout(() => socket?.connect(), delayMs);
}

export function getSocket(): ShopperSocket {
  if (socket) return socket;
  const s: ShopperSocket = io({
    transports: ['websocket', 'polling'],
    // Called before every connection attempt, so a reconnect carries the newest token.
    auth: (cb) => {
      const credentials = async (): Promise<object> => {
        const token = await freshAccessToken().catch(() => null);
        return token ? { token } : guestAuth();
      };
      void credentials().then(cb);
    },
  });
  socket = s;

  s.on('connect', () => {
    clearTimeout(retryTimer);
    const first = !connectedOnce;
    if (!first) connection.reconnects += 1;
    connectedOnce = true;
    connection.state = 'connected';
    for (const fn of connectHandlers) fn(first);
  });
  s.on('disconnect', (reason) => {
    connection.state = navigator.onLine ? 'reconnecting' : 'offline';
    // A server-side close does not auto-reconnect; we do, after the token is sorted out.
    if (reason === 'io server disconnect') reconnectSoon(500);
  });
  s.on('connect_error', (err) => {
    connection.state = navigator.onLine ? 'reconnecting' : 'offline';
    if (err.message === 'rate_limited') {
      // Too many guest connections from this address: come back when the server says.
      const data = (err as Error & { data?: { retryAfterS?: number } }).data;
      reconnectSoon(Math.max(1, data?.retryAfterS ?? 5) * 1000);
      return;
    }
    if (err.message !== 'unauthorized') return; // transport errors: the manager retries
    if (!accessToken()) dropGuestToken();
    // The handshake was refused: refresh (or fall back to guest) and try again.
    void refreshSession().finally(() => reconnectSoon(accessToken() ? 200 : 1000));
  });
  s.on('session:closing', ({ reason }) => {
    if (reason === 'token_expired') void refreshSession();
  });
  s.io.on('reconnect_attempt', () => {
    connection.state = navigator.onLine ? 'reconnecting' : 'offline';
  });

  window.addEventListener('offline', () => (connection.state = 'offline'));
  window.addEventListener('online', () => {
    if (!s.connected) reconnectSoon(0);
  });
  // Signing in or out changes who this socket is: reconnect with the new credentials.
  onSessionChange((change) => {
    if (change === 'refresh') {
      // Same user, new token: the live socket takes it in place (and would otherwise be
      // closed at the old token's expiry). A refusal means reconnecting with the new token.
      const token = accessToken();
      if (!token || !s.connected) return;
      s.timeout(10_000)
        .emitWithAck('auth:refresh', { token })
        .then((ack) => {
          if (!ack.ok) throw new Error(ack.error.code);
        })
        .catch(() => {
          s.disconnect();
          reconnectSoon(0);
        });
      return;
    }
    s.disconnect();
    reconnectSoon(0);
  });
  return s;
}

/** Test hook: drop the connection as a network failure would, and come back after ms. */
export function dropConnection(ms: number): void {
  const s = getSocket();
  s.disconnect();
  connection.state = 'reconnecting';
  reconnectSoon(ms);
}
