// `auth:refresh { token }`: the client refreshed its access token and hands the new one to the
// socket it already has. It must be a valid token of the same user (a role change is taken
// over); the socket's expiry moves to the new token's, and the ack says when that is.
import { authRefreshSchema, type AuthRefreshAck } from '@gpu/shared';
import type { TokenService } from '../modules/auth/tokens.js';
import { forbidden, fromZod, toAckError } from '../platform/errors.js';
import { authEvents } from '../platform/metrics.js';
import type { SessionExpiry, ExpiringSocket } from './session-expiry.js';
import type { EventHandler } from './event-dispatch.js';

export function authRefreshHandler<S extends ExpiringSocket>(
  tokens: TokenService,
  expiry: SessionExpiry<S>,
): EventHandler<S> {
  return async (socket, raw, ack) => {
    const reply = (res: AuthRefreshAck) => ack?.(res);
    try {
      const input = authRefreshSchema.safeParse(raw);
      if (!input.success) throw fromZod(input.error, 'Invalid auth:refresh payload');
      const current = socket.data.actor;
      if (current.kind !== 'user') throw forbidden('A guest socket has no session to refresh; reconnect signed in');
      const next = await tokens.verifyAccess(input.data.token);
      if (next.userId !== current.userId) throw forbidden('The token belongs to another user; reconnect instead');
      socket.data.actor = next;
      expiry.track(socket);
      authEvents.inc({ event: 'socket_refresh', outcome: 'ok' });
      reply({ ok: true, expiresAt: new Date(next.tokenExp * 1000).toISOString() });
    } catch (err) {
      authEvents.inc({ event: 'socket_refresh', outcome: 'refused' });
      reply({ ok: false, error: toAckError(err) });
    }
  };
}
