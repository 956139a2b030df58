// Messages between the embedder (main thread) and its worker thread (minilm-worker.ts).
import type { ModelDtype } from './sentence-models.js';

export interface WorkerSetup {
  /** MODEL_DIR, absolute: transformers.js reads `<modelDir>/<repo>/...` from it. */
  modelDir: string;
  repo: string;
  dtype: ModelDtype;
  /** Word pieces per text; longer texts are truncated. */
  maxTokens: number;
  /** Texts per forward pass inside one request. */
  batchSize: number;
  /** Download missing files from the model hub into modelDir. */
  allowRemote: boolean;
}

export interface EmbedRequest {
  id: number;
  texts: string[];
}

export type WorkerReply =
  | { type: 'ready'; dim: number }
  | { type: 'load-error'; message: string }
  /** `data` holds the vectors one after another, `dim` floats each, in request order. */
  | { type: 'result'; id: number; data: Float32Array }
  | { type: 'error'; id: number; message: string };
