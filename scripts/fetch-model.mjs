#!/usr/bin/env node
// Downloads a sentence model (the transformers.js export, Xenova/<model>) into a model
// directory, in the layout the server reads from MODEL_DIR:
//   <dir>/Xenova/<model>/{config.json, tokenizer.json, tokenizer_config.json, onnx/model.onnx}
// Used by the Docker build (BAKE_MODEL=true) and by hand where the model hub is reachable.
//
//   node scripts/fetch-model.mjs <dir> [model ...] [--quantized]
//     model         paraphrase-multilingual-MiniLM-L12-v2 | all-MiniLM-L6-v2 | all
//                   (default: $EMBEDDINGS_MODEL, else paraphrase-multilingual-MiniLM-L12-v2,
//                   the server's default; the names are EMBEDDINGS_MODEL's values)
//     --quantized   the 8-bit weights (onnx/model_quantized.onnx) instead of fp32
//                   (multilingual ~118 MB instead of ~470 MB; all-MiniLM-L6-v2 ~23 MB / ~90 MB)
//   HF_ENDPOINT     model hub base URL (default https://huggingface.co), e.g. a mirror
//
// Files already present are kept. Exits 1 with one clear line when the hub cannot be reached
// or a file fails to download, 2 on a usage error.
import { mkdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';

// Keep in step with server/src/modules/assistant/embeddings/sentence-models.ts (a test checks).
const MODELS = ['paraphrase-multilingual-MiniLM-L12-v2', 'all-MiniLM-L6-v2'];
const DEFAULT_MODEL = MODELS[0];
const REVISION = 'main';
const TIMEOUT_MS = Number(process.env.FETCH_MODEL_TIMEOUT_MS ?? 120_000);

const args = process.argv.slice(2);
const [dir, ...requested] = args.filter((a) => !a.startsWith('--'));
const quantized = args.includes('--quantized');
const usage = `usage: node scripts/fetch-model.mjs <model-dir> [${[...MODELS, 'all'].join(' | ')} ...] [--quantized]`;
if (!dir) {
  console.error(usage);
  process.exit(2);
}
const names = requested.length ? requested : [process.env.EMBEDDINGS_MODEL || DEFAULT_MODEL];
const models = [...new Set(names.flatMap((n) => (n === 'all' ? MODELS : [n])))];
const unknown = models.filter((m) => !MODELS.includes(m));
if (unknown.length) {
  console.error(`fetch-model: unknown model ${unknown.join(', ')}; ${usage}`);
  process.exit(2);
}

const endpoint = (process.env.HF_ENDPOINT ?? 'https://huggingface.co').replace(/\/+$/, '');
const files = [
  'config.json',
  'tokenizer.json',
  'tokenizer_config.json',
  quantized ? 'onnx/model_quantized.onnx' : 'onnx/model.onnx',
];

async function download(repo, file) {
  const url = `${endpoint}/${repo}/resolve/${REVISION}/${file}`;
  const dest = path.resolve(dir, ...repo.split('/'), file);
  let res;
  try {
    res = await fetch(url, { signal: AbortSignal.timeout(TIMEOUT_MS), redirect: 'follow' });
  } catch (err) {
    const cause = err?.cause?.code ?? err?.cause?.message ?? err?.message ?? String(err);
    throw new Error(
      `cannot reach the model hub at ${endpoint} (${cause}); is there a route to it? Set HF_ENDPOINT for a mirror.`,
    );
  }
  if (!res.ok) throw new Error(`${url} answered HTTP ${res.status}`);
  const body = Buffer.from(await res.arrayBuffer());
  if (body.length === 0) throw new Error(`${url} returned an empty file`);
  await mkdir(path.dirname(dest), { recursive: true });
  // Write then rename: an interrupted download never leaves a truncated file in place.
  try {
    await writeFile(`${dest}.part`, body);
    await rename(`${dest}.part`, dest);
  } finally {
    await rm(`${dest}.part`, { force: true });
  }
  return body.length;
}

async function fetchModel(name) {
  const repo = `Xenova/${name}`;
  const target = path.resolve(dir, ...repo.split('/'));
  let total = 0;
  for (const file of files) {
    const existing = await stat(path.join(target, file)).catch(() => null);
    if (existing && existing.size > 0) {
      console.log(`fetch-model: ${repo}/${file} already present`);
      continue;
    }
    const bytes = await download(repo, file);
    total += bytes;
    console.log(`fetch-model: ${repo}/${file} (${(bytes / 1e6).toFixed(1)} MB)`);
  }
  console.log(`fetch-model: ${repo} ready in ${target} (${(total / 1e6).toFixed(1)} MB downloaded)`);
}

try {
  for (const name of models) await fetchModel(name);
} catch (err) {
  console.error(`fetch-model: failed: ${err.message}`);
  process.exit(1);
}
