// `npm run reindex`: re-embeds products whose embedding is missing or from another model.
import { createEmbedder } from '../../modules/assistant/embeddings/create-embedder.js';
import { reindexStale } from '../../modules/catalog/product-embeddings.js';
import { runWithDb } from './run-with-db.js';

await runWithDb('reindex', async ({ config, db, logger }) => {
  const embedder = await createEmbedder(config, logger);
  const count = await reindexStale(db.orm.em.fork(), embedder);
  logger.info({ count, model: embedder.model }, 'reindex complete');
  await embedder.close?.();
});
