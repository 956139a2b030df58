// The production sentence-model embedder on a generated tiny BERT model (see
// support/tiny-bert-model.ts): createEmbedder starts the worker thread, transformers.js
// tokenizes (lowercase, accents, WordPiece) and runs the ONNX graph, the worker mean-pools
// over the attention mask, normalizes, truncates at the model's word-piece limit and batches;
// the main thread coalesces concurrent requests. One model per process (onnxruntime), so
// this file loads one.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEmbedder } from '../../src/modules/assistant/embeddings/create-embedder.js';
import type { Embedder } from '../../src/modules/assistant/embeddings/embedder.js';
import { HashingEmbedder } from '../../src/modules/assistant/embeddings/hashing-embedder.js';
import { MiniLmEmbedder } from '../../src/modules/assistant/embeddings/minilm-embedder.js';
import { SENTENCE_MODELS } from '../../src/modules/assistant/embeddings/sentence-models.js';
import { embeddingBatchTexts } from '../../src/platform/metrics.js';
import { MULTILINGUAL_SPEC, writeTinyBertModel, type TinyBertModel } from '../support/tiny-bert-model.js';

const NAME = 'paraphrase-multilingual-MiniLM-L12-v2' as const;
const modelDir = mkdtempSync(path.join(tmpdir(), 'gpu-tiny-model-'));
const logLines: { msg: string; loadMs?: number; model?: string }[] = [];
const logger = pino({ level: 'info' }, { write: (s: string) => void logLines.push(JSON.parse(s)) });

let tiny: TinyBertModel;
let embedder: Embedder;
beforeAll(async () => {
  tiny = await writeTinyBertModel(modelDir, NAME, MULTILINGUAL_SPEC);
  embedder = await createEmbedder(
    { EMBEDDINGS: 'minilm', EMBEDDINGS_MODEL: NAME, MODEL_DIR: modelDir, NODE_ENV: 'test' },
    logger,
  );
});
afterAll(async () => {
  await embedder?.close?.();
  rmSync(modelDir, { recursive: true, force: true });
});

const dot = (a: Float32Array, b: Float32Array) => a.reduce((s, x, i) => s + x * b[i]!, 0);
const norm = (a: Float32Array) => Math.sqrt(dot(a, a));
/** The unit vector along the given axes with the given weights (the tiny model's geometry). */
function expected(weights: Record<number, number>): number[] {
  const v = new Array<number>(384).fill(0);
  for (const [axis, w] of Object.entries(weights)) v[Number(axis)] = w;
  const n = Math.sqrt(v.reduce((s, x) => s + x * x, 0));
  return v.map((x) => x / n);
}
const expectVector = (actual: Float32Array, want: number[]) =>
  Array.from(actual).forEach((x, i) => expect(x, `component ${i}`).toBeCloseTo(want[i]!, 6));

