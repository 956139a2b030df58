// One embedder's run of the retrieval evaluation, in its own process (onnxruntime holds one
// model per process): the product's start-up on a fresh database (migrations, the seed
// catalog, embeddings; PGlite, or a fresh database on DATABASE_URL's server), then every query through the product's own path: the query parser,
// the offline planner's search_products arguments, and ProductRetriever (hard filters from
// catalog-query.ts, vector and full-text candidates, fusion). Prints one JSON line.
//
//   tsx --conditions=source scripts/eval/retrieval/run-embedder.ts hashing|tiny|model
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadConfig } from '../../../server/src/config.js';
import { closePlatform, createPlatform } from '../../../server/src/context.js';
import { runStartupTasks } from '../../../server/src/startup.js';
import { createLogger } from '../../../server/src/platform/logger.js';
import { parseQuery } from '../../../server/src/modules/assistant/query/parse-query.js';
import { searchArgs } from '../../../server/src/modules/assistant/planner/offline-planner.js';
import { constraintsFromSearch } from '../../../server/src/modules/assistant/tools/search-products.js';
import { ProductRetriever } from '../../../server/src/modules/assistant/retrieval/retriever.js';
import type { ProductRow } from '../../../server/src/modules/assistant/retrieval/product-row.js';
import { queries } from './queries.js';
import type { ProductFacts } from './judgments.js';
import { writeShopModel } from './tiny-model.js';
import { createTestDatabase } from '../../../server/test/support/database.js';

export type EmbedderKind = 'hashing' | 'tiny' | 'model';
export type ListName = 'lexical' | 'vector' | 'fused';

export interface EmbedderRun {
  kind: EmbedderKind;
  model: string;
  engine: string;
  seedMs: number;
  searchMs: number;
  facts: ProductFacts[];
  /** Per query id, each ranking as product ids, best first (at most 10). */
  rankings: Record<string, Record<ListName, string[]>>;
}

const K = 10;

const facts = (r: ProductRow): ProductFacts => ({
  id: r.id,
  name: r.name,
  brand: r.brand as ProductFacts['brand'],
  vramGb: r.vram_gb,
  price: Number(r.price_cents) / 100,
  stock: r.stock,
  perfIndex: typeof r.specs.perfIndex === 'number' ? r.specs.perfIndex : null,
  boardPowerW: typeof r.specs.boardPowerW === 'number' ? r.specs.boardPowerW : null,
  lengthMm: typeof r.specs.lengthMm === 'number' ? r.specs.lengthMm : null,
});

export async function runEmbedder(kind: EmbedderKind): Promise<EmbedderRun> {
  const scratch = mkdtempSync(path.join(tmpdir(), 'gpu-retrieval-eval-'));
  const modelDir = kind === 'tiny' ? path.join(scratch, 'models') : (process.env.MODEL_DIR ?? './models');
  if (kind === 'tiny') await writeShopModel(modelDir);
  const database = await createTestDatabase();
  const config = loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: process.env.EVAL_LOG_LEVEL ?? 'silent',
    JWT_SECRET: 'retrieval-eval-secret-that-is-long-enough-0123456789',
    // A fresh database: embedded PGlite, or a new one on the PostgreSQL server DATABASE_URL names.
    ...database.env,
    UPLOADS_DIR: path.join(scratch, 'uploads'),
    EMBEDDINGS: kind === 'hashing' ? 'hashing' : 'minilm',
    EMBEDDINGS_MODEL: 'paraphrase-multilingual-MiniLM-L12-v2',
    MODEL_DIR: modelDir,
  });
  const logger = createLogger(config.LOG_LEVEL);
  const platform = await createPlatform(config, logger);
  try {
    const t0 = performance.now();
    await runStartupTasks(platform);
    const seedMs = performance.now() - t0;
    const em = () => platform.db.orm.em.fork();
    const rows = await em().execute<ProductRow[]>(`select * from gpus where is_active order by name`);
    const retriever = new ProductRetriever({ em, embedder: platform.embedder, logger });
    const rankings: EmbedderRun['rankings'] = {};
    const t1 = performance.now();
    for (const q of queries) {
      const args = searchArgs(parseQuery(q.text, { language: q.lang }), q.text, null, K);
      const found = await retriever.search({
        text: args.query ?? '',
        constraints: constraintsFromSearch(args, q.lang),
        sort: 'relevance',
        limit: K,
        withCandidates: true,
      });
      const ids = (list: ProductRow[] = []) => list.slice(0, K).map((r) => r.id);
      rankings[q.id] = {
        lexical: ids(found.candidates?.text),
        vector: ids(found.candidates?.vector),
        fused: ids(found.products),
      };
    }
    return {
      kind,
      model: platform.embedder.model,
      engine: platform.db.engine,
      seedMs: Math.round(seedMs),
      searchMs: Math.round(performance.now() - t1),
      facts: rows.map(facts),
      rankings,
    };
  } finally {
    await closePlatform(platform);
    await database.drop();
    rmSync(scratch, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const kind = process.argv[2] as EmbedderKind;
  if (!['hashing', 'tiny', 'model'].includes(kind)) {
    process.stderr.write('usage: run-embedder.ts hashing|tiny|model\n');
    process.exit(2);
  }
  const run = await runEmbedder(kind);
  process.stdout.write(`${JSON.stringify(run)}\n`);
  process.exit(0);
}
