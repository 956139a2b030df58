// The sentence models EMBEDDINGS_MODEL selects, and where their files live on disk: MODEL_DIR
// in the model hub's layout (`<MODEL_DIR>/Xenova/<name>/{config.json, tokenizer*.json,
// onnx/model*.onnx}`), which scripts/fetch-model.mjs writes and transformers.js reads.
// Both are BERT-shaped MiniLM models with 384-d outputs (the `gpus.embedding` column), read
// with mean pooling over the attention mask and L2 normalization, as their model cards say
// (all-MiniLM-L6-v2 ends in a Normalize module; the multilingual one does not, but cosine
// distance ignores length, so unit vectors rank the same and keep the Embedder contract).
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Config } from '../../../config.js';

export type SentenceModelName = Config['EMBEDDINGS_MODEL'];

export interface SentenceModel {
  /** The transformers.js export on the model hub, and the folder under MODEL_DIR. */
  repo: string;
  /**
   * Word pieces the model was trained on (sentence-transformers' max_seq_length); longer texts
   * are truncated. The tokenizers say 512, which only bounds the position embeddings.
   */
  maxTokens: number;
  languages: string;
}

export const SENTENCE_MODELS: Record<SentenceModelName, SentenceModel> = {
  'paraphrase-multilingual-MiniLM-L12-v2': {
    repo: 'Xenova/paraphrase-multilingual-MiniLM-L12-v2',
    maxTokens: 128,
    languages: '50+ languages, Spanish and English among them',
  },
  'all-MiniLM-L6-v2': { repo: 'Xenova/all-MiniLM-L6-v2', maxTokens: 256, languages: 'English' },
};

export const MODEL_REQUIRED = ['config.json', 'tokenizer.json', 'tokenizer_config.json'];
/** fp32 weights first (transformers.js's default on CPU), the 8-bit quantized ones otherwise. */
export const MODEL_WEIGHTS = [
  { file: 'onnx/model.onnx', dtype: 'fp32' },
  { file: 'onnx/model_quantized.onnx', dtype: 'q8' },
] as const;

export type ModelDtype = (typeof MODEL_WEIGHTS)[number]['dtype'];

export type ModelLocation =
  { found: true; modelDir: string; dtype: ModelDtype } | { found: false; modelDir: string; missing: string[] };

export function locateModel(modelDir: string, name: SentenceModelName): ModelLocation {
  const { repo } = SENTENCE_MODELS[name];
  const root = path.resolve(modelDir);
  const dir = path.join(root, ...repo.split('/'));
  const missing = MODEL_REQUIRED.filter((f) => !existsSync(path.join(dir, f)));
  const weights = MODEL_WEIGHTS.find((w) => existsSync(path.join(dir, w.file)));
  if (!weights) missing.push(MODEL_WEIGHTS.map((w) => w.file).join(' or '));
  return missing.length || !weights
    ? { found: false, modelDir: root, missing: missing.map((f) => `${repo}/${f}`) }
    : { found: true, modelDir: root, dtype: weights.dtype };
}
