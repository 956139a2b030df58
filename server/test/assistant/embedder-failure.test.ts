// The sentence-model worker dies under a running server (it cannot be loaded again in the same
// process: onnxruntime's binding registers once). Search must keep answering from full-text,
// /health must say the embedder failed, and the fallback is counted. Runs the production
// embedder on a generated tiny model (support/tiny-bert-model.ts); one model per process, so
// this file has its own.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MiniLmEmbedder } from '../../src/modules/assistant/embeddings/minilm-embedder.js';
import { startTestApp, type TestApp } from '../support/app.js';
import { api } from '../support/http.js';
import { metricValue } from '../support/metrics.js';
import { MULTILINGUAL_SPEC, writeTinyBertModel } from '../support/tiny-bert-model.js';

const NAME = 'paraphrase-multilingual-MiniLM-L12-v2';
const modelDir = mkdtempSync(path.join(tmpdir(), 'gpu-tiny-model-'));
let app: TestApp;

beforeAll(async () => {
  await writeTinyBertModel(modelDir, NAME, MULTILINGUAL_SPEC);
  app = await startTestApp({
    redis: false,
    env: { EMBEDDINGS: 'minilm', EMBEDDINGS_MODEL: NAME, MODEL_DIR: modelDir, CHAT_DAILY_TOKEN_BUDGET: '0' },
  });
});
afterAll(async () => {
  await app?.close();
  rmSync(modelDir, { recursive: true, force: true });
});

interface Answer {
  products: { id: string; price: number }[];
  finishReason: string;
}
const ask = (message: string) =>
  api<Answer>(app.url, '/api/v1/ask-ai', { body: { message }, headers: { 'x-guest-id': crypto.randomUUID() } });

const degradedCount = () => metricValue(app.url, 'retrieval_degraded_total', 'reason="embedder"');

describe('the embedding worker dies while the server runs', () => {
  it('search answers from full-text, /health reports the failure, the fallback is counted', async () => {
    const embedder = app.platform.embedder;
    expect(embedder).toBeInstanceOf(MiniLmEmbedder);
    const healthy = await api<{ status: string; checks: { embeddings: { status: string; model: string } } }>(
      app.url,
      '/health',
    );
    expect(healthy.body.checks.embeddings).toMatchObject({ status: 'ok', model: `Xenova/${NAME}:fp32` });
    expect(healthy.body.status).toBe('ok');

    const question = 'una tarjeta gráfica para jugar en 1080p bajo $400';
    const before = await ask(question);
    expect(before.status).toBe(200);
    expect(before.body.products.length).toBeGreaterThan(0);
    expect(await degradedCount()).toBe(0);

    await (embedder as MiniLmEmbedder).terminateWorker();
    await expect(embedder.embed(['hola'])).rejects.toThrow(/worker/);

    const after = await ask(question);
    expect(after.status).toBe(200);
    expect(after.body.finishReason).toBe('stop');
    expect(after.body.products.length).toBeGreaterThan(0);
    // The hard filters still hold without the vector list.
    for (const p of after.body.products) expect(p.price).toBeLessThanOrEqual(400);
    expect(await degradedCount()).toBeGreaterThanOrEqual(1);

    const health = await api<{ status: string; checks: { embeddings: { status: string; error?: string } } }>(
      app.url,
      '/health',
    );
    expect(health.body.status).toBe('degraded');
    expect(health.body.checks.embeddings.status).toBe('failed');
    expect(health.body.checks.embeddings.error).toMatch(/worker/);
  });
});
