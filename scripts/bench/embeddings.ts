// Embedder benchmark: the production sentence-model embedder (worker thread, transformers.js
// tokenization, ONNX, pooling) on the generated tiny BERT model of the test suite, or on real
// model files with BENCH_MODEL_DIR (e.g. after scripts/fetch-model.mjs). Prints:
//   - worker start-up (new thread -> model loaded -> probe answered), in fresh processes;
//   - throughput in texts/s by request size, for query-sized and product-sized texts;
//   - concurrent single-text requests (coalesced by the main thread into shared calls);
//   - `reindex` of the seed catalog: hashing -> model and model -> hashing.
// The tiny model has no attention layers, so its numbers measure everything around the
// network (thread hop, tokenization, tensors, pooling, SQL), not a real model's inference.
//
//   npx tsx --conditions=source scripts/bench/embeddings.ts
//
// Embedded PGlite unless DATABASE_URL is set (then a temporary database on that server).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadConfig } from '../../server/src/config.js';
import { openDatabase } from '../../server/src/db/orm.js';
import { seedCatalog } from '../../server/src/modules/catalog/seed-catalog.js';
import { loadCatalog } from '../../server/src/db/seed/catalog-files.js';
import { HashingEmbedder } from '../../server/src/modules/assistant/embeddings/hashing-embedder.js';
import { MiniLmEmbedder } from '../../server/src/modules/assistant/embeddings/minilm-embedder.js';
import { locateModel, type SentenceModelName } from '../../server/src/modules/assistant/embeddings/sentence-models.js';
import { reindexCatalog } from '../../server/src/modules/catalog/reindex-catalog.js';
import { createLogger } from '../../server/src/platform/logger.js';
import { createTestDatabase } from '../../server/test/support/database.js';
import { writeTinyBertModel } from '../../server/test/support/tiny-bert-model.js';
import { fmt, printTable, rng, summarize } from './assistant/stats.js';

const NAME: SentenceModelName = 'paraphrase-multilingual-MiniLM-L12-v2';
const STARTS = Number(process.env.BENCH_STARTS ?? 3);
const here = fileURLToPath(import.meta.url);

/** Child mode: one fresh process, one worker start-up, printed as JSON. */
async function measureStartup(modelDir: string, dtype: 'fp32' | 'q8'): Promise<void> {
  const t0 = performance.now();
  const e = await MiniLmEmbedder.load({ modelDir, name: NAME, dtype, allowRemote: false });
  const loaded = performance.now() - t0;
  const t1 = performance.now();
  await e.embed(['first request after start-up']);
  console.log(JSON.stringify({ loadMs: e.loadMs, awaitedMs: loaded, firstMs: performance.now() - t1 }));
  await e.close();
}

const WORDS = (
  'tarjeta grafica gaming quiet silenciosa 4k 1440p ray tracing dlss fsr vram memoria rapida ' +
  'consumo bajo streaming encoder av1 cuda tensor cores tres ventiladores compacta overclock ' +
  'the card runs cool and quiet under load with plenty of headroom for creators and gamers'
).split(' ');
function texts(n: number, words: number, seed: number): string[] {
  const rand = rng(seed);
  return Array.from({ length: n }, () =>
    Array.from({ length: words }, () => WORDS[Math.floor(rand() * WORDS.length)]).join(' '),
  );
}

async function throughput(e: MiniLmEmbedder): Promise<void> {
  const rows: Record<string, string | number>[] = [];
  for (const [kind, words] of [
    ['query (8 words)', 8],
    ['product (90 words)', 90],
  ] as const) {
    for (const size of [1, 8, 32, 64]) {
      const total = size === 1 ? 200 : 640;
      const batches = Array.from({ length: total / size }, (_, i) => texts(size, words, 1000 * size + i));
      await e.embed(batches[0]!); // warm-up
      const times: number[] = [];
      const t0 = performance.now();
      for (const b of batches) {
        const s = performance.now();
        await e.embed(b);
        times.push(performance.now() - s);
      }
      const seconds = (performance.now() - t0) / 1000;
      const st = summarize(times);
      rows.push({
        texts: kind,
        'request size': size,
        'texts/s': fmt(total / seconds, 0),
        'p50 ms/request': fmt(st.p50),
        'p99 ms/request': fmt(st.p99),
      });
    }
  }
  printTable('Throughput, one request at a time', rows);

  const concurrent: Record<string, string | number>[] = [];
  for (const n of [1, 16, 64, 256]) {
    const qs = texts(n, 8, 77 + n);
    const t0 = performance.now();
    await Promise.all(qs.map((q) => e.embed([q])));
    const ms = performance.now() - t0;
    concurrent.push({ 'concurrent 1-text requests': n, 'wall ms': fmt(ms), 'texts/s': fmt((n / ms) * 1000, 0) });
  }
  printTable('Concurrent single-text requests (coalesced into shared worker calls)', concurrent);
}

