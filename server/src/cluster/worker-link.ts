// A worker's end of the IPC pipe to the cluster primary: relayed domain events, request/reply calls (shared in-memory state kept by the primary) and
// followed streams. One per worker process.
import cluster from 'node:cluster';
import { CHANNEL, isClusterMessage, type PrimaryToWorker, type WorkerMessage } from './messages.js';

type Pending = { resolve: (v: unknown) => void; reject: (e: Error) => void; timer: NodeJS.Timeout };
type Follower = { entry: (e: unknown) => void; end: (error?: string) => void };

export const CALL_TIMEOUT_MS = 5_000;

export class WorkerLink {
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  private readonly busHandlers = new Set<(type: string, payload: unknown) => void>();
  private readonly followers = new Map<number, Follower>();

  constructor() {
    process.on('message', (msg) => {
      if (isClusterMessage<PrimaryToWorker>(msg)) this.receive(msg);
    });
    // The primary is gone: fail what waits on it instead of hanging.
    process.on('disconnect', () => {
      for (const [id, p] of this.pending) {
        clearTimeout(p.timer);
        p.reject(new Error('cluster primary disconnected'));
        this.pending.delete(id);
      }
      for (const f of this.followers.values()) f.end('cluster primary disconnected');
      this.followers.clear();
    });
  }

  get connected(): boolean {
    return Boolean(process.connected);
  }

  /** Best effort: false when the pipe is closed (shutting down). */
  send(msg: WorkerMessage): boolean {
    if (!process.send || !process.connected) return false;
    process.send({ channel: CHANNEL, ...msg }, undefined, {}, () => undefined);
    return true;
  }

  publish(type: string, payload: unknown): boolean {
    return this.send({ kind: 'bus', type, payload });
  }

  onBus(handler: (type: string, payload: unknown) => void): () => void {
    this.busHandlers.add(handler);
    return () => this.busHandlers.delete(handler);
  }

  /** Runs `op` in the primary and resolves with its result. */
  call<T>(op: string, args: unknown[], timeoutMs = CALL_TIMEOUT_MS): Promise<T> {
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        reject(new Error(`cluster call ${op} timed out`));
      }, timeoutMs);
      this.pending.set(id, { resolve: resolve as (v: unknown) => void, reject, timer });
      if (!this.send({ kind: 'call', id, op, args })) {
        clearTimeout(timer);
        this.pending.delete(id);
        reject(new Error('cluster primary disconnected'));
      }
    });
  }

  /**
   * Entries of a stream kept by the primary, from the start, until it ends, the deadline
   * passes or `signal` aborts.
   */
  async *follow(stream: string, key: string, opts: { signal: AbortSignal; deadline: number }): AsyncIterable<unknown> {
    const subId = this.nextId++;
    const queue: unknown[] = [];
    let ended = false;
    let failure: string | undefined;
    let wake: (() => void) | undefined;
    const notify = () => {
      wake?.();
      wake = undefined;
    };
    this.followers.set(subId, {
      entry: (e) => {
        queue.push(e);
        notify();
      },
      end: (error) => {
        ended = true;
        failure = error;
        notify();
      },
    });
    const onAbort = () => notify();
    opts.signal.addEventListener('abort', onAbort, { once: true });
    try {
      if (!this.send({ kind: 'follow', subId, stream, key, deadline: opts.deadline })) return;
      for (;;) {
        while (queue.length) yield queue.shift();
        if (ended || opts.signal.aborted) break;
        await new Promise<void>((r) => (wake = r));
      }
      if (failure && !opts.signal.aborted) throw new Error(failure);
    } finally {
      opts.signal.removeEventListener('abort', onAbort);
      this.followers.delete(subId);
      if (!ended) this.send({ kind: 'unfollow', subId });
    }
  }

  private receive(msg: PrimaryToWorker): void {
    switch (msg.kind) {
      case 'bus':
        for (const h of this.busHandlers) h(msg.type, msg.payload);
        break;
      case 'reply': {
        const p = this.pending.get(msg.id);
        if (!p) return;
        this.pending.delete(msg.id);
        clearTimeout(p.timer);
        if (msg.ok) p.resolve(msg.value);
        else p.reject(new Error(msg.error));
        break;
      }
      case 'follow-entry':
        this.followers.get(msg.subId)?.entry(msg.entry);
        break;
      case 'follow-end':
        this.followers.get(msg.subId)?.end(msg.error);
        break;
    }
  }
}

let link: WorkerLink | undefined;

/** This worker's link to the primary (only valid in a cluster worker). */
export function workerLink(): WorkerLink {
  if (!cluster.isWorker) throw new Error('workerLink() is only available in a cluster worker');
  return (link ??= new WorkerLink());
}
