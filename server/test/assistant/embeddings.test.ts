// The embedder choice: hashing on request; the EMBEDDINGS_MODEL sentence model only when its
// files are in MODEL_DIR (or a clear start-up error for EMBEDDINGS=minilm); `auto` falls back
// to hashing, logged. And scripts/fetch-model.mjs against a stand-in model hub: which model,
// which files, which layout. Placeholder files make the worker thread start and
// transformers.js reject them. (The model path itself runs on a generated model in
// embeddings-model.test.ts and embeddings-server.test.ts.)
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEmbedder, EmbedderUnavailableError } from '../../src/modules/assistant/embeddings/create-embedder.js';
import {
  locateModel,
  SENTENCE_MODELS,
  type SentenceModelName,
} from '../../src/modules/assistant/embeddings/sentence-models.js';
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

const MODELS = Object.keys(SENTENCE_MODELS) as SentenceModelName[];
const MULTILINGUAL = 'paraphrase-multilingual-MiniLM-L12-v2' as const;

function runFetchModel(dir: string, env: Record<string, string>, args: string[] = ['--quantized']) {
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
    execFile(
      process.execPath,
      [fetchModel, dir, ...args],
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
    const m = /^\/(Xenova\/[^/]+)\/resolve\/main\/(.+)$/.exec(req.url ?? '');
    if (!m || !MODELS.some((name) => SENTENCE_MODELS[name].repo === m[1])) return void res.writeHead(404).end();
    served.push(`${m[1]}/${m[2]}`);
    res.writeHead(200).end(m[2]!.endsWith('.json') ? '{}' : 'not really a model');
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
    const e = await createEmbedder(
      { EMBEDDINGS: 'hashing', EMBEDDINGS_MODEL: MULTILINGUAL, MODEL_DIR: tempDir() },
      captureLogger().logger,
    );
    expect(e).toMatchObject({ model: 'hashing-ngram-384-v1', dim: 384, lexical: true });
  });

  it('EMBEDDINGS=auto without the model files falls back to hashing and says which model it looked for', async () => {
    const dir = tempDir();
    const { logger, lines } = captureLogger();
    const e = await createEmbedder({ EMBEDDINGS: 'auto', EMBEDDINGS_MODEL: MULTILINGUAL, MODEL_DIR: dir }, logger);
    expect(e.lexical).toBe(true);
    expect(
      lines.find((l) => l.msg.startsWith('Xenova/paraphrase-multilingual-MiniLM-L12-v2 not found in MODEL_DIR')),
    ).toMatchObject({ modelDir: dir });
  });

  it.each(MODELS)('EMBEDDINGS=minilm with %s missing is a clear error naming its files and the fix', async (name) => {
    const dir = tempDir();
    const err = await createEmbedder(
      { EMBEDDINGS: 'minilm', EMBEDDINGS_MODEL: name, MODEL_DIR: dir, NODE_ENV: 'test' },
      captureLogger().logger,
    ).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(EmbedderUnavailableError);
    expect((err as Error).message).toContain(`not in MODEL_DIR (${dir})`);
    expect((err as Error).message).toContain(`Xenova/${name}/onnx/model.onnx`);
    expect((err as Error).message).toContain(`scripts/fetch-model.mjs ${dir} ${name}`);
  });

  it('fetch-model writes the hub layout; a model that does not load makes auto fall back and minilm fail', async () => {
    const dir = tempDir();
    served.length = 0;
    const fetched = await runFetchModel(dir, { HF_ENDPOINT: hubUrl });
    expect(fetched.code).toBe(0);
    // No argument and no EMBEDDINGS_MODEL: the server's default model, and only its files.
    expect(served.sort()).toEqual(
      ['config.json', 'onnx/model_quantized.onnx', 'tokenizer.json', 'tokenizer_config.json'].map(
        (f) => `Xenova/${MULTILINGUAL}/${f}`,
      ),
    );
    expect(locateModel(dir, MULTILINGUAL)).toMatchObject({ found: true, dtype: 'q8' });
    expect(locateModel(dir, 'all-MiniLM-L6-v2')).toMatchObject({ found: false });

    const { logger, lines } = captureLogger();
    const config = { EMBEDDINGS_MODEL: MULTILINGUAL, MODEL_DIR: dir } as const;
    const e = await createEmbedder({ ...config, EMBEDDINGS: 'auto' }, logger);
    expect(e.model).toBe('hashing-ngram-384-v1');
    expect(
      lines.some(
        (l) =>
          l.msg ===
          'Xenova/paraphrase-multilingual-MiniLM-L12-v2 failed to load; using the hashing embedder (lexical search only)',
      ),
    ).toBe(true);

    const err = await createEmbedder({ ...config, EMBEDDINGS: 'minilm', NODE_ENV: 'test' }, logger).catch(
      (x: unknown) => x,
    );
    expect((err as Error).message).toMatch(
      /^EMBEDDINGS=minilm but Xenova\/paraphrase-multilingual-MiniLM-L12-v2 could not be loaded from MODEL_DIR/,
    );
  });

  it('fetch-model takes the model from EMBEDDINGS_MODEL or its arguments, in the layout the server reads', async () => {
    const fromEnv = tempDir();
    served.length = 0;
    expect((await runFetchModel(fromEnv, { HF_ENDPOINT: hubUrl, EMBEDDINGS_MODEL: 'all-MiniLM-L6-v2' }, [])).code).toBe(
      0,
    );
    expect(served).toContain('Xenova/all-MiniLM-L6-v2/onnx/model.onnx');
    expect(locateModel(fromEnv, 'all-MiniLM-L6-v2')).toMatchObject({ found: true, dtype: 'fp32' });
    expect(locateModel(fromEnv, MULTILINGUAL)).toMatchObject({ found: false });

    // `all`: every model the server can select (the script's list and the server's agree).
    const both = tempDir();
    expect((await runFetchModel(both, { HF_ENDPOINT: hubUrl }, ['all'])).code).toBe(0);
    for (const name of MODELS) expect(locateModel(both, name)).toMatchObject({ found: true, dtype: 'fp32' });

    // A second run keeps what is there.
    served.length = 0;
    const again = await runFetchModel(both, { HF_ENDPOINT: hubUrl }, ['all']);
    expect(again.code).toBe(0);
    expect(served).toEqual([]);
    expect(again.stdout).toContain('Xenova/all-MiniLM-L6-v2/onnx/model.onnx already present');
  });

  it('fetch-model refuses an unknown model name with the list of known ones', async () => {
    const r = await runFetchModel(tempDir(), { HF_ENDPOINT: hubUrl }, ['all-MiniLM-L12-v2']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('fetch-model: unknown model all-MiniLM-L12-v2');
    expect(r.stderr).toContain('paraphrase-multilingual-MiniLM-L12-v2 | all-MiniLM-L6-v2 | all');
  });

  it('fetch-model fails with one clear line when the hub is unreachable', async () => {
    const port = await freePort();
    const r = await runFetchModel(tempDir(), { HF_ENDPOINT: `http://127.0.0.1:${port}` });
    expect(r.code).toBe(1);
    expect(r.stderr.trim()).toMatch(
      /^fetch-model: failed: cannot reach the model hub at http:\/\/127\.0\.0\.1:\d+ \(ECONNREFUSED\)/,
    );
  });

  it('a server started with EMBEDDINGS=minilm and no model files stops with that error', async () => {
    const err = await startServerProcess({
      EMBEDDINGS: 'minilm',
      EMBEDDINGS_MODEL: 'all-MiniLM-L6-v2',
      MODEL_DIR: tempDir(),
      PGLITE_DIR: tempDir(),
      JWT_SECRET: 'x'.repeat(40),
    }).catch((e: unknown) => e as Error);
    expect(err).toBeInstanceOf(Error);
    expect((err as Error).message).toContain(
      'EMBEDDINGS=minilm but the Xenova/all-MiniLM-L6-v2 files are not in MODEL_DIR',
    );
  });
});
