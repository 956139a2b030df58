// Shopper socket events for live stock: stock:watch / stock:unwatch (guests too).
// `stock:watch` joins the products' rooms FIRST and then reads their stock, so no update can
// fall between the value in the ack and the first `stock:update`: a client that reconnects
// to any instance re-watches and is consistent again.
import { stockWatchSchema, type SimpleAck, type StockWatchAck } from '@gpu/shared';
import type { Platform } from '../../platform-types.js';
import type { StockService } from './stock-service.js';
import { rooms, type ShopperSocket, type SocketModule } from '../../realtime/types.js';
import { badRequest, fromZod, toAckError } from '../../platform/errors.js';

/** Rooms one socket may watch at once (a catalog page shows far fewer). */
export const MAX_WATCHED_PER_SOCKET = 200;

const watchedCount = (socket: ShopperSocket) => [...socket.rooms].filter((r) => r.startsWith('gpu:')).length;

export function inventorySocketEvents(p: Pick<Platform, 'db'>, s: { stock: StockService }): SocketModule {
  return {
    events: {
      'stock:watch': async (socket, raw, ack) => {
        const reply = (res: StockWatchAck) => ack?.(res);
        try {
          const input = stockWatchSchema.safeParse(raw);
          if (!input.success) throw fromZod(input.error, 'Invalid stock:watch payload');
          const gpuIds = [...new Set(input.data.gpuIds)];
          const fresh = gpuIds.filter((id) => !socket.rooms.has(rooms.gpu(id)));
          if (watchedCount(socket) + fresh.length > MAX_WATCHED_PER_SOCKET) {
            throw badRequest(`A connection may watch at most ${MAX_WATCHED_PER_SOCKET} products`);
          }
          await socket.join(gpuIds.map(rooms.gpu));
          const stocks = await s.stock.levels(p.db.orm.em.fork(), gpuIds);
          reply({ ok: true, stocks });
        } catch (err) {
          reply({ ok: false, error: toAckError(err) });
        }
      },

      'stock:unwatch': async (socket, raw, ack) => {
        const reply = (res: SimpleAck) => ack?.(res);
        const input = stockWatchSchema.safeParse(raw);
        if (!input.success)
          return reply({ ok: false, error: toAckError(fromZod(input.error, 'Invalid stock:unwatch payload')) });
        await Promise.all(input.data.gpuIds.map((id) => socket.leave(rooms.gpu(id))));
        reply({ ok: true });
      },
    },
  };
}
