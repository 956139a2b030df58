// Message streams in Redis Streams, shared by every instance: XADD (bounded, key TTL
// refreshed) on the command connection; followers XREAD BLOCK on a dedicated connection
// each (a blocking read holds its connection), closed when the follow ends. On a Redis
// Cluster the dedicated client connects lazily to the one master that owns the stream.
// A batch of entries (appendMany) is one script call: its XADDs in order and one EXPIRE,
// atomic like MULTI/EXEC but one command instead of four. The appends of every stream that
// arrive in one event-loop turn go out in one pipeline (one socket write, not one per
// stream); on a Cluster, whose pipelines must stay in one slot, each call goes alone.
import type { Logger } from '../../../platform/logger.js';
import { closeRedis, isCluster, type Redis, type RedisConnections } from '../../../platform/redis.js';
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

// KEYS[1] the stream; ARGV[1] MAXLEN, ARGV[2] TTL in seconds, ARGV[3..] the entries' JSON.
const APPEND_SCRIPT = `
for i = 3, #ARGV do
  redis.call('XADD', KEYS[1], 'MAXLEN', ARGV[1], '*', 'e', ARGV[i])
end
redis.call('EXPIRE', KEYS[1], ARGV[2])
return #ARGV - 2`;
const APPEND_COMMAND = 'chatStreamAppend';
type AppendArgs = [key: string, maxLen: number, ttlS: number, ...data: string[]];
/** What defineCommand adds to a client and to its pipelines. */
interface AppendPipeline {
  [APPEND_COMMAND](...args: AppendArgs): AppendPipeline;
  exec(): Promise<[Error | null, unknown][] | null>;
}
interface AppendClient {
  [APPEND_COMMAND](...args: AppendArgs): Promise<number>;
  pipeline(): AppendPipeline;
}

interface PendingAppend {
  args: AppendArgs;
  resolve(): void;
  reject(err: unknown): void;
}

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
  private readonly client: AppendClient;
  /** Appends waiting for this loop turn's pipeline. */
  private pending: PendingAppend[] = [];
  private flushing = false;

  constructor(
    private readonly redis: Redis,
    private readonly connections: RedisConnections,
    private readonly logger: Logger,
  ) {
    // ioredis sends EVALSHA and falls back to EVAL (loading the script) when Redis lacks it.
    if (!(APPEND_COMMAND in redis)) redis.defineCommand(APPEND_COMMAND, { numberOfKeys: 1, lua: APPEND_SCRIPT });
    this.client = redis as unknown as AppendClient;
  }

  async append(messageId: string, entry: StreamEntry): Promise<void> {
    return this.appendMany(messageId, [entry]);
  }

  /** The batch as one script call (its XADDs in order, one EXPIRE), retried as a whole. */
  async appendMany(messageId: string, entries: StreamEntry[]): Promise<void> {
    if (entries.length === 0) return;
    const key = streamKey(messageId);
    const data = entries.map((e) => JSON.stringify(e));
    const giveUpAt = Date.now() + APPEND_RETRY_MS;
    for (let attempt = 1; ; attempt++) {
      try {
        await this.send([key, STREAM_MAX_ENTRIES, STREAM_TTL_S, ...data]);
        if (attempt > 1) this.logger.info({ messageId, attempt }, 'stream append succeeded after retries');
        return;
      } catch (err) {
        if (Date.now() >= giveUpAt) throw err;
        await new Promise((r) => setTimeout(r, APPEND_RETRY_EVERY_MS));
      }
    }
  }

  /** Queues one script call for the pipeline sent at the end of this loop turn. */
  private send(args: AppendArgs): Promise<void> {
    return new Promise((resolve, reject) => {
      this.pending.push({ args, resolve, reject });
      if (!this.flushing) {
        this.flushing = true;
        setImmediate(() => this.flush());
      }
    });
  }

  private flush(): void {
    this.flushing = false;
    const batch = this.pending;
    this.pending = [];
    if (batch.length === 1 || isCluster(this.redis)) {
      for (const a of batch) this.client[APPEND_COMMAND](...a.args).then(() => a.resolve(), a.reject);
      return;
    }
    const pipeline = this.client.pipeline();
    for (const a of batch) pipeline[APPEND_COMMAND](...a.args);
    pipeline.exec().then(
      (replies) =>
        batch.forEach((a, i) => {
          const err = replies?.[i]?.[0];
          if (err) a.reject(err);
          else a.resolve();
        }),
      (err: unknown) => batch.forEach((a) => a.reject(err)),
    );
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
