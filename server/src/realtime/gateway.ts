// The realtime gateway: the one place domain events become socket emits.
//
// Delivery across instances: the bus delivers every event to EVERY instance (Redis pub/sub),
// so each instance emits with `.local` to the sockets it holds itself. The Redis adapter is
// deliberately bypassed here: a normal `io.to(room).emit` would also be relayed through the
// adapter to the other instances, which emit the same bus event themselves, and every client
// would receive each update once per instance. One bus message, one local emit per instance,
// exactly one delivery per socket.
import type { EventBus } from '../platform/bus.js';
import { rooms, type AdminNamespace, type IoServer } from './types.js';

export function startGateway(io: IoServer, admin: AdminNamespace, bus: EventBus): () => void {
  const unsubscribe = [
    bus.subscribe('stock.changed', ({ gpuId, stock, version }) => {
      const update = { gpuId, stock, version };
      io.local.to(rooms.gpu(gpuId)).emit('stock:update', update);
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