async function startups(modelDir: string, dtype: 'fp32' | 'q8'): Promise<void> {
  const rows: Record<string, string | number>[] = [];
  for (let i = 0; i < STARTS; i++) {
    const t0 = performance.now();
    const r = spawnSync(
      process.execPath,
      ['--import', 'tsx', '--conditions=source', here, '--startup', modelDir, dtype],
      {
        encoding: 'utf8',
        env: { ...process.env, LOG_LEVEL: 'silent' },
      },
    );
    if (r.status !== 0) throw new Error(`start-up run failed: ${r.stderr}`);
    const m = JSON.parse(r.stdout.trim().split('\n').at(-1)!) as { loadMs: number; firstMs: number };
    rows.push({
      run: i + 1,
      'worker start-up ms': m.loadMs,
      'first embed ms': fmt(m.firstMs),
      'whole process ms': fmt(performance.now() - t0, 0),
    });
  }
  printTable('Worker start-up in a fresh process (thread + tsx from sources + model load + probe)', rows);
}

async function reindexTimes(modelDir: string, dtype: 'fp32' | 'q8', e: MiniLmEmbedder): Promise<void> {
  const db = await createTestDatabase();
  const config = loadConfig({
    ...process.env,
    ...db.env,
    LOG_LEVEL: 'silent',
    EMBEDDINGS: 'hashing',
    MODEL_DIR: modelDir,
  });
  const logger = createLogger('silent');
  const database = await openDatabase(config, logger, { migrate: true });
  try {
    const em = () => database.orm.em.fork();
    const hashing = new HashingEmbedder();
    const seeded = await seedCatalog(em(), hashing, loadCatalog());
    const rows: Record<string, string | number>[] = [];
    for (const [label, embedder] of [
      ['hashing -> model', e],
      ['model -> hashing', hashing],
      ['hashing -> model (again)', e],
    ] as const) {
      const r = await reindexCatalog(em(), embedder);
      rows.push({
        move: label,
        products: r.reembedded,
        seconds: fmt(r.durationMs / 1000),
        'products/s': fmt(r.reembedded / (r.durationMs / 1000), 0),
      });
    }
    printTable(
      `Reindex of the seed catalog (${seeded.total} products, ${database.engine}, model ${e.model}, ${dtype})`,
      rows,
    );
  } finally {
    await database.close();
    await db.drop();
  }
}

async function main(): Promise<void> {
  const own = process.env.BENCH_MODEL_DIR;
  const modelDir = own ?? mkdtempSync(path.join(tmpdir(), 'bench-tiny-model-'));
  try {
    if (!own) await writeTinyBertModel(modelDir, NAME);
    const where = locateModel(modelDir, NAME);
    if (!where.found) throw new Error(`no ${NAME} in ${modelDir}: ${where.missing.join(', ')}`);
    console.log(
      `Model: ${own ? `${NAME} from ${own}` : 'generated tiny BERT (embedding lookup only)'}, ${where.dtype}`,
    );
    await startups(modelDir, where.dtype);
    const e = await MiniLmEmbedder.load({ modelDir, name: NAME, dtype: where.dtype, allowRemote: false });
    await throughput(e);
    await reindexTimes(modelDir, where.dtype, e);
    await e.close();
  } finally {
    if (!own) rmSync(modelDir, { recursive: true, force: true });
  }
}

if (process.argv[2] === '--startup') await measureStartup(process.argv[3]!, process.argv[4] as 'fp32' | 'q8');
else await main();
