// `npm run reindex`: moves the catalog to the configured embedder (EMBEDDINGS,
// EMBEDDINGS_MODEL): re-embeds products whose embedding is missing or from another model
// and prints what it moved, from which model, and how long it took.
// It lives beside main.ts, not under db/: it wires the catalog and the embedder.
import { createEmbedder } from './modules/assistant/embeddings/create-embedder.js';
import { describeReindex, reindexCatalog } from './modules/catalog/reindex-catalog.js';
import { runWithDb } from './db/cli/run-with-db.js';

await runWithDb('reindex', async ({ config, db, logger }) => {
  const embedder = await createEmbedder(config, logger);
  try {
    const report = await reindexCatalog(db.orm.em.fork(), embedder);
    logger.info(report, describeReindex(report));
  } finally {
    await embedder.close?.();
  }
});
