// Where all-MiniLM-L6-v2 lives on disk: MODEL_DIR in the model hub's layout
// (`<MODEL_DIR>/Xenova/all-MiniLM-L6-v2/{config.json,tokenizer*.json,onnx/model*.onnx}`),
// which is what scripts/fetch-model.mjs writes and what transformers.js reads.
import { existsSync } from 'node:fs';
import path from 'node:path';

export const MINILM_REPO = 'Xenova/all-MiniLM-L6-v2';
export const MINILM_REQUIRED = ['config.json', 'tokenizer.json', 'tokenizer_config.json'];
/** fp32 weights first (transformers.js's default on CPU), the 8-bit quantized ones otherwise. */
export const MINILM_WEIGHTS = [
  { file: 'onnx/model.onnx', dtype: 'fp32' },
  { file: 'onnx/model_quantized.onnx', dtype: 'q8' },
] as const;

export type MiniLmDtype = (typeof MINILM_WEIGHTS)[number]['dtype'];

export type MiniLmLocation =
  { found: true; modelDir: string; dtype: MiniLmDtype } | { found: false; modelDir: string; missing: string[] };

export function locateMiniLm(modelDir: string): MiniLmLocation {
  const root = path.resolve(modelDir);
  const dir = path.join(root, ...MINILM_REPO.split('/'));
  const missing = MINILM_REQUIRED.filter((f) => !existsSync(path.join(dir, f)));
  const weights = MINILM_WEIGHTS.find((w) => existsSync(path.join(dir, w.file)));
  if (!weights) missing.push(MINILM_WEIGHTS.map((w) => w.file).join(' or '));
  return missing.length || !weights
    ? { found: false, modelDir: root, missing: missing.map((f) => `${MINILM_REPO}/${f}`) }
    : { found: true, modelDir: root, dtype: weights.dtype };
}
