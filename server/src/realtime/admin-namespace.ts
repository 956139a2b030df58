// The `/admin` namespace: admins only (a valid token with the admin role; a shopper gets
// connect_error "forbidden", anything else "unauthorized"). On connect an admin joins
// `admins` and receives `inventory:snapshot` and the current `stats`; the gateway and the
// stats loop push the rest.
import type { ExtendedError } from 'socket.io';
import type { InventorySnapshotEvent, StatsEvent } from '@gpu/shared';
import type { Platform } from '../platform-types.js';
import type { HandshakeAuthDeps } from './handshake-auth.js';
import { isAdmin } from '../modules/auth/actor.js';
import { socketClients, socketRejections } from '../platform/metrics.js';
import { actorFromHandshake, unauthorizedError } from './handshake-auth.js';
import { rooms, type AdminNamespace, type AdminSocket, type IoServer } from './types.js';
import type { SessionExpiry } from './session-expiry.js';

export const ADMIN_NAMESPACE = '/admin';

function forbiddenError(): ExtendedError {
  const err = new Error('forbidden') as ExtendedError;
  err.data = { code: 'forbidden' };
  return err;
}

export function createAdminNamespace(io: IoServer): AdminNamespace {
  // The server is typed with the shopper event maps; /admin has its own (see realtime/types.ts).
  return io.of(ADMIN_NAMESPACE) as unknown as AdminNamespace;
}

export function registerAdminNamespace(
  admin: AdminNamespace,
  p: Platform,
  s: HandshakeAuthDeps & { inventorySnapshot: () => Promise<InventorySnapshotEvent> },
  deps: {
    currentStats: () => Promise<StatsEvent>;
    /** The namespace's event dispatcher (gates and handlers), shared by every admin socket. */
    dispatch: (this: AdminSocket, event: string, ...args: unknown[]) => void;
    expiry: SessionExpiry<AdminSocket>;
  },
): void {
  function onDisconnect(this: AdminSocket) {
    socketClients.dec({ namespace: ADMIN_NAMESPACE });
    deps.expiry.forget(this);
  }
  admin.use((socket, next) => {
    // Only a user token can be an admin: guests are refused before any guest bookkeeping.
    const auth: unknown = socket.handshake.auth;
    const token = typeof auth === 'object' && auth !== null ? (auth as { token?: unknown }).token : undefined;
    actorFromHandshake(s, { token }).then(
      (actor) => {
        if (actor.kind !== 'user') return next(unauthorizedError());
        if (!isAdmin(actor)) {
          socketRejections.inc({ reason: 'forbidden' });
          return next(forbiddenError());
        }
        socket.data.actor = actor;
        socket.handshake.auth = {};
        next();
      },
      () => next(unauthorizedError()),
    );
  });

  admin.on('connection', (socket) => {
    socketClients.inc({ namespace: ADMIN_NAMESPACE });
    socket.on('disconnect', onDisconnect);
    socket.onAny(deps.dispatch);
    deps.expiry.track(socket);
    void socket.join(rooms.admins);
    void (async () => {
      try {
        socket.emit('inventory:snapshot', await s.inventorySnapshot());
        socket.emit('stats', await deps.currentStats());
      } catch (err) {
        p.logger.warn({ err: (err as Error).message }, 'admin snapshot failed');
      }
    })();
  });
}
