// Live figures for the admin dashboard (`stats`), counted across ALL instances.
//
// Each instance writes a heartbeat key with a TTL (`realtime:{instances}:<id>` -> its clients
// and chats) and lists its id in a set (one hash tag: MULTI and MGET stay in one cluster slot); a reader sums the keys that still exist and prunes
// ids whose key expired. Expiry is judged by Redis's own clock, so instance clock skew does
// not matter, and a crashed instance drops out within one TTL. Without Redis there is only
// this instance.
import type { StatsEvent } from '@gpu/shared';
import type { Logger } from '../platform/logger.js';
import type { Redis } from '../platform/redis.js';

export const STATS_INTERVAL_MS = 3_000;
const HEARTBEAT_TTL_MS = STATS_INTERVAL_MS * 3;
const SET_KEY = 'realtime:{instances}';
const instanceKey = (id: string) => `realtime:{instances}:${id}`;

export interface InstanceLoad {
  clients: number;
  chats: number;
}

export class InstanceRegistry {
  constructor(
    private readonly redis: Redis | undefined,
    private readonly instanceId: string,
  ) {}

  /** Records this instance's load and returns the totals over every live instance. */
  async report(load: InstanceLoad): Promise<StatsEvent> {
    const redis = this.redis;
    if (!redis) return { connectedClients: load.clients, activeChats: load.chats, instances: 1 };
    // Fail fast while Redis is down instead of queueing behind ioredis' reconnect attempts.
    if (redis.status !== 'ready') throw new Error(`redis is ${redis.status}`);
    await redis
      .multi()
      .set(instanceKey(this.instanceId), JSON.stringify(load), 'PX', HEARTBEAT_TTL_MS)
      .sadd(SET_KEY, this.instanceId)
      .exec();
    const ids = await redis.smembers(SET_KEY);
    const values = ids.length ? await redis.mget(ids.map(instanceKey)) : [];
    const totals: StatsEvent = { connectedClients: 0, activeChats: 0, instances: 0 };
    const dead: string[] = [];
    values.forEach((raw, i) => {
      if (raw === null) {
        dead.push(ids[i]!);
        return;
      }
      const l = JSON.parse(raw) as InstanceLoad;
      totals.connectedClients += l.clients;
      totals.activeChats += l.chats;
      totals.instances += 1;
    });
    if (dead.length) await redis.srem(SET_KEY, ...dead);
    return totals;
  }

  /** Leaves the count at shutdown instead of lingering for one TTL. */
  async leave(): Promise<void> {
    await this.redis?.multi().del(instanceKey(this.instanceId)).srem(SET_KEY, this.instanceId).exec();
  }
}

export interface StatsLoop {
  /** Fresh totals (also refreshes this instance's heartbeat). */
  current(): Promise<StatsEvent>;
  stop(): Promise<void>;
}

/** Every STATS_INTERVAL_MS: heartbeat, then hand the totals to `emit` (admins on this instance). */
export function startStatsLoop(opts: {
  registry: InstanceRegistry;
  load: () => Promise<InstanceLoad>;
  emit: (stats: StatsEvent) => void;
  logger: Logger;
}): StatsLoop {
  const current = async () => opts.registry.report(await opts.load());
  let failing = false;
  const tick = () => {
    current().then(
      (stats) => {
        failing = false;
        opts.emit(stats);
      },
      (err: unknown) => {
        // Redis is down: skip this round (admins keep the last figures) rather than report
        // this instance alone as if it were the whole fleet.
        if (!failing) opts.logger.warn({ err: (err as Error).message }, 'instance stats unavailable');
        failing = true;
      },
    );
  };
  tick();
  const timer = setInterval(tick, STATS_INTERVAL_MS);
  timer.unref();
  return {
    current,
    async stop() {
      clearInterval(timer);
      await opts.registry.leave().catch(() => undefined);
    },
  };
}
