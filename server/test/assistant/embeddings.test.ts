// The embedder choice: hashing on request; MiniLM only when its weights are in MODEL_DIR
// (or a clear start-up error for EMBEDDINGS=minilm); `auto` falls back to hashing, logged.
// No weights exist here, so the MiniLM path is tested up to loading them: a fake model hub
// serves placeholder files through scripts/fetch-model.mjs, the worker thread starts and
// transformers.js rejects them, and `auto` falls back cleanly.
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEmbedder, EmbedderUnavailableError } from '../../src/modules/assistant/embeddings/create-embedder.js';
import { locateMiniLm } from '../../src/modules/assistant/embeddings/minilm-files.js';
import { freePort, startServerProcess } from '../support/processes.js';

const fetchModel = fileURLToPath(new URL('../../../scripts/fetch-model.mjs', import.meta.url));
const dirs: string[] = [];
const tempDir = () => {
  const d = mkdtempSync(path.join(tmpdir(), 'gpu-models-'));
  dirs.push(d);
  return d;
};

/** A logger that keeps its lines for assertions. */
function captureLogger() {
  const lines: { level: number; msg: string; [k: string]: unknown }[] = [];
  const logger = pino({ level: 'debug' }, { write: (s: string) => void lines.push(JSON.parse(s)) });
  return { logger, lines };
}

function runFetchModel(dir: string, env: Record<string, string>) {
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
    execFile(
      process.execPath,
      [fetchModel, dir, '--quantized'],
      { env: { PATH: process.env.PATH, ...env } },
      (err, stdout, stderr) => resolve({ code: err ? ((err as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    );
  });
}

let hub: Server;
let hubUrl: string;
const served: string[] = [];

beforeAll(async () => {
  // A stand-in for the model hub: placeholder bytes at the hub's URL layout.
  hub = createServer((req, res) => {
    const m = /^\/Xenova\/all-MiniLM-L6-v2\/resolve\/main\/(.+)$/.exec(req.url ?? '');
    if (!m) return void res.writeHead(404).end();
    served.push(m[1]!);
    res.writeHead(200).end(m[1]!.endsWith('.json') ? '{}' : 'not really a model');
  });
  await new Promise<void>((r) => hub.listen(0, '127.0.0.1', r));
  hubUrl = `http://127.0.0.1:${(hub.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise<void>((r) => hub.close(() => r()));
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

describe('createEmbedder', () => {
  it('EMBEDDINGS=hashing gives the lexical hashing embedder', async () => {
    const e = await createEmbedder({ EMBEDDINGS: 'hashing', MODEL_DIR: tempDir() }, captureLogger().logger);
    expect(e).toMatchObject({ model: 'hashing-ngram-384-v1', dim: 384, lexical: true });
  });

  it('EMBEDDINGS=auto without weights falls back to hashing and says why', async () => {
    const dir = tempDir();
    const { logger, lines } = captureLogger();
    const e = await createEmbedder({ EMBEDDINGS: 'auto', MODEL_DIR: dir }, logger);
    expect(e.lexical).toBe(true);
    expect(lines.find((l) => /MiniLM weights not found in MODEL_DIR/.test(l.msg))).toMatchObject({ modelDir: dir });
  });

  it('EMBEDDINGS=minilm without weights is a clear error naming MODEL_DIR and the fix', async () => {
    const dir = tempDir();
    const err = await createEmbedder(
      { EMBEDDINGS: 'minilm', MODEL_DIR: dir, NODE_ENV: 'test' },
      captureLogger().logger,
    ).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(EmbedderUnavailableError);
    expect((err as Error).message).toContain(`not in MODEL_DIR (${dir})`);
    expect((err as Error).message).toContain('Xenova/all-MiniLM-L6-v2/onnx/model.onnx');
    expect((err as Error).message).toContain('scripts/fetch-model.mjs');
  });

  it('fetch-model writes the hub layout; a model that does not load makes auto fall back and minilm fail', async () => {
    const dir = tempDir();
    const fetched = await runFetchModel(dir, { HF_ENDPOINT: hubUrl });
    expect(fetched.code).toBe(0);
    expect(served).toEqual(expect.arrayContaining(['config.json', 'tokenizer.json', 'onnx/model_quantized.onnx']));
    expect(existsSync(path.join(dir, 'Xenova/all-MiniLM-L6-v2/onnx/model_quantized.onnx'))).toBe(true);
    expect(locateMiniLm(dir)).toMatchObject({ found: true, dtype: 'q8' });

    const { logger, lines } = captureLogger();
    const e = await createEmbedder({ EMBEDDINGS: 'auto', MODEL_DIR: dir }, logger);
    expect(e.model).toBe('hashing-ngram-384-v1');
    expect(lines.some((l) => l.msg === 'MiniLM failed to load; using the hashing embedder (lexical search only)')).toBe(
      true,
    );

    const err = await createEmbedder({ EMBEDDINGS: 'minilm', MODEL_DIR: dir, NODE_ENV: 'test' }, logger).catch(
      (x: unknown) => x,
    );
    expect((err as Error).message).toMatch(
      /^EMBEDDINGS=minilm but Xenova\/all-MiniLM-L6-v2 could not be loaded from MODEL_DIR/,
    );
  });

  it('fetch-model fails with one clear line when the hub is unreachable', async () => {
    const port = await freePort();
    const r = await runFetchModel(tempDir(), { HF_ENDPOINT: `http://127.0.0.1:${port}` });
    expect(r.code).toBe(1);
    expect(r.stderr.trim()).toMatch(
      /^fetch-model: failed: cannot reach the model hub at http:\/\/127\.0\.0\.1:\d+ \(ECONNREFUSED\)/,
    );
  });

  it('a server started with EMBEDDINGS=minilm and no weights stops with that error', async () => {
    const err = await startServerProcess({
      EMBEDDINGS: 'minilm',
      MODEL_DIR: tempDir(),
      PGLITE_DIR: tempDir(),
      JWT_SECRET: 'x'.repeat(40),
    }).catch((e: unknown) => e as Error);
    expect(err).toBeInstanceOf(Error);
    expect((err as Error).message).toContain(
      'EMBEDDINGS=minilm but the Xenova/all-MiniLM-L6-v2 weights are not in MODEL_DIR',
    );
  });
});
