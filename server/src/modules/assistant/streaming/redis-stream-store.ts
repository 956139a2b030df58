// Message streams in Redis Streams, shared by every instance: XADD (bounded, key TTL
// refreshed) on the command connection; followers XREAD BLOCK on a dedicated connection
// each (a blocking read holds its connection), closed when the follow ends. On a Redis
// Cluster the dedicated client connects lazily to the one master that owns the stream.
import type { Logger } from '../../../platform/logger.js';
import { closeRedis, type Redis, type RedisConnections } from '../../../platform/redis.js';
import {
  STREAM_MAX_ENTRIES,
  STREAM_TTL_S,
  type FollowOptions,
  type MessageStreamStore,
  type StreamEntry,
} from './stream-store.js';

// The message id is the hash tag: a message's stream commands (MULTI XADD+EXPIRE) stay in one slot.
export const streamKey = (messageId: string) => `chat:stream:{${messageId}}`;
const BLOCK_MS = 5_000;
// An append that fails (Redis, or the stream's cluster shard, restarting) is retried for this
// long before the entry is given up: a short outage leaves no hole in the stream. Appends of
// one answer are chained (turn-events.ts), so retries keep the order.
const APPEND_RETRY_MS = 15_000;
const APPEND_RETRY_EVERY_MS = 250;

type XReadReply = [string, [string, string[]][]][] | null;

function decode(fields: string[]): StreamEntry | null {
  const i = fields.indexOf('e');
  if (i < 0) return null;
  try {
    return JSON.parse(fields[i + 1]!) as StreamEntry;
  } catch {
    return null;
  }
}

export class RedisStreamStore implements MessageStreamStore {
  constructor(
    private readonly redis: Redis,
    private readonly connections: RedisConnections,
    private readonly logger: Logger,
  ) {}

  async append(messageId: string, entry: StreamEntry): Promise<void> {
    const data = JSON.stringify(entry);
    const giveUpAt = Date.now() + APPEND_RETRY_MS;
    for (let attempt = 1; ; attempt++) {
      try {
        const replies = await this.redis
          .multi()
          .xadd(streamKey(messageId), 'MAXLEN', STREAM_MAX_ENTRIES, '*', 'e', data)
          .expire(streamKey(messageId), STREAM_TTL_S)
          .exec();
        const failed = replies?.find(([e]) => e)?.[0];
        if (failed) throw failed;
        if (attempt > 1) this.logger.info({ messageId, attempt }, 'stream append succeeded after retries');
        return;
      } catch (err) {
        if (Date.now() >= giveUpAt) throw err;
        await new Promise((r) => setTimeout(r, APPEND_RETRY_EVERY_MS));
      }
    }
  }

  async exists(messageId: string): Promise<boolean> {
    return (await this.redis.exists(streamKey(messageId))) === 1;
  }

  async *follow(messageId: string, opts: FollowOptions): AsyncIterable<StreamEntry> {
    const conn = this.connections.create('stream-follow');
    // Aborting must interrupt a read that is blocked server-side: drop the connection.
    const onAbort = () => conn.disconnect();
    opts.signal.addEventListener('abort', onAbort, { once: true });
    let lastId = '0';
    try {
      while (!opts.signal.aborted) {
        const left = opts.deadline - Date.now();
        if (left <= 0) return;
        let reply: XReadReply;
        try {
          reply = (await conn.xread(
            'COUNT',
            500,
            'BLOCK',
            Math.min(BLOCK_MS, left),
            'STREAMS',
            streamKey(messageId),
            lastId,
          )) as XReadReply;
        } catch (err) {
          if (opts.signal.aborted) return;
          this.logger.warn({ err: (err as Error).message, messageId }, 'stream follow read failed; retrying');
          await new Promise((r) => setTimeout(r, 200));
          continue;
        }
        for (const [, entries] of reply ?? []) {
          for (const [id, fields] of entries) {
            lastId = id;
            const entry = decode(fields);
            if (!entry) continue;
            yield entry;
            if (entry.type === 'done') return;
          }
        }
      }
    } finally {
      opts.signal.removeEventListener('abort', onAbort);
      await closeRedis(conn);
    }
  }

  async close(): Promise<void> {
    // The command connection belongs to the platform; follower connections close themselves.
  }
}