describe('the sentence-model embedder on a generated model', () => {
  it('is the configured model, 384-d and not lexical, loaded in a worker thread that reports its start-up', async () => {
    expect(embedder).toBeInstanceOf(MiniLmEmbedder);
    expect(embedder).toMatchObject({
      model: 'Xenova/paraphrase-multilingual-MiniLM-L12-v2:fp32',
      dim: 384,
      lexical: false,
    });
    const ready = logLines.find((l) => l.msg === 'embedder ready');
    expect(ready).toMatchObject({ model: embedder.model });
    expect(typeof ready?.loadMs).toBe('number');
  });

  it('mean-pools the token vectors and normalizes: [CLS] + words + [SEP] -> one unit vector', async () => {
    const [v] = await embedder.embed(['hush quiet blaze unknownword']);
    // Tokens: [CLS] hush quiet blaze [UNK] [SEP] -> 2·e0 + 2·e_hush + 1·e_blaze, then unit length.
    expectVector(v!, expected({ 0: 2, [tiny.axisOf('hush')]: 2, [tiny.axisOf('blaze')]: 1 }));
    expect(norm(v!)).toBeCloseTo(1, 6);
  });

  it('tokenizes like BERT: lowercase, accents stripped, WordPiece suffixes, unknown words whole', async () => {
    const [hush, hushed, upper, accented, plain, glued] = await embedder.embed([
      'hush',
      'Hushed',
      'HUSH',
      'Silencióso',
      'silencioso',
      'hushxyz',
    ]);
    // "Hushed" -> hush ##ed (a zero row): the same direction as "hush".
    expectVector(hushed!, Array.from(hush!));
    expectVector(upper!, Array.from(hush!));
    expectVector(accented!, Array.from(plain!));
    // "hushxyz" has no piece for "xyz", so the whole word is [UNK]: only [CLS]/[SEP] remain.
    expectVector(glued!, expected({ 0: 1 }));
  });

  it('keeps padding out of the mean: a text embeds the same alone and in a padded batch', async () => {
    const [alone] = await embedder.embed(['hush']);
    const [short, long] = await embedder.embed(['hush', 'blaze blaze blaze blaze blaze blaze blaze blaze']);
    expectVector(short!, Array.from(alone!));
    // [PAD] has its own non-zero row: any of it in the pooled vector would show here.
    expect(short![tiny.padAxis]).toBe(0);
    expectVector(long!, expected({ 0: 2, [tiny.axisOf('blaze')]: 8 }));
  });

  it("truncates at the model's word-piece limit (128 for the multilingual model), not the tokenizer's 512", async () => {
    expect(SENTENCE_MODELS[NAME].maxTokens).toBe(128);
    const filler = (n: number) => Array.from({ length: n }, () => 'x').join(' ');
    // [CLS] + 125 fillers + hush + [SEP] = 128 pieces: hush is in; one filler more pushes it out.
    const [fits, cut] = await embedder.embed([`${filler(125)} hush`, `${filler(126)} hush`]);
    expect(fits![tiny.axisOf('hush')]).toBeGreaterThan(0);
    expectVector(cut!, expected({ 0: 1 }));
  });

  it('embeds synonyms across languages alike, which the lexical hashing embedder cannot', async () => {
    const [hush, susurro, llamarada] = await embedder.embed(['hush', 'susurro', 'llamarada']);
    expect(dot(hush!, susurro!)).toBeCloseTo(1, 6);
    expect(dot(hush!, llamarada!)).toBeLessThan(0.9);
    const [hHush, hSusurro] = await new HashingEmbedder().embed(['hush', 'susurro']);
    expect(dot(hHush!, hSusurro!)).toBeLessThan(0.3);
  });

  it('answers a large request in order, batched inside the worker by length', async () => {
    const words = ['hush', 'blaze', 'susurro quiet', 'x y z', 'llamarada blaze hush'];
    const texts = Array.from({ length: 100 }, (_, i) => `${words[i % words.length]} ${'x '.repeat(i % 17)}`);
    const together = await embedder.embed(texts);
    expect(together).toHaveLength(100);
    const alone = await Promise.all(texts.slice(0, 10).map(async (t) => (await embedder.embed([t]))[0]!));
    alone.forEach((v, i) => expectVector(together[i]!, Array.from(v)));
  });

  it('coalesces concurrent requests into shared worker calls, each caller getting its own vectors', async () => {
    const counts = async () => {
      const values = (await embeddingBatchTexts.get()).values.filter((v) => v.labels.model === embedder.model);
      const pick = (suffix: string) =>
        values.find((v) => v.metricName === `embedding_batch_texts${suffix}`)?.value ?? 0;
      return { calls: pick('_count'), texts: pick('_sum') };
    };
    const before = await counts();
    const texts = Array.from({ length: 40 }, (_, i) => (i % 2 ? 'hush' : 'blaze'));
    const results = await Promise.all(texts.map((t) => embedder.embed([t])));
    const after = await counts();
    expect(after.texts - before.texts).toBe(40);
    // While the first request runs, the other 39 wait and go together.
    expect(after.calls - before.calls).toBeLessThan(40);
    results.forEach(([v], i) =>
      expect(v![tiny.axisOf(texts[i]!)], `request ${i} got its own text's vector`).toBeGreaterThan(0.4),
    );
  });

  it('refuses a second model in the same process (onnxruntime loads in one thread per process)', async () => {
    const err = await MiniLmEmbedder.load({
      modelDir,
      name: 'all-MiniLM-L6-v2',
      dtype: 'fp32',
      allowRemote: false,
    }).catch((e: unknown) => e as Error);
    expect((err as Error).message).toMatch(
      /already holds .*paraphrase-multilingual-MiniLM-L12-v2:fp32 in this process/,
    );
  });
});
