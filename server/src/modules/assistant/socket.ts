// Shopper socket events for the assistant: chat:send, chat:stop, chat:resume.
import type { Platform } from '../../context.js';
import type { Services } from '../../services.js';
import type { ShopperSocket } from '../../realtime/types.js';

export function registerAssistantSocket(_socket: ShopperSocket, _p: Platform, _s: Services): void {
  // Filled in by the assistant work.
}
