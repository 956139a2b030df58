// Where a generation's events go live: a socket (and its message room), an SSE response,
// or a collector for the JSON answer. Plain callbacks: the service knows no transport.
import type { ChatDoneEvent, ChatProductsEvent, ChatTokenEvent } from '@gpu/shared';

export interface ChatSink {
  products(e: ChatProductsEvent): void;
  token(e: ChatTokenEvent): void;
  done(e: ChatDoneEvent): void;
}
