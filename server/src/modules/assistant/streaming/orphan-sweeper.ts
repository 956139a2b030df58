// Finishes answers whose instance died mid-way. With Redis: every few seconds one instance
// (whoever holds the sweeper lease) takes the answer leases that expired (answer-leases.ts),
// marks each answer finished as "error" in the database, appends `chat:done` ("error") to its
// message stream, so a resuming client on any instance is told within seconds, and releases
// the shopper's generation lock, so they can ask again. Without Redis there is one instance,
// and at start-up every answer still unfinished belongs to a process that is gone.
import type { ChatDoneEvent } from '@gpu/shared';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Logger } from '../../../platform/logger.js';
import type { Redis } from '../../../platform/redis.js';
import { LEASE_DATA_KEY, LEASES_KEY, type AnswerLease } from './answer-leases.js';
import type { GenerationLocks } from './generation-locks.js';
import type { MessageStreamStore } from './stream-store.js';

export const SWEEP_EVERY_MS = 2_000;
const SWEEPER_LEASE_MS = 5_000;
const SWEEPER_KEY = 'chat:orphan-sweeper';
const BATCH = 50;

// KEYS: leases zset. ARGV: batch size. Expired members by Redis's clock.
const EXPIRED = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
return redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', now, 'LIMIT', 0, tonumber(ARGV[1]))`;

// Renews the sweeper lease for its holder, or takes it when free.
const TAKE = `
local cur = redis.call('GET', KEYS[1])
if cur == ARGV[1] or not cur then
  redis.call('SET', KEYS[1], ARGV[1], 'PX', tonumber(ARGV[2]))
  return 1
end
return 0`;

export const orphanDone = (messageId: string): ChatDoneEvent => ({
  messageId,
  finishReason: 'error',
  provider: 'unknown',
  model: 'unknown',
  usage: { promptTokens: 0, completionTokens: 0 },
});

/**
 * Marks an unfinished answer finished as "error"; false when it had finished meanwhile.
 * Raw SQL: guarded by `finish_reason is null` and merging into the JSON meta in one statement,
 * so an answer that finishes at the same moment is never overwritten.
 */
async function finishAsError(em: EntityManager, messageId: string): Promise<boolean> {
  const rows = await em.execute(
    `update messages set finish_reason = 'error', meta = meta || '{"orphaned": true}'::jsonb
      where id = ? and role = 'assistant' and finish_reason is null returning id`,
    [messageId],
  );
  return rows.length > 0;
}

export interface OrphanSweeperDeps {
  redis: Redis;
  em: () => EntityManager;
  store: MessageStreamStore;
  locks: GenerationLocks;
  instanceId: string;
  logger: Logger;
}

export class OrphanSweeper {
  private readonly timer: NodeJS.Timeout;
  private running = false;

  constructor(private readonly deps: OrphanSweeperDeps) {
    this.timer = setInterval(() => void this.tick(), SWEEP_EVERY_MS);
    this.timer.unref();
  }

  stop(): void {
    clearInterval(this.timer);
  }

  /** One sweep, if this instance holds (or takes) the sweeper lease. Returns the answers finished. */
  async sweep(): Promise<number> {
    const { redis } = this.deps;
    const mine = await redis.eval(TAKE, 1, SWEEPER_KEY, this.deps.instanceId, SWEEPER_LEASE_MS);
    if (mine !== 1) return 0;
    const ids = (await redis.eval(EXPIRED, 1, LEASES_KEY, BATCH)) as string[];
    let finished = 0;
    for (const messageId of ids) {
      const raw = await redis.hget(LEASE_DATA_KEY, messageId);
      const lease = raw ? (JSON.parse(raw) as AnswerLease) : undefined;
      if (await finishAsError(this.deps.em(), messageId)) {
        await this.deps.store.append(messageId, { type: 'done', event: orphanDone(messageId) });
        finished++;
      }
      if (lease) await this.deps.locks.release(lease.actorKey, lease.lockToken);
      await redis.multi().zrem(LEASES_KEY, messageId).hdel(LEASE_DATA_KEY, messageId).exec();
    }
    if (finished) this.deps.logger.warn({ finished }, 'finished answers orphaned by a dead instance');
    return finished;
  }

  private async tick(): Promise<void> {
    if (this.running || this.deps.redis.status !== 'ready') return;
    this.running = true;
    try {
      await this.sweep();
    } catch (err) {
      this.deps.logger.warn({ err: (err as Error).message }, 'orphan sweep failed');
    } finally {
      this.running = false;
    }
  }
}

/** Without Redis, at start-up: no other process can be generating, so every unfinished answer is an orphan. */
export async function finishAnswersLeftUnfinished(em: EntityManager): Promise<number> {
  const rows = await em.execute(
    `update messages set finish_reason = 'error', meta = meta || '{"orphaned": true}'::jsonb
      where role = 'assistant' and finish_reason is null returning id`,
  );
  return rows.length;
}
