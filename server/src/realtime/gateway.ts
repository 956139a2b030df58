// The realtime gateway: the one place domain events become socket emits.
//
// Delivery across instances: the bus delivers every event to EVERY instance (Redis pub/sub),
// so each instance emits with `.local` to the sockets it holds itself. The Redis adapter is
// deliberately bypassed here: a normal `io.to(room).emit` would also be relayed through the
// adapter to the other instances, which emit the same bus event themselves, and every client
// would receive each update once per instance. One bus message, one local emit per instance,
// exactly one delivery per socket.
//
// A stock update is encoded once for the whole room (Socket.IO's broadcast encodes the packet
// once and, for WebSocket clients, frames it once). The only per-socket step is reading the
// length of its output queue: a backlogged socket is left out of the broadcast and gets the
// latest value when it drains (backpressure.ts).
import type { StockUpdateEvent } from '@gpu/shared';
import type { EventBus } from '../platform/bus.js';
import { dropIfOverflowing, holdLatestStock, queuedPackets, STOCK_BACKLOG_PACKETS } from './backpressure.js';
import { rooms, type AdminNamespace, type IoServer } from './types.js';

function broadcastStock(io: IoServer, update: StockUpdateEvent): void {
  const room = rooms.gpu(update.gpuId);
  const nsp = io.of('/');
  const members = nsp.adapter.rooms.get(room);
  if (!members?.size) return;
  let behind: string[] | undefined;
  for (const id of members) {
    const socket = nsp.sockets.get(id);
    if (!socket) continue;
    const queued = queuedPackets(socket);
    if (queued < STOCK_BACKLOG_PACKETS) continue;
    (behind ??= []).push(id);
    if (!dropIfOverflowing(socket, queued)) holdLatestStock(socket, update);
  }
  (behind ? io.local.to(room).except(behind) : io.local.to(room)).emit('stock:update', update);
}

export function startGateway(io: IoServer, admin: AdminNamespace, bus: EventBus): () => void {
  const unsubscribe = [
    bus.subscribe('stock.changed', ({ gpuId, stock, version }) => {
      const update = { gpuId, stock, version };
      broadcastStock(io, update);
      admin.local.to(rooms.admins).emit('stock:update', update);
    }),
    bus.subscribe('cart.changed', ({ userId, cart }) => {
      io.local.to(rooms.user(userId)).emit('cart:update', cart);
    }),
    bus.subscribe('order.created', (order) => {
      admin.local.to(rooms.admins).emit('order:created', order);
    }),
  ];
  return () => unsubscribe.forEach((off) => off());
}
