// Every event of an answer (products, token chunks, done) is appended to a per-message
// stream, so `chat:resume` on any instance can replay what a client missed and then follow
// the rest live. Redis Streams when REDIS_URL is set (shared by instances), memory otherwise.
import type { ChatDoneEvent, ChatProductsEvent, ChatTokenEvent } from '@gpu/shared';

export type StreamEntry =
  | { type: 'products'; event: ChatProductsEvent }
  | { type: 'token'; event: ChatTokenEvent }
  | { type: 'done'; event: ChatDoneEvent };

/** Streams outlive their answer by this long, for late resumes. */
export const STREAM_TTL_S = 3600;
/** More entries than any answer has (completion tokens are capped), so trimming never bites. */
export const STREAM_MAX_ENTRIES = 5000;

export interface FollowOptions {
  signal: AbortSignal;
  /** Epoch ms after which following stops even without a `done` (a crashed generator). */
  deadline: number;
}

export interface MessageStreamStore {
  append(messageId: string, entry: StreamEntry): Promise<void>;
  /** True when the stream exists (it expires STREAM_TTL_S after its last append). */
  exists(messageId: string): Promise<boolean>;
  /**
   * Every entry from the start, then new ones as they are appended, until `done`, the
   * deadline or the signal. Works whether or not the stream exists yet.
   */
  follow(messageId: string, opts: FollowOptions): AsyncIterable<StreamEntry>;
  close(): Promise<void>;
}
