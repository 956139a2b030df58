// Every event of an answer (steps, products, comparison, cart actions, token chunks,
// suggestions, done) is appended to a per-message stream, so `chat:resume` on any instance can
// replay what a client missed, in order, and then follow the rest live. Redis Streams when
// Redis is configured (REDIS_URL or REDIS_CLUSTER_NODES; shared by instances), memory otherwise.
import type {
  ChatActionEvent,
  ChatComparisonEvent,
  ChatDoneEvent,
  ChatProductsEvent,
  ChatSuggestionsEvent,
  ChatTokenEvent,
  ChatToolEvent,
} from '@gpu/shared';

export type StreamEntry =
  | { type: 'tool'; event: ChatToolEvent }
  | { type: 'products'; event: ChatProductsEvent }
  | { type: 'comparison'; event: ChatComparisonEvent }
  | { type: 'action'; event: ChatActionEvent }
  | { type: 'token'; event: ChatTokenEvent }
  | { type: 'suggestions'; event: ChatSuggestionsEvent }
  | { type: 'done'; event: ChatDoneEvent };

export type StreamEntryType = StreamEntry['type'];

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
  /** Appends several entries in order, in one write where the store allows (a stream under load
   * gets what piled up while its previous write was in flight as one batch, not one each). */
  appendMany(messageId: string, entries: StreamEntry[]): Promise<void>;
  /** True when the stream exists (it expires STREAM_TTL_S after its last append). */
  exists(messageId: string): Promise<boolean>;
  /**
   * Every entry from the start, then new ones as they are appended, until `done`, the
   * deadline or the signal. Works whether or not the stream exists yet.
   */
  follow(messageId: string, opts: FollowOptions): AsyncIterable<StreamEntry>;
  close(): Promise<void>;
}
