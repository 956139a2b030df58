// `auth:refresh { token }`: the client refreshed its access token and hands the new one to the
// socket it already has. It must be a valid token of the same user (a role change is taken
// over); the socket's expiry moves to the new token's, and the ack says when that is.
import { authRefreshSchema, type AuthRefreshAck } from '@gpu/shared';
import type { TokenService } from '../modules/auth/tokens.js';
import { forbidden, fromZod, toAckError } from '../platform/errors.js';
import { authEvents } from '../platform/metrics.js';
import type { SessionClock } from './session-expiry.js';
import type { SocketData } from './types.js';

export interface RefreshableSocket {
  data: SocketData;
  on(event: 'auth:refresh', listener: (raw: unknown, ack?: (res: AuthRefreshAck) => void) => void): unknown;
}

export function handleAuthRefresh(socket: RefreshableSocket, tokens: TokenService, clock: SessionClock): void {
  socket.on('auth:refresh', (raw, ack) => {
    const reply = (res: AuthRefreshAck) => (typeof ack === 'function' ? ack(res) : undefined);
    void (async () => {
      const input = authRefreshSchema.safeParse(raw);
      if (!input.success) throw fromZod(input.error, 'Invalid auth:refresh payload');
      const current = socket.data.actor;
      if (current.kind !== 'user') throw forbidden('A guest socket has no session to refresh; reconnect signed in');
      const next = await tokens.verifyAccess(input.data.token);
      if (next.userId !== current.userId) throw forbidden('The token belongs to another user; reconnect instead');
      socket.data.actor = next;
      clock.reschedule();
      authEvents.inc({ event: 'socket_refresh', outcome: 'ok' });
      reply({ ok: true, expiresAt: new Date(next.tokenExp * 1000).toISOString() });
    })().catch((err: unknown) => {
      authEvents.inc({ event: 'socket_refresh', outcome: 'refused' });
      reply({ ok: false, error: toAckError(err) });
    });
  });
}
