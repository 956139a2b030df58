// The Socket.IO server: transport limits, origin allowlist (allowRequest, which also stops
// cross-site WebSocket hijacking), the Redis adapter across instances, handshake auth.
import type { Server as HttpServer } from 'node:http';
import { Server } from 'socket.io';
import { createAdapter } from '@socket.io/redis-adapter';
import type { Platform } from '../context.js';
import type { Services } from '../services.js';
import { isOriginAllowed } from '../http/origin.js';
import { socketClients, socketRejections } from '../platform/metrics.js';
import { closeRedis } from '../platform/redis.js';
import { actorFromHandshake, unauthorizedError } from './handshake-auth.js';
import type { IoServer } from './types.js';
import { registerInventorySocket } from '../modules/inventory/socket.js';
import { registerAssistantSocket } from '../modules/assistant/socket.js';
import { rooms } from './types.js';

export const SOCKET_MAX_PAYLOAD_BYTES = 32 * 1024;

export interface Realtime {
  io: IoServer;
  /** Closes every socket, the adapter and its Redis connections (and the http server). */
  close(): Promise<void>;
}

export function createRealtime(httpServer: HttpServer, p: Platform, s: Services): Realtime {
  const io: IoServer = new Server(httpServer, {
    maxHttpBufferSize: SOCKET_MAX_PAYLOAD_BYTES,
    pingInterval: 25_000,
    pingTimeout: 20_000,
    connectTimeout: 10_000,
    serveClient: false,
    allowRequest: (req, callback) => {
      const ok = isOriginAllowed(req, p.config.ALLOWED_ORIGINS);
      if (!ok) socketRejections.inc({ reason: 'origin' });
      callback(ok ? null : 'origin not allowed', ok);
    },
  });

  const adapterClients = p.newRedis ? { pub: p.newRedis('io-pub'), sub: p.newRedis('io-sub') } : undefined;
  if (adapterClients) io.adapter(createAdapter(adapterClients.pub, adapterClients.sub));

  io.use((socket, next) => {
    actorFromHandshake(s.tokens, socket.handshake.auth).then(
      (actor) => {
        socket.data.actor = actor;
        next();
      },
      () => next(unauthorizedError()),
    );
  });

  io.on('connection', (socket) => {
    socketClients.inc({ namespace: '/' });
    const actor = socket.data.actor;
    if (actor.kind === 'user') void socket.join(rooms.user(actor.userId));
    socket.on('disconnect', () => socketClients.dec({ namespace: '/' }));
    // Each module registers its own events (handlers parse, call a service, ack).
    registerInventorySocket(socket, p, s);
    registerAssistantSocket(socket, p, s);
  });

  return {
    io,
    async close() {
      await new Promise<void>((resolve) => {
        void io.close(() => resolve());
      });
      if (adapterClients) await Promise.all([closeRedis(adapterClients.pub), closeRedis(adapterClients.sub)]);
    },
  };
}
