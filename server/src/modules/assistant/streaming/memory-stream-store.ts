// In-process message streams for a single instance (no REDIS_URL): an array per message
// and an event per append for followers; each stream expires STREAM_TTL_S after its last append.
import { EventEmitter, on } from 'node:events';
import { STREAM_TTL_S, type FollowOptions, type MessageStreamStore, type StreamEntry } from './stream-store.js';

interface Stream {
  entries: StreamEntry[];
  expiry: NodeJS.Timeout;
}

export class MemoryStreamStore implements MessageStreamStore {
  private readonly streams = new Map<string, Stream>();
  private readonly appended = new EventEmitter().setMaxListeners(0);

  constructor(private readonly ttlMs = STREAM_TTL_S * 1000) {}

  async append(messageId: string, entry: StreamEntry): Promise<void> {
    return this.appendMany(messageId, [entry]);
  }

  async appendMany(messageId: string, entries: StreamEntry[]): Promise<void> {
    if (entries.length === 0) return;
    let s = this.streams.get(messageId);
    if (s) clearTimeout(s.expiry);
    else this.streams.set(messageId, (s = { entries: [], expiry: undefined as unknown as NodeJS.Timeout }));
    s.expiry = setTimeout(() => this.streams.delete(messageId), this.ttlMs).unref();
    for (const entry of entries) {
      s.entries.push(entry);
      this.appended.emit(messageId, entry);
    }
  }

  async exists(messageId: string): Promise<boolean> {
    return this.streams.has(messageId);
  }

  async *follow(messageId: string, opts: FollowOptions): AsyncIterable<StreamEntry> {
    const stop = AbortSignal.any([opts.signal, AbortSignal.timeout(Math.max(0, opts.deadline - Date.now()))]);
    // Subscribing and reading the backlog happen in one synchronous step: nothing appended
    // can fall between them, and nothing is seen twice.
    const live = on(this.appended, messageId, { signal: stop });
    for (const entry of [...(this.streams.get(messageId)?.entries ?? [])]) {
      yield entry;
      if (entry.type === 'done') return;
    }
    try {
      for await (const [entry] of live as AsyncIterable<[StreamEntry]>) {
        yield entry;
        if (entry.type === 'done') return;
      }
    } catch (err) {
      if ((err as Error).name !== 'AbortError') throw err;
    }
  }

  async close(): Promise<void> {
    for (const s of this.streams.values()) clearTimeout(s.expiry);
    this.streams.clear();
    this.appended.removeAllListeners();
  }
}
