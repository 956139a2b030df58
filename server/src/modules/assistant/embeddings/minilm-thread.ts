// The main thread's handle on the embedding worker (minilm-worker.ts): starts it from its
// file, waits for the model to load, and feeds it one request at a time. Requests that
// arrive while the worker is busy wait and then go together as one request (up to
// `maxBatchTexts` texts), so concurrent searches share forward passes.
import { Worker } from 'node:worker_threads';
import { embeddingBatchTexts, embeddingDuration } from '../../../platform/metrics.js';
import type { EmbedRequest, WorkerReply, WorkerSetup } from './minilm-protocol.js';

interface Waiting {
  texts: string[];
  resolve: (vectors: Float32Array[]) => void;
  reject: (err: Error) => void;
}

/**
 * The worker's file beside this one: `.js` in the built server, started as is. From the
 * sources (tsx, vitest) it is `.ts`, and Node 20 applies no loader given to a worker thread
 * (`--import tsx` in execArgv or inherited): the thread must register tsx itself before it
 * imports the file, so it starts from a one-line bootstrap. tsx is a dev dependency; the
 * built server never takes this path.
 */
function startWorker(workerData: WorkerSetup): Worker {
  if (!import.meta.url.endsWith('.ts'))
    return new Worker(new URL('./minilm-worker.js', import.meta.url), { workerData });
  const tsx = JSON.stringify(import.meta.resolve('tsx/esm/api'));
  const entry = JSON.stringify(new URL('./minilm-worker.ts', import.meta.url).href);
  return new Worker(`import(${tsx}).then((tsx) => { tsx.register(); return import(${entry}); });`, {
    eval: true,
    workerData,
  });
}

export class MiniLmThread {
  /** Resolves once the model answered a probe; `loadMs` is the thread's start-up cost. */
  readonly ready: Promise<{ dim: number; loadMs: number }>;
  private readonly worker: Worker;
  private readonly queue: Waiting[] = [];
  private inFlight: { id: number; batch: Waiting[]; dim: number; endTimer: () => void } | undefined;
  private nextId = 0;
  private dim = 0;
  private dead: Error | undefined;
  private users = 0;

  constructor(
    readonly key: string,
    private readonly setup: WorkerSetup & { model: string; maxBatchTexts: number; loadTimeoutMs: number },
  ) {
    const started = performance.now();
    const { model: _model, maxBatchTexts: _max, loadTimeoutMs: _timeout, ...workerData } = setup;
    this.worker = startWorker(workerData);
    this.ready = new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        reject(new Error(`model did not load within ${setup.loadTimeoutMs} ms`));
        void this.worker.terminate();
      }, setup.loadTimeoutMs);
      this.worker.on('message', (msg: WorkerReply) => {
        if (msg.type === 'ready') {
          clearTimeout(timer);
          this.dim = msg.dim;
          resolve({ dim: msg.dim, loadMs: Math.round(performance.now() - started) });
          this.pump();
        } else if (msg.type === 'load-error') {
          clearTimeout(timer);
          reject(new Error(msg.message));
          void this.worker.terminate();
        } else this.settle(msg);
      });
      this.worker.on('error', (thrown: unknown) => {
        const err = thrown instanceof Error ? thrown : new Error(String(thrown));
        clearTimeout(timer);
        reject(err);
        this.fail(new Error(`the embedding worker failed: ${err.message}`));
      });
      this.worker.on('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`the embedding worker exited (code ${code}) before the model loaded`));
        this.fail(new Error(`the embedding worker exited (code ${code}); restart the process to load the model again`));
      });
    });
    // A failed load must not keep the process alive.
    this.ready.catch(() => this.worker.unref());
  }

  embed(texts: string[]): Promise<Float32Array[]> {
    if (this.dead) return Promise.reject(this.dead);
    return new Promise((resolve, reject) => {
      this.queue.push({ texts, resolve, reject });
      this.pump();
    });
  }

  /** Why the worker can no longer embed, or null. */
  get failure(): string | null {
    return this.dead?.message ?? null;
  }

  /**
   * Ends the worker for good: in-flight and later requests fail as after a crash (the native
   * binding cannot load a second time in this process). Process exit does it implicitly.
   */
  async terminate(): Promise<void> {
    this.fail(new Error('the embedding worker was stopped; restart the process to load the model again'));
    await this.worker.terminate();
  }

  /** Keeps the process alive while at least one embedder uses the thread. */
  hold(): void {
    if (this.users++ === 0) this.worker.ref();
  }

  release(): void {
    if (--this.users === 0) this.worker.unref();
  }

  private pump(): void {
    if (this.inFlight || this.queue.length === 0 || this.dim === 0) return;
    const batch: Waiting[] = [this.queue.shift()!];
    let count = batch[0]!.texts.length;
    while (this.queue.length && count + this.queue[0]!.texts.length <= this.setup.maxBatchTexts) {
      const next = this.queue.shift()!;
      batch.push(next);
      count += next.texts.length;
    }
    const id = this.nextId++;
    const labels = { model: this.setup.model };
    embeddingBatchTexts.observe(labels, count);
    this.inFlight = { id, batch, dim: this.dim, endTimer: embeddingDuration.startTimer(labels) };
    const request: EmbedRequest = { id, texts: batch.flatMap((w) => w.texts) };
    this.worker.postMessage(request);
  }

  private settle(msg: Extract<WorkerReply, { id: number }>): void {
    const job = this.inFlight;
    if (!job || job.id !== msg.id) return;
    this.inFlight = undefined;
    job.endTimer();
    if (msg.type === 'error') {
      const err = new Error(`embedding failed: ${msg.message}`);
      for (const w of job.batch) w.reject(err);
    } else {
      let offset = 0;
      for (const w of job.batch) {
        const vectors = w.texts.map((_, i) => msg.data.slice((offset + i) * job.dim, (offset + i + 1) * job.dim));
        offset += w.texts.length;
        const broken = vectors.findIndex((v) => v.some((x) => !Number.isFinite(x)));
        if (broken >= 0) w.reject(new Error(`the model produced a non-finite vector for text ${broken}`));
        else w.resolve(vectors);
      }
    }
    this.pump();
  }

  private fail(err: Error): void {
    this.dead ??= err;
    for (const w of [...(this.inFlight?.batch ?? []), ...this.queue.splice(0)]) w.reject(err);
    this.inFlight = undefined;
  }
}
