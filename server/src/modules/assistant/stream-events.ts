// A stream entry as the Socket.IO event the contract names (`chat:tool`, `chat:products`,
// `chat:comparison`, `chat:action`, `chat:token`, `chat:suggestions`, `chat:done`), typed.
import type { ServerToClientEvents } from '@gpu/shared';
import type { StreamEntry } from './streaming/stream-store.js';

type Emitter = {
  emit<E extends keyof ServerToClientEvents>(event: E, ...args: Parameters<ServerToClientEvents[E]>): unknown;
};

export function emitEntry(target: Emitter, entry: StreamEntry): void {
  switch (entry.type) {
    case 'tool':
      target.emit('chat:tool', entry.event);
      return;
    case 'products':
      target.emit('chat:products', entry.event);
      return;
    case 'comparison':
      target.emit('chat:comparison', entry.event);
      return;
    case 'action':
      target.emit('chat:action', entry.event);
      return;
    case 'token':
      target.emit('chat:token', entry.event);
      return;
    case 'suggestions':
      target.emit('chat:suggestions', entry.event);
      return;
    case 'done':
      target.emit('chat:done', entry.event);
      return;
  }
}
