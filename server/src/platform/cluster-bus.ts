// The bus for cluster workers without Redis (WORKERS > 1, no REDIS_URL): events go to the
// primary over IPC and the primary relays them to every worker, the publisher included,
// so each worker reacts exactly once per event, as with the Redis bus.
import { EventEmitter } from 'node:events';
import type { DomainEventName, DomainEvents, EventBus, Handler } from './bus.js';
import type { Logger } from './logger.js';
import type { WorkerLink } from '../cluster/worker-link.js';

export class ClusterBus implements EventBus {
  private readonly local = new EventEmitter().setMaxListeners(0);
  private readonly off: () => void;

  constructor(
    private readonly link: WorkerLink,
    private readonly logger: Logger,
  ) {
    this.off = link.onBus((type, payload) => this.local.emit(type, payload));
  }

  async publish<K extends DomainEventName>(type: K, payload: DomainEvents[K]): Promise<void> {
    // Like Redis being down: the change is committed; watchers resync on reconnect.
    if (!this.link.publish(type, payload)) this.logger.warn({ type }, 'bus publish dropped (cluster primary gone)');
  }

  subscribe<K extends DomainEventName>(type: K, handler: Handler<K>): () => void {
    this.local.on(type, handler);
    return () => this.local.off(type, handler);
  }

  async close(): Promise<void> {
    this.off();
    this.local.removeAllListeners();
  }
}
