// all-MiniLM-L6-v2 through @huggingface/transformers, in a worker thread so tokenisation
// and ONNX inference never block the event loop. 384-d, mean-pooled, unit length.
//
// onnxruntime-node's native binding can be loaded by one thread per process only (a second
// worker fails with "Module did not self-register", transformers.js#651). So the worker is
// a process-wide singleton: every embedder in the process shares it, closing the last one
// only unrefs it, and a failed load is remembered instead of retried.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { EMBEDDING_DIM, type Embedder } from './embedder.js';
import { MINILM_REPO, type MiniLmDtype } from './minilm-files.js';
import { MINILM_WORKER_SOURCE } from './minilm-worker-source.js';

export interface MiniLmOptions {
  modelDir: string;
  dtype: MiniLmDtype;
  /** Download from the model hub into modelDir when the files are missing. */
  allowRemote: boolean;
  loadTimeoutMs?: number;
}

type WorkerReply =
  | { type: 'ready' }
  | { type: 'load-error'; message: string }
  | { type: 'result'; id: number; data: Float32Array }
  | { type: 'error'; id: number; message: string };

/** The ESM build of transformers.js, resolved from here (the eval'd worker has no module context). */
function transformersUrl(): string {
  const cjs = createRequire(import.meta.url).resolve('@huggingface/transformers');
  const esm = path.join(path.dirname(cjs), 'transformers.node.mjs');
  return pathToFileURL(existsSync(esm) ? esm : cjs).href;
}

class MiniLmWorker {
  readonly ready: Promise<void>;
  users = 0;
  private nextId = 0;
  private readonly pending = new Map<number, { resolve: (v: Float32Array) => void; reject: (e: Error) => void }>();
  private readonly worker: Worker;

  constructor(
    readonly key: string,
    opts: MiniLmOptions,
  ) {
    this.worker = new Worker(MINILM_WORKER_SOURCE, {
      eval: true,
      workerData: {
        transformersUrl: transformersUrl(),
        modelDir: path.resolve(opts.modelDir),
        model: MINILM_REPO,
        dtype: opts.dtype,
        allowRemote: opts.allowRemote,
      },
    });
    const timeoutMs = opts.loadTimeoutMs ?? 120_000;
    this.ready = new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`model did not load within ${timeoutMs} ms`)), timeoutMs);
      this.worker.on('message', (msg: WorkerReply) => {
        if (msg.type === 'ready') {
          clearTimeout(timer);
          resolve();
        } else if (msg.type === 'load-error') {
          clearTimeout(timer);
          reject(new Error(msg.message));
        } else {
          const p = this.pending.get(msg.id);
          this.pending.delete(msg.id);
          if (msg.type === 'result') p?.resolve(msg.data);
          else p?.reject(new Error(`MiniLM inference failed: ${msg.message}`));
        }
      });
      this.worker.on('error', (err) => {
        clearTimeout(timer);
        reject(err);
        this.failAll(err);
      });
      this.worker.on('exit', () => this.failAll(new Error('MiniLM worker exited')));
    });
    // A failed load leaves an idle worker that must not keep the process alive.
    this.ready.catch(() => this.worker.unref());
  }

  run(texts: string[]): Promise<Float32Array> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.worker.postMessage({ id, texts });
    });
  }

  hold(): void {
    if (this.users++ === 0) this.worker.ref();
  }

  release(): void {
    if (--this.users === 0) this.worker.unref();
  }

  private failAll(err: Error): void {
    for (const p of this.pending.values()) p.reject(err);
    this.pending.clear();
  }
}

let shared: MiniLmWorker | undefined;

export class MiniLmEmbedder implements Embedder {
  readonly dim = EMBEDDING_DIM;
  readonly lexical = false;
  readonly model: string;
  private closed = false;

  private constructor(
    private readonly worker: MiniLmWorker,
    dtype: MiniLmDtype,
  ) {
    this.model = `${MINILM_REPO}:${dtype}`;
  }

  /** Loads the model (or reuses this process's worker) and resolves once it answers. */
  static async load(opts: MiniLmOptions): Promise<MiniLmEmbedder> {
    const key = `${path.resolve(opts.modelDir)}#${opts.dtype}`;
    if (shared && shared.key !== key) {
      throw new Error(`MiniLM is already loaded from ${shared.key} in this process (one model per process)`);
    }
    shared ??= new MiniLmWorker(key, opts);
    const worker = shared;
    await worker.ready;
    worker.hold();
    return new MiniLmEmbedder(worker, opts.dtype);
  }

  async embed(texts: string[]): Promise<Float32Array[]> {
    if (texts.length === 0) return [];
    const flat = await this.worker.run(texts);
    return texts.map((_, i) => flat.slice(i * this.dim, (i + 1) * this.dim));
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.worker.release();
  }
}
