// A MiniLM sentence model (EMBEDDINGS_MODEL) through @huggingface/transformers, in a worker
// thread so tokenization and ONNX inference never block the event loop. 384-d, mean-pooled,
// unit length.
//
// onnxruntime-node's native binding loads in one thread per process, once: a second thread
// fails with "Module did not self-register" and two at once abort the process (checked with
// onnxruntime-node 1.21; transformers.js#651). So the thread is a process-wide singleton:
// every embedder in the process shares it, closing the last one only unrefs it, and a failed
// load is remembered instead of retried.
import path from 'node:path';
import { EMBEDDING_DIM, type Embedder } from './embedder.js';
import { MiniLmThread } from './minilm-thread.js';
import { SENTENCE_MODELS, type ModelDtype, type SentenceModelName } from './sentence-models.js';

export interface MiniLmOptions {
  modelDir: string;
  name: SentenceModelName;
  dtype: ModelDtype;
  /** Download from the model hub into modelDir when the files are missing. */
  allowRemote: boolean;
  /** Texts per forward pass inside the worker (32, as sentence-transformers' encode). */
  batchSize?: number;
  /** Texts per worker request when concurrent requests are coalesced. */
  maxBatchTexts?: number;
  loadTimeoutMs?: number;
}

let shared: MiniLmThread | undefined;

export class MiniLmEmbedder implements Embedder {
  readonly dim = EMBEDDING_DIM;
  readonly lexical = false;
  private closed = false;

  private constructor(
    private readonly thread: MiniLmThread,
    /** `<repo>:<dtype>`, stored in gpus.embedding_model. */
    readonly model: string,
    /** How long this process's worker took to load the model and answer a probe. */
    readonly loadMs: number,
  ) {}

  /** Loads the model (or reuses this process's worker) and resolves once it answers. */
  static async load(opts: MiniLmOptions): Promise<MiniLmEmbedder> {
    const spec = SENTENCE_MODELS[opts.name];
    const modelDir = path.resolve(opts.modelDir);
    const model = `${spec.repo}:${opts.dtype}`;
    const key = `${modelDir}#${model}`;
    if (shared && shared.key !== key) {
      throw new Error(`the embedding worker already holds ${shared.key} in this process (one model per process)`);
    }
    shared ??= new MiniLmThread(key, {
      modelDir,
      repo: spec.repo,
      dtype: opts.dtype,
      maxTokens: spec.maxTokens,
      batchSize: opts.batchSize ?? 32,
      allowRemote: opts.allowRemote,
      model,
      maxBatchTexts: opts.maxBatchTexts ?? 64,
      loadTimeoutMs: opts.loadTimeoutMs ?? 120_000,
    });
    const thread = shared;
    const { dim, loadMs } = await thread.ready;
    if (dim !== EMBEDDING_DIM) {
      throw new Error(`${spec.repo} produces ${dim}-d vectors; the gpus.embedding column holds ${EMBEDDING_DIM}`);
    }
    thread.hold();
    return new MiniLmEmbedder(thread, model, loadMs);
  }

  async embed(texts: string[]): Promise<Float32Array[]> {
    if (texts.length === 0) return [];
    return this.thread.embed(texts);
  }

  failure(): string | null {
    return this.thread.failure;
  }

  /** Stops this process's worker for good (see MiniLmThread.terminate): every embedder in the process fails after it. */
  async terminateWorker(): Promise<void> {
    await this.thread.terminate();
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.thread.release();
  }
}
