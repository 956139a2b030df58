// Where a turn's events go live: a socket (its message room), an SSE response, or a
// collector for the JSON answer. One callback for every entry: the service knows no transport.
import type { StreamEntry } from './streaming/stream-store.js';

export interface ChatSink {
  emit(entry: StreamEntry): void;
}
