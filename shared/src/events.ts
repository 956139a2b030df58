// The Socket.IO contract (CONTRACT.md), typed once for server and client.
import type { Ack } from './errors.js';
import type { Cart } from './schemas/cart.js';
import type {
  ChatActionEvent,
  ChatComparisonEvent,
  ChatDoneEvent,
  ChatErrorEvent,
  ChatProductsEvent,
  ChatSuggestionsEvent,
  ChatTokenEvent,
  ChatToolEvent,
} from './schemas/chat.js';
import type { StockLevel, StockUpdateEvent } from './schemas/stock.js';
import type { InventorySnapshotEvent, OrderCreatedEvent, StatsEvent } from './schemas/admin.js';
import type { SeriesPointEvent } from './schemas/series.js';

export type ChatSendAck = Ack<{ conversationId: string; messageId: string }>;
export type StockWatchAck = Ack<{ stocks: StockLevel[] }>;
export type SimpleAck = Ack;
/** `expiresAt`: ISO time at which the socket's (new) token expires and the server closes it. */
export type AuthRefreshAck = Ack<{ expiresAt: string }>;

export interface ClientToServerEvents {
  'chat:send': (payload: unknown, ack?: (res: ChatSendAck) => void) => void;
  'chat:stop': (payload: unknown, ack?: (res: SimpleAck) => void) => void;
  'chat:resume': (payload: unknown, ack?: (res: SimpleAck) => void) => void;
  'stock:watch': (payload: unknown, ack?: (res: StockWatchAck) => void) => void;
  'stock:unwatch': (payload: unknown, ack?: (res: SimpleAck) => void) => void;
  'auth:refresh': (payload: unknown, ack?: (res: AuthRefreshAck) => void) => void;
}

export interface ServerToClientEvents {
  'chat:tool': (e: ChatToolEvent) => void;
  'chat:products': (e: ChatProductsEvent) => void;
  'chat:comparison': (e: ChatComparisonEvent) => void;
  'chat:action': (e: ChatActionEvent) => void;
  'chat:suggestions': (e: ChatSuggestionsEvent) => void;
  'chat:token': (e: ChatTokenEvent) => void;
  'chat:done': (e: ChatDoneEvent) => void;
  'chat:error': (e: ChatErrorEvent) => void;
  'stock:update': (e: StockUpdateEvent) => void;
  'cart:update': (e: Cart) => void;
  /** Sent just before the server closes the socket on purpose (token expiry, shutdown). */
  'session:closing': (e: { reason: 'token_expired' | 'shutdown' }) => void;
}

export interface AdminClientToServerEvents {
  'auth:refresh': (payload: unknown, ack?: (res: AuthRefreshAck) => void) => void;
}

export interface AdminServerToClientEvents {
  'inventory:snapshot': (e: InventorySnapshotEvent) => void;
  'stock:update': (e: StockUpdateEvent) => void;
  'order:created': (e: OrderCreatedEvent) => void;
  stats: (e: StatsEvent) => void;
  'series:point': (e: SeriesPointEvent) => void;
  'session:closing': (e: { reason: 'token_expired' | 'shutdown' }) => void;
}
