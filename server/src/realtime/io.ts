// The Socket.IO server: transport limits, origin allowlist (allowRequest, which also stops
// cross-site WebSocket hijacking), the Redis adapter across instances, handshake auth,
// per-user event limits, token-expiry disconnects, the `/admin` namespace with its stats,
// the gateway from domain events to rooms, and the shutdown drain.
import type { Server as HttpServer } from 'node:http';
import { Server, type Namespace } from 'socket.io';
import type { InventorySnapshotEvent } from '@gpu/shared';
import type { Platform } from '../platform-types.js';
import type { GuestLimits } from '../modules/auth/guest-limits.js';
import type { AdminSeriesService } from '../modules/admin-series/service.js';
import { originPolicy } from '../http/origin.js';
import { activeGenerations, socketClients, socketRejections } from '../platform/metrics.js';
import { actorFromHandshake, handshakeError, type HandshakeAuthDeps } from './handshake-auth.js';
import { clientIp, compileTrust } from '../http/client-ip.js';
import { authRefreshHandler } from './auth-refresh.js';
import type { AdminSocket, IoServer, ShopperSocket, SocketModule } from './types.js';
import { rooms } from './types.js';
import { createRedisAdapter } from './redis-adapter.js';
import { startGateway } from './gateway.js';
import { createAdminNamespace, registerAdminNamespace } from './admin-namespace.js';
import { InstanceRegistry, startStatsLoop } from './instance-stats.js';
import { eventLimitGate, SOCKET_EVENT_LIMIT } from './event-rate-limit.js';
import { SessionExpiry } from './session-expiry.js';
import { drainConnections } from './drain.js';
import { controlCharacterGate } from './text-hygiene.js';
import { createEventDispatcher } from './event-dispatch.js';
import { startSeriesFeed } from './series-feed.js';

export const SOCKET_MAX_PAYLOAD_BYTES = 32 * 1024;

export interface Realtime {
  io: IoServer;
  /** Shutdown step 1: tells every local socket and closes them in batches over ~2 s. */
  drain(): Promise<void>;
  /** Closes every socket, the adapter and its Redis connections (and the http server). */
  close(): Promise<void>;
}

/**
 * Builds a capability's shopper events once (handlers parse, call a service, ack). The
 * composition root hands them in, so realtime never imports the capability modules whose
 * handlers import realtime's socket types.
 */
export type SocketModuleFactory<S> = (p: Platform, s: S) => SocketModule;

/** What realtime asks of the services: a slice of services.ts's, named here so realtime imports no composition file. */
export interface RealtimeServices extends HandshakeAuthDeps {
  guestLimits: GuestLimits;
  series: AdminSeriesService;
  inventorySnapshot: () => Promise<InventorySnapshotEvent>;
}

