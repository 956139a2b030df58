// Assistant state that every cluster worker must see when there is no Redis (WORKERS > 1,
// no REDIS_URL): the per-message token streams behind `chat:resume` and the one-generation-
// per-shopper locks. The primary keeps the in-memory implementations; workers reach them
// over IPC through these stand-ins, so a client that reconnects to another worker resumes.
import type { GenerationLocks } from '../modules/assistant/streaming/generation-locks.js';
import { MemoryGenerationLocks } from '../modules/assistant/streaming/generation-locks.js';
import { MemoryStreamStore } from '../modules/assistant/streaming/memory-stream-store.js';
import type { FollowOptions, MessageStreamStore, StreamEntry } from '../modules/assistant/streaming/stream-store.js';
import type { ClusterHub } from './hub.js';
import type { WorkerLink } from './worker-link.js';

const op = {
  append: 'stream.append',
  exists: 'stream.exists',
  acquire: 'lock.acquire',
  release: 'lock.release',
} as const;
const STREAM = 'chat-stream';

/** Primary side: the real stores, served to the workers. Returns a closer. */
export function serveSharedState(hub: ClusterHub): () => Promise<void> {
  const streams = new MemoryStreamStore();
  const locks = new MemoryGenerationLocks();
  hub
    .handle(op.append, async ([id, entry]) => streams.append(String(id), entry as StreamEntry))
    .handle(op.exists, async ([id]) => streams.exists(String(id)))
    .handle(op.acquire, async ([key, token, ttl]) => locks.acquire(String(key), String(token), Number(ttl)))
    .handle(op.release, async ([key, token]) => locks.release(String(key), String(token)))
    .followable(STREAM, (id, opts) => streams.follow(id, opts));
  return () => streams.close();
}

/** Worker side of the token streams. */
export class ClusterStreamStore implements MessageStreamStore {
  constructor(private readonly link: WorkerLink) {}

  async append(messageId: string, entry: StreamEntry): Promise<void> {
    await this.link.call(op.append, [messageId, entry]);
  }

  async exists(messageId: string): Promise<boolean> {
    return this.link.call<boolean>(op.exists, [messageId]);
  }

  async *follow(messageId: string, opts: FollowOptions): AsyncIterable<StreamEntry> {
    for await (const entry of this.link.follow(STREAM, messageId, opts)) yield entry as StreamEntry;
  }

  async close(): Promise<void> {
    // The streams live in the primary and expire there.
  }
}

/** Worker side of the generation locks. */
export class ClusterGenerationLocks implements GenerationLocks {
  constructor(private readonly link: WorkerLink) {}

  acquire(actorKey: string, token: string, ttlMs: number): Promise<boolean> {
    return this.link.call<boolean>(op.acquire, [actorKey, token, ttlMs]);
  }

  async release(actorKey: string, token: string): Promise<void> {
    await this.link.call(op.release, [actorKey, token]);
  }
}
