#!/usr/bin/env node
// Downloads all-MiniLM-L6-v2 (the transformers.js build, Xenova/all-MiniLM-L6-v2) into a
// model directory, in the layout the server reads from MODEL_DIR:
//   <dir>/Xenova/all-MiniLM-L6-v2/{config.json, tokenizer.json, ..., onnx/model.onnx}
// Used by the Docker build (BAKE_MODEL=true) and by hand where the model hub is reachable.
//
//   node scripts/fetch-model.mjs <dir> [--quantized]
//     --quantized   the 8-bit weights (onnx/model_quantized.onnx, ~23 MB) instead of fp32 (~90 MB)
//   HF_ENDPOINT     model hub base URL (default https://huggingface.co), e.g. a mirror
//
// Exits 1 with one clear line when the hub cannot be reached or a file fails to download.
import { mkdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';

const REPO = 'Xenova/all-MiniLM-L6-v2';
const REVISION = 'main';
const TIMEOUT_MS = Number(process.env.FETCH_MODEL_TIMEOUT_MS ?? 120_000);

const args = process.argv.slice(2);
const dir = args.find((a) => !a.startsWith('--'));
const quantized = args.includes('--quantized');
if (!dir) {
  console.error('usage: node scripts/fetch-model.mjs <model-dir> [--quantized]');
  process.exit(2);
}

const endpoint = (process.env.HF_ENDPOINT ?? 'https://huggingface.co').replace(/\/+$/, '');
const files = [
  'config.json',
  'tokenizer.json',
  'tokenizer_config.json',
  'special_tokens_map.json',
  'vocab.txt',
  quantized ? 'onnx/model_quantized.onnx' : 'onnx/model.onnx',
];
const target = path.resolve(dir, ...REPO.split('/'));

async function download(file) {
  const url = `${endpoint}/${REPO}/resolve/${REVISION}/${file}`;
  const dest = path.join(target, file);
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
  await writeFile(`${dest}.part`, body);
  await rename(`${dest}.part`, dest);
  return body.length;
}

try {
  let total = 0;
  for (const file of files) {
    const existing = await stat(path.join(target, file)).catch(() => null);
    if (existing && existing.size > 0) {
      console.log(`fetch-model: ${file} already present`);
      continue;
    }
    const bytes = await download(file);
    total += bytes;
    console.log(`fetch-model: ${file} (${(bytes / 1e6).toFixed(1)} MB)`);
  }
  console.log(`fetch-model: ${REPO} ready in ${target} (${(total / 1e6).toFixed(1)} MB downloaded)`);
} catch (err) {
  await rm(path.join(target, 'onnx', 'model.onnx.part'), { force: true }).catch(() => undefined);
  console.error(`fetch-model: failed: ${err.message}`);
  process.exit(1);
}
