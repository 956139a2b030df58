// The primary's end of the IPC pipes (WORKERS > 1): relays domain events to every worker,
// answers calls against state that must be shared by the workers when there is no Redis
// (token streams, generation locks), and serves followed streams. Without Redis the primary
// is the one place all workers can meet.
import cluster, { type Worker } from 'node:cluster';
import type { Logger } from '../platform/logger.js';
import { CHANNEL, isClusterMessage, type PrimaryMessage, type WorkerToPrimary } from './messages.js';

export type CallHandler = (args: unknown[]) => Promise<unknown>;
export type FollowHandler = (key: string, opts: { signal: AbortSignal; deadline: number }) => AsyncIterable<unknown>;

export function sendToWorker(worker: Worker, msg: PrimaryMessage): void {
  if (!worker.isConnected()) return;
  worker.send({ channel: CHANNEL, ...msg }, undefined, () => undefined);
}

export class ClusterHub {
  private readonly calls = new Map<string, CallHandler>();
  private readonly streams = new Map<string, FollowHandler>();
  /** Open follows per worker id, so a dead worker's follows are stopped. */
  private readonly follows = new Map<number, Map<number, AbortController>>();
  private readonly onMessage = (worker: Worker, msg: unknown) => {
    if (isClusterMessage<WorkerToPrimary>(msg)) this.receive(worker, msg);
  };
  private readonly onExit = (worker: Worker) => this.abortFollows(worker.id);

  constructor(private readonly logger: Logger) {
    cluster.on('message', this.onMessage);
    cluster.on('exit', this.onExit);
  }

  handle(op: string, fn: CallHandler): this {
    this.calls.set(op, fn);
    return this;
  }

  followable(stream: string, fn: FollowHandler): this {
    this.streams.set(stream, fn);
    return this;
  }

  broadcast(msg: PrimaryMessage): void {
    for (const worker of Object.values(cluster.workers ?? {})) if (worker) sendToWorker(worker, msg);
  }

  close(): void {
    cluster.off('message', this.onMessage);
    cluster.off('exit', this.onExit);
    for (const id of [...this.follows.keys()]) this.abortFollows(id);
  }

  private abortFollows(workerId: number): void {
    for (const ctl of this.follows.get(workerId)?.values() ?? []) ctl.abort();
    this.follows.delete(workerId);
  }

  private receive(worker: Worker, msg: WorkerToPrimary): void {
    switch (msg.kind) {
      case 'bus':
        // Every worker, the publisher included, delivers through this relay (as with Redis).
        this.broadcast({ kind: 'bus', type: msg.type, payload: msg.payload });
        break;
      case 'call':
        void this.answer(worker, msg.id, msg.op, msg.args);
        break;
      case 'follow':
        void this.serveFollow(worker, msg.subId, msg.stream, msg.key, msg.deadline);
        break;
      case 'unfollow':
        this.follows.get(worker.id)?.get(msg.subId)?.abort();
        break;
      case 'ready':
        break;
    }
  }

  private async answer(worker: Worker, id: number, op: string, args: unknown[]): Promise<void> {
    const fn = this.calls.get(op);
    try {
      if (!fn) throw new Error(`unknown cluster call ${op}`);
      const value = await fn(args);
      sendToWorker(worker, { kind: 'reply', id, ok: true, value });
    } catch (err) {
      sendToWorker(worker, { kind: 'reply', id, ok: false, error: (err as Error).message });
    }
  }

  private async serveFollow(worker: Worker, subId: number, stream: string, key: string, deadline: number) {
    const fn = this.streams.get(stream);
    if (!fn) {
      sendToWorker(worker, { kind: 'follow-end', subId, error: `unknown cluster stream ${stream}` });
      return;
    }
    const ctl = new AbortController();
    const mine = this.follows.get(worker.id) ?? new Map<number, AbortController>();
    this.follows.set(worker.id, mine.set(subId, ctl));
    try {
      for await (const entry of fn(key, { signal: ctl.signal, deadline })) {
        if (ctl.signal.aborted) break;
        sendToWorker(worker, { kind: 'follow-entry', subId, entry });
      }
      if (!ctl.signal.aborted) sendToWorker(worker, { kind: 'follow-end', subId });
    } catch (err) {
      this.logger.warn({ err: (err as Error).message, stream }, 'cluster follow failed');
      sendToWorker(worker, { kind: 'follow-end', subId, error: (err as Error).message });
    } finally {
      mine.delete(subId);
    }
  }
}