export function createRealtime<S extends RealtimeServices>(
  httpServer: HttpServer,
  p: Platform,
  s: S,
  moduleFactories: SocketModuleFactory<S>[],
): Realtime {
  const trust = compileTrust(p.config.TRUST_PROXY);
  const origins = originPolicy(p.config.ALLOWED_ORIGINS, trust);
  const io: IoServer = new Server(httpServer, {
    maxHttpBufferSize: SOCKET_MAX_PAYLOAD_BYTES,
    pingInterval: 25_000,
    pingTimeout: 20_000,
    connectTimeout: 10_000,
    serveClient: false,
    allowRequest: (req, callback) => {
      const ok = origins.isAllowed(req);
      if (!ok) socketRejections.inc({ reason: 'origin' });
      callback(ok ? null : 'origin not allowed', ok);
    },
  });

  const redisAdapter = p.redisConnections ? createRedisAdapter(p.redisConnections, p.logger) : undefined;
  if (redisAdapter) io.adapter(redisAdapter.adapter);

  // One per-user budget for incoming events on every namespace and instance; all guest
  // sockets of one address share a second one. Control characters are refused after both.
  const eventLimiter = p.limiter({ keyPrefix: 'socket-events', ...SOCKET_EVENT_LIMIT });
  const actorBudget = eventLimitGate({ limiter: eventLimiter });
  const guestAddressBudget = eventLimitGate({
    limiter: s.guestLimits.events,
    name: 'guest_events_ip',
    keyOf: (d) => s.guestLimits.limitedIp(d.actor),
  });
  const hygiene = controlCharacterGate(p.logger);
  const expiry = new SessionExpiry<ShopperSocket | AdminSocket>();
  const modules = moduleFactories.map((build) => build(p, s));

  // Everything per socket is shared: one dispatcher and one disconnect listener for all of
  // them (Socket.IO calls both with the socket as `this`); state lives in socket.data.
  const dispatch = createEventDispatcher<ShopperSocket>({
    namespace: '/',
    gates: [actorBudget, guestAddressBudget, hygiene],
    handlers: Object.assign({ 'auth:refresh': authRefreshHandler(s.tokens, expiry) }, ...modules.map((m) => m.events)),
    logger: p.logger,
    onRejected: (socket, error) => socket.emit('chat:error', error),
  });
  function onDisconnect(this: ShopperSocket) {
    socketClients.dec({ namespace: '/' });
    expiry.forget(this);
    const actor = this.data.actor;
    if (this.data.holdsGuestPlace && actor.kind === 'guest') s.guestLimits.closeSocket(actor.ip);
    for (const m of modules) m.disconnect?.(this);
  }

  io.use((socket, next) => {
    const ip = clientIp(socket.request, trust);
    void (async () => {
      const actor = await actorFromHandshake(s, socket.handshake.auth, ip);
      // Guests count against their address's open-socket allowance until they disconnect.
      if (actor.kind === 'guest') socket.data.holdsGuestPlace = await s.guestLimits.openSocket(actor.ip);
      // A client that left while this ran never reaches `connection` nor `disconnect`:
      // Socket.IO drops it on this same condition, so its place is given back here.
      if (socket.conn.readyState !== 'open') {
        socketRejections.inc({ reason: 'left_during_handshake' });
        if (socket.data.holdsGuestPlace && actor.kind === 'guest') s.guestLimits.closeSocket(actor.ip);
        socket.data.holdsGuestPlace = false;
      }
      socket.data.actor = actor;
      // The credential has done its work; the socket does not keep a bearer token for its lifetime.
      socket.handshake.auth = {};
    })().then(
      () => next(),
      (err: unknown) => next(handshakeError(err)),
    );
  });

  io.on('connection', (socket) => {
    socketClients.inc({ namespace: '/' });
    const actor = socket.data.actor;
    if (actor.kind === 'user') void socket.join(rooms.user(actor.userId));
    socket.on('disconnect', onDisconnect);
    socket.onAny(dispatch);
    expiry.track(socket);
  });

  const admin = createAdminNamespace(io);
  const stats = startStatsLoop({
    registry: new InstanceRegistry(p.redis, p.instanceId),
    load: async () => ({
      clients: io.engine.clientsCount,
      chats: (await activeGenerations.get()).values[0]?.value ?? 0,
    }),
    emit: (e) => admin.local.to(rooms.admins).emit('stats', e),
    logger: p.logger,
  });
  registerAdminNamespace(admin, p, s, {
    currentStats: stats.current,
    dispatch: createEventDispatcher<AdminSocket>({
      namespace: admin.name,
      gates: [actorBudget, hygiene],
      handlers: { 'auth:refresh': authRefreshHandler(s.tokens, expiry) },
      logger: p.logger,
    }),
    expiry,
  });
  const stopGateway = startGateway(io, admin, p.bus);
  const stopSeriesFeed = startSeriesFeed({ admin, bus: p.bus, series: s.series, logger: p.logger });

  return {
    io,
    async drain() {
      const closed = await drainConnections([io.of('/'), admin as unknown as Namespace]);
      if (closed) p.logger.info({ connections: closed }, 'sockets drained');
    },
    async close() {
      stopGateway();
      expiry.stop();
      stopSeriesFeed();
      await stats.stop();
      await new Promise<void>((resolve) => {
        void io.close(() => resolve());
      });
      await redisAdapter?.close();
    },
  };
}
