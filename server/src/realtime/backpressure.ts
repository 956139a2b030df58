// Bounded output for slow clients. Socket.IO queues packets in engine.io's write buffer while
// the connection cannot take more (the client does not read); nothing bounds that queue.
// - Stock updates to a backlogged socket are held back, one per product (a newer value
//   supersedes an older one), and sent when the socket drains: it gets the latest stock, and
//   its queue does not grow with every change.
// - A socket whose queue still reaches SLOW_CONSUMER_PACKETS (other traffic) is closed; the
//   client reconnects and re-watches, which makes it consistent again (stock:watch acks).
import type { StockUpdateEvent as StockUpdate } from '@gpu/shared';
import { slowConsumers } from '../platform/metrics.js';
import type { ShopperSocket } from './types.js';

/** Queued packets from which a socket gets only the latest stock per product. */
export const STOCK_BACKLOG_PACKETS = 32;
/** Queued packets at which a socket is closed as a slow consumer. */
export const SLOW_CONSUMER_PACKETS = 2_048;

/** Packets waiting in the socket's engine.io write buffer (not yet handed to the transport). */
export function queuedPackets(socket: ShopperSocket): number {
  return (socket.conn as unknown as { writeBuffer: unknown[] }).writeBuffer.length;
}

/** Closes the socket when it is this far behind; true when it did. */
export function dropIfOverflowing(socket: ShopperSocket, queued = queuedPackets(socket)): boolean {
  if (queued < SLOW_CONSUMER_PACKETS) return false;
  slowConsumers.inc({ action: 'dropped' });
  socket.disconnect(true);
  return true;
}

const held = new WeakMap<ShopperSocket, Map<string, StockUpdate>>();

/** Keeps `update` as the one pending value of its product for this socket, until it drains. */
export function holdLatestStock(socket: ShopperSocket, update: StockUpdate): void {
  let pending = held.get(socket);
  if (!pending) {
    pending = new Map();
    held.set(socket, pending);
    slowConsumers.inc({ action: 'latest_only' });
    // engine.io emits `drain` once the queue has gone to the transport.
    socket.conn.once('drain', () => {
      const updates = held.get(socket);
      held.delete(socket);
      if (!updates || !socket.connected) return;
      for (const u of updates.values()) socket.emit('stock:update', u);
    });
  }
  pending.set(update.gpuId, update);
}
