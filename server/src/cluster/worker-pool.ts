// The primary's workers: fork N, re-fork a crashed one with exponential backoff, and stop
// them all on shutdown within a deadline.
//
// @socket.io/sticky hands a new connection to the worker with the fewest connections
// (`worker.clientsCount`), and a just-forked worker has none, so it would receive every new
// connection while it is still booting and not yet listening for them. Until a worker says
// it is ready its count is held at Infinity: the balancer never picks it. Sticky also
// breaks ties by taking the first worker, so plain HTTP requests (which add no connection
// count) would all land on one worker; `breakTies` adds a random fraction below one to each
// count, so equal counts are chosen at random and unequal ones still by least connections.
import cluster, { type Worker } from 'node:cluster';
import type { Logger } from '../platform/logger.js';
import { isReady } from './messages.js';

const BACKOFF_BASE_MS = 500;
const BACKOFF_MAX_MS = 30_000;
/** A worker that lived this long resets its slot's backoff. */
const STABLE_AFTER_MS = 30_000;

type Balanced = Worker & { clientsCount?: number };

interface Slot {
  index: number;
  worker?: Balanced;
  startedAt: number;
  failures: number;
  ready: boolean;
  timer?: NodeJS.Timeout;
}

export interface WorkerPoolEvents {
  /** A worker of the first generation exited before it was ready (start-up failed). */
  onStartFailure(code: number | null): void;
}

export class WorkerPool {
  private readonly slots: Slot[];
  private stopping = false;
  private everReady = false;
  private readyWaiters: (() => void)[] = [];

  /** Extra environment for every worker (the embedded database, a shared JWT secret). */
  env: Record<string, string> = {};

  constructor(
    count: number,
    private readonly logger: Logger,
    private readonly events: WorkerPoolEvents,
  ) {
    this.slots = Array.from({ length: count }, (_, index) => ({ index, startedAt: 0, failures: 0, ready: false }));
  }

  start(): void {
    for (const slot of this.slots) this.fork(slot);
  }

  /** Resolves once every worker has reported ready (the first time). */
  allReady(): Promise<void> {
    if (this.slots.every((s) => s.ready)) return Promise.resolve();
    return new Promise((resolve) => this.readyWaiters.push(resolve));
  }

  /** Call on every new connection, before sticky picks its worker. */
  breakTies(): void {
    for (const slot of this.slots) {
      const w = slot.worker;
      if (slot.ready && w && Number.isFinite(w.clientsCount))
        w.clientsCount = Math.floor(w.clientsCount ?? 0) + Math.random() * 0.5;
    }
  }

  get size(): number {
    return this.slots.filter((s) => s.worker).length;
  }

  /** SIGTERM to every worker; SIGKILL whoever is still running after `timeoutMs`. Resolves true if all exited by themselves. */
  async stop(timeoutMs: number): Promise<boolean> {
    this.stopping = true;
    const running: Promise<void>[] = [];
    for (const slot of this.slots) {
      clearTimeout(slot.timer);
      const worker = slot.worker;
      if (!worker || worker.isDead()) continue;
      running.push(new Promise((resolve) => worker.once('exit', () => resolve())));
      // Not worker.kill(): it first cuts the IPC pipe the worker still needs while draining.
      worker.process.kill('SIGTERM');
    }
    let timer: NodeJS.Timeout | undefined;
    const inTime = await Promise.race([
      Promise.all(running).then(() => true),
      new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), timeoutMs))),
    ]);
    clearTimeout(timer);
    if (!inTime) {
      for (const slot of this.slots) if (slot.worker && !slot.worker.isDead()) slot.worker.process.kill('SIGKILL');
      this.logger.error('workers did not stop in time; killed');
      await Promise.all(running);
    }
    return inTime;
  }

  private fork(slot: Slot): void {
    const worker: Balanced = cluster.fork(this.env);
    worker.clientsCount = Number.POSITIVE_INFINITY;
    slot.worker = worker;
    slot.ready = false;
    slot.startedAt = Date.now();
    worker.on('message', (msg: unknown) => {
      if (isReady(msg)) this.markReady(slot, worker);
    });
    worker.once('exit', (code, signal) => this.exited(slot, worker, code, signal));
    // A send to a worker that just died (e.g. a rate-limit answer) emits `error`: never fatal here.
    worker.on('error', (err) => this.logger.warn({ worker: slot.index, err: err.message }, 'cluster worker IPC error'));
  }

  private markReady(slot: Slot, worker: Balanced): void {
    if (slot.worker !== worker) return;
    slot.ready = true;
    worker.clientsCount = 0;
    this.logger.info({ worker: slot.index, pid: worker.process.pid }, 'cluster worker ready');
    if (this.slots.every((s) => s.ready)) {
      this.everReady = true;
      for (const resolve of this.readyWaiters.splice(0)) resolve();
    }
  }

  private exited(slot: Slot, worker: Worker, code: number | null, signal: string | null): void {
    if (slot.worker !== worker) return;
    slot.worker = undefined;
    const wasReady = slot.ready;
    slot.ready = false;
    if (this.stopping) return;
    if (!this.everReady && !wasReady) {
      this.events.onStartFailure(code);
      return;
    }
    if (Date.now() - slot.startedAt > STABLE_AFTER_MS) slot.failures = 0;
    const delay = Math.min(BACKOFF_MAX_MS, BACKOFF_BASE_MS * 2 ** slot.failures);
    slot.failures += 1;
    this.logger.error(
      { worker: slot.index, pid: worker.process.pid, code, signal, restartInMs: delay },
      'cluster worker exited; restarting',
    );
    slot.timer = setTimeout(() => {
      if (!this.stopping) this.fork(slot);
    }, delay);
  }
}
