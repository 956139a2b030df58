// The real model path through the product, on generated tiny models (support/tiny-bert-model.ts)
// in a temporary MODEL_DIR: two of them stand in for the two production models, the
// multilingual one knowing that "hush", "quiet" and "susurro" mean the same and the English
// one not knowing "susurro". Server processes embed the seed catalog at start-up, report the
// model in /health and answer a search only vectors can answer; `npm run reindex` moves the
// catalog from one model to the other and says so; and the built worker (.js) runs on plain
// Node, without tsx.
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../support/database.js';
import { api } from '../support/http.js';
import { startServerProcess } from '../support/processes.js';
import { ENGLISH_SPEC, MULTILINGUAL_SPEC, writeTinyBertModel } from '../support/tiny-bert-model.js';

const serverRoot = fileURLToPath(new URL('../../', import.meta.url));
const MULTI = 'Xenova/paraphrase-multilingual-MiniLM-L12-v2:fp32';
const ENGLISH = 'Xenova/all-MiniLM-L6-v2:fp32';
const admin = { email: 'owner@test.local', password: 'Owner-Password-1!' };

const modelDir = mkdtempSync(path.join(tmpdir(), 'gpu-tiny-models-'));
let db: TestDatabase;
let env: Record<string, string>;
beforeAll(async () => {
  await writeTinyBertModel(modelDir, 'paraphrase-multilingual-MiniLM-L12-v2', MULTILINGUAL_SPEC);
  await writeTinyBertModel(modelDir, 'all-MiniLM-L6-v2', ENGLISH_SPEC);
  db = await createTestDatabase();
  env = {
    ...db.env,
    EMBEDDINGS: 'minilm',
    MODEL_DIR: modelDir,
    JWT_SECRET: 'x'.repeat(40),
    ADMIN_EMAIL: admin.email,
    ADMIN_PASSWORD: admin.password,
  };
});
afterAll(async () => {
  await db?.drop();
  rmSync(modelDir, { recursive: true, force: true });
});

type LogLine = { msg: string; [k: string]: unknown };
const logLines = (out: string): LogLine[] =>
  out
    .split('\n')
    .filter((l) => l.startsWith('{'))
    .map((l) => JSON.parse(l) as LogLine);

/** `npm run reindex` as npm runs it (tsx on the sources), with the given embedder settings. */
function reindex(extra: Record<string, string>): Promise<{ code: number | null; lines: LogLine[]; out: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', '--conditions=source', 'src/reindex-command.ts'], {
      cwd: serverRoot,
      env: { PATH: process.env.PATH ?? '', NODE_ENV: 'test', ...env, ...extra },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (out += d.toString()));
    child.on('exit', (code) => resolve({ code, out, lines: logLines(out) }));
  });
}

/**
 * The assistant's search over HTTP. A budget makes the turn a search (for a bare word the
 * planner asks a clarifying question) without adding search words: "under", "$" and "400" are
 * unknown to the tiny models, and both test cards cost $399, so the budget favours them no
 * less than any other card and their ranking comes from the vectors.
 */
const ask = async (url: string, word: string) => {
  const message = `${word} under $400`;
  const res = await api<{ products: { id: string; name: string }[] }>(url, '/api/v1/ask-ai', {
    body: { message },
    headers: { 'x-guest-id': crypto.randomUUID() },
  });
  expect(res.status).toBe(200);
  return res.body.products.map((p) => p.id);
};

