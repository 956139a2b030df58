// The domain-event bus: services say what happened; the realtime gateway (and caches)
// react. Redis pub/sub joins instances when Redis is configured; in-process otherwise. On a
// Redis Cluster it uses sharded pub/sub (SPUBLISH/SSUBSCRIBE, one channel per event type,
// each owned by one shard) instead of classic pub/sub, which every node relays to every other.
import { EventEmitter } from 'node:events';
import type { OrderCreatedEvent } from '@gpu/shared';
import type { Cart } from '@gpu/shared';
import type { Logger } from './logger.js';
import { closeRedis, type Redis, type RedisMode } from './redis.js';

export interface DomainEvents {
  'stock.changed': { gpuId: string; stock: number; version: number; reason: string };
  'cart.changed': { userId: string; cart: Cart };
  'order.created': OrderCreatedEvent;
  'catalog.changed': { gpuId: string | null };
  /** chat:stop reached an instance that is not generating the answer: the one that is aborts it. */
  'chat.stop-requested': { messageId: string };
}
export type DomainEventName = keyof DomainEvents;

// Every event type (a Record, so a type missing here is a compile error): sharded pub/sub has
// no patterns, so subscribers name each channel.
const eventTypes: Record<DomainEventName, true> = {
  'stock.changed': true,
  'cart.changed': true,
  'order.created': true,
  'catalog.changed': true,
  'chat.stop-requested': true,
};
export const domainEventNames = Object.keys(eventTypes) as DomainEventName[];
export type Handler<K extends DomainEventName> = (payload: DomainEvents[K]) => void;

export interface EventBus {
  publish<K extends DomainEventName>(type: K, payload: DomainEvents[K]): Promise<void>;
  subscribe<K extends DomainEventName>(type: K, handler: Handler<K>): () => void;
  /**
   * While events are being delivered, a number that changes whenever some may have been
   * missed (a resubscription); null while they are not. In-process caches that rely on
   * invalidation events trust their entries only within one epoch.
   */
  deliveryEpoch(): number | null;
  close(): Promise<void>;
}

export class MemoryBus implements EventBus {
  private readonly emitter = new EventEmitter().setMaxListeners(0);
  async publish<K extends DomainEventName>(type: K, payload: DomainEvents[K]): Promise<void> {
    // Deliver asynchronously, as a network bus would, so publishers never run handlers inline.
    queueMicrotask(() => this.emitter.emit(type, payload));
  }
  subscribe<K extends DomainEventName>(type: K, handler: Handler<K>): () => void {
    this.emitter.on(type, handler);
    return () => this.emitter.off(type, handler);
  }
  deliveryEpoch(): number {
    return 0;
  }
  async close(): Promise<void> {
    this.emitter.removeAllListeners();
  }
}

const channelPrefix = 'bus:';
// On a cluster the event type is the hash tag, so each type's channel has its own slot.
const shardedChannel = (type: string) => `${channelPrefix}{${type}}`;
const typeOfShardedChannel = (channel: string) => channel.slice(channelPrefix.length + 1, -1);

/** Redis pub/sub bus: every instance (the publisher included) receives through its subscription. */
export class RedisBus implements EventBus {
  private readonly local = new EventEmitter().setMaxListeners(0);
  private epoch = 0;
  private subscribed = false;

  constructor(
    private readonly pub: Redis,
    private readonly sub: Redis,
    private readonly mode: RedisMode,
    private readonly logger: Logger,
  ) {
    const onSubscribed = () => (this.subscribed = true);
    const onError = (err: Error) =>
      this.logger.warn({ err: err.message }, 'bus subscribe failed; will retry on reconnect');
    // ioredis re-subscribes by itself after a reconnect (on a cluster, per master).
    if (mode === 'cluster') {
      // One call per channel: the channels live in different slots, so on different masters.
      void Promise.all(domainEventNames.map((type) => this.sub.ssubscribe(shardedChannel(type)))).then(
        onSubscribed,
        onError,
      );
      this.sub.on('smessage', (channel: string, message: string) =>
        this.deliver(typeOfShardedChannel(channel), channel, message),
      );
    } else {
      void this.sub.psubscribe(`${channelPrefix}*`).then(onSubscribed, onError);
      this.sub.on('pmessage', (_pattern: string, channel: string, message: string) =>
        this.deliver(channel.slice(channelPrefix.length), channel, message),
      );
    }
    // Messages published while the subscriber was away are lost: a new epoch on every reconnect.
    this.sub.on('ready', () => void this.epoch++);
  }

  private deliver(type: string, channel: string, message: string): void {
    try {
      this.local.emit(type, JSON.parse(message));
    } catch (err) {
      this.logger.error({ err, channel }, 'bad bus message');
    }
  }

  async publish<K extends DomainEventName>(type: K, payload: DomainEvents[K]): Promise<void> {
    if (this.pub.status !== 'ready') {
      // While Redis is down a command waits in ioredis' offline queue for seconds before it
      // fails; the publisher (an HTTP request) must not wait for that. Drop it instead.
      this.logger.warn({ type }, 'bus publish dropped (redis not ready)');
      return;
    }
    try {
      const message = JSON.stringify(payload);
      if (this.mode === 'cluster') await this.pub.spublish(shardedChannel(type), message);
      else await this.pub.publish(channelPrefix + type, message);
    } catch (err) {
      // The change is committed in the database; watchers resync on reconnect (stock:watch ack).
      this.logger.warn({ err: (err as Error).message, type }, 'bus publish failed (redis down?)');
    }
  }

  subscribe<K extends DomainEventName>(type: K, handler: Handler<K>): () => void {
    this.local.on(type, handler);
    return () => this.local.off(type, handler);
  }

  deliveryEpoch(): number | null {
    return this.subscribed && this.sub.status === 'ready' ? this.epoch : null;
  }

  async close(): Promise<void> {
    this.local.removeAllListeners();
    await closeRedis(this.sub);
  }
}
