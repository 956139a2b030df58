// Shopper socket events for live stock: stock:watch / stock:unwatch.
import type { Platform } from '../../context.js';
import type { Services } from '../../services.js';
import type { ShopperSocket } from '../../realtime/types.js';

export function registerInventorySocket(_socket: ShopperSocket, _p: Platform, _s: Services): void {
  // Filled in by the live-commerce work.
}