describe('a catalog on the sentence model, end to end', () => {
  const ids = { es: '', en: '' };
  let catalogSize = 0;

  it('a server on the multilingual model embeds the catalog, reports the model and finds by meaning', async () => {
    const server = await startServerProcess(env);
    try {
      const health = await api(server.url, '/health');
      expect(health.body.checks.embeddings).toEqual({ model: MULTI, dim: 384, lexical: false, status: 'ok' });
      expect(logLines(server.output()).find((l) => l.msg === 'embedder ready')).toMatchObject({ model: MULTI });

      const login = await api<{ accessToken: string }>(server.url, '/api/auth/login', { body: admin });
      const create = async (sku: string, name: string, brand: string) => {
        const res = await api<{ id: string }>(server.url, '/api/gpus', {
          token: login.body.accessToken,
          body: { sku, name, brand, vramGb: 8, price: 399, stock: 4 },
        });
        expect(res.status).toBe(201);
        return res.body.id;
      };
      ids.es = await create('TINY-ES', 'Tarjeta Susurro 8GB', 'AMD');
      ids.en = await create('TINY-EN', 'Quiet Card 8GB', 'NVIDIA');
      catalogSize = (await api<{ total: number }>(server.url, '/api/gpus?pageSize=1')).body.total;

      // No text in the catalog says "hush": full-text search cannot connect it to either card.
      expect((await api<{ total: number }>(server.url, '/api/gpus?q=hush')).body.total).toBe(0);
      // The multilingual vectors can: both cards (Spanish and English names) come first.
      const found = await ask(server.url, 'hush');
      expect(new Set(found.slice(0, 2))).toEqual(new Set([ids.es, ids.en]));
    } finally {
      expect(await server.stop()).toBe(0);
    }
  }, 120_000);

  it('switching EMBEDDINGS_MODEL leaves the rows stale: vector search skips them until reindex', async () => {
    const server = await startServerProcess({ ...env, EMBEDDINGS_MODEL: 'all-MiniLM-L6-v2' });
    try {
      expect((await api(server.url, '/health')).body.checks.embeddings).toMatchObject({ model: ENGLISH });
      expect(await ask(server.url, 'hush')).not.toContain(ids.en);
      expect(
        logLines(server.output()).find((l) => l.msg.startsWith('products embedded by another model')),
      ).toMatchObject({ stale: catalogSize, model: ENGLISH });
    } finally {
      expect(await server.stop()).toBe(0);
    }
  }, 120_000);

  it('npm run reindex moves the catalog to the other model, says from which, and then has nothing to do', async () => {
    const first = await reindex({ EMBEDDINGS_MODEL: 'all-MiniLM-L6-v2' });
    expect(first.code, first.out).toBe(0);
    const done = first.lines.find((l) => l.msg.startsWith('reindex:'));
    expect(done).toMatchObject({
      model: ENGLISH,
      lexical: false,
      reembedded: catalogSize,
      total: catalogSize,
      alreadyCurrent: 0,
      from: { [MULTI]: catalogSize },
    });
    expect(done!.msg).toMatch(
      new RegExp(
        `^reindex: ${catalogSize} of ${catalogSize} products re-embedded with Xenova/all-MiniLM-L6-v2:fp32 \\(${catalogSize} from Xenova/paraphrase-multilingual-MiniLM-L12-v2:fp32\\) in \\d+\\.\\d\\d s; 0 were already current$`,
      ),
    );

    const again = await reindex({ EMBEDDINGS_MODEL: 'all-MiniLM-L6-v2' });
    expect(again.lines.find((l) => l.msg.startsWith('reindex:'))?.msg).toBe(
      `reindex: nothing to do, all ${catalogSize} products are embedded with ${ENGLISH}`,
    );

    // Now the English vectors answer: "quiet" means "hush" to this model, "susurro" does not.
    const server = await startServerProcess({ ...env, EMBEDDINGS_MODEL: 'all-MiniLM-L6-v2' });
    try {
      expect((await ask(server.url, 'hush'))[0]).toBe(ids.en);
      expect(server.output()).not.toContain('products embedded by another model');
    } finally {
      expect(await server.stop()).toBe(0);
    }
  }, 180_000);
});

describe('the built embedder', () => {
  it('starts its compiled worker (.js) under plain Node and embeds with the model', async () => {
    // Compile the embedder and its worker as the server build does, into a folder inside the
    // workspace (so node_modules resolve), then run them with no tsx anywhere.
    mkdirSync(path.join(serverRoot, '.scratch'), { recursive: true });
    const out = mkdtempSync(path.join(serverRoot, '.scratch', 'build-'));
    try {
      const src = (f: string) => path.join(serverRoot, 'src/modules/assistant/embeddings', f);
      writeFileSync(
        path.join(out, 'tsconfig.json'),
        JSON.stringify({
          extends: '../../tsconfig.build.json',
          compilerOptions: { rootDir: '../../src', outDir: '.', declaration: false, sourceMap: false },
          include: [],
          files: [src('minilm-embedder.ts'), src('minilm-worker.ts')],
        }),
      );
      const tsc = await run(process.execPath, [path.join(serverRoot, '../node_modules/typescript/bin/tsc'), '-p', out]);
      expect(tsc.code, tsc.out).toBe(0);

      const script = `
        const { MiniLmEmbedder } = await import(${JSON.stringify(path.join(out, 'modules/assistant/embeddings/minilm-embedder.js'))});
        const e = await MiniLmEmbedder.load({ modelDir: ${JSON.stringify(modelDir)}, name: 'paraphrase-multilingual-MiniLM-L12-v2', dtype: 'fp32', allowRemote: false });
        const [v] = await e.embed(['susurro']);
        console.log(JSON.stringify({ model: e.model, head: Array.from(v.slice(0, 3)) }));
        await e.close();`;
      writeFileSync(path.join(out, 'embed.mjs'), script);
      const node = await run(process.execPath, [path.join(out, 'embed.mjs')]);
      expect(node.code, node.out).toBe(0);
      const result = JSON.parse(node.out.trim().split('\n').at(-1)!) as { model: string; head: number[] };
      expect(result.model).toBe(MULTI);
      // [CLS] susurro [SEP]: 2·e0 + e2, unit length.
      expect(result.head[0]).toBeCloseTo(2 / Math.sqrt(5), 6);
      expect(result.head[1]).toBe(0);
      expect(result.head[2]).toBeCloseTo(1 / Math.sqrt(5), 6);
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  }, 120_000);
});

function run(cmd: string, args: string[], extraEnv: Record<string, string> = {}) {
  return new Promise<{ code: number | null; out: string }>((resolve) => {
    const child = spawn(cmd, args, {
      cwd: serverRoot,
      env: { PATH: process.env.PATH ?? '', ...extraEnv },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (out += d.toString()));
    child.on('exit', (code) => resolve({ code, out }));
  });
}
