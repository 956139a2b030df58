// `npm run seed`: migrates, seeds missing catalog products (idempotent) and bootstraps the admin.
import { createEmbedder } from '../../modules/assistant/embeddings/create-embedder.js';
import { bootstrapAdmin } from '../../modules/auth/bootstrap-admin.js';
import { seedCatalog } from '../seed/seed-catalog.js';
import { runWithDb } from './run-with-db.js';

await runWithDb('seed', async ({ config, db, logger }) => {
  const embedder = await createEmbedder(config, logger);
  const em = db.orm.em.fork();
  logger.info(await seedCatalog(em, embedder), 'catalog seeded');
  if (config.ADMIN_EMAIL && config.ADMIN_PASSWORD) {
    logger.info({ outcome: await bootstrapAdmin(em, config.ADMIN_EMAIL, config.ADMIN_PASSWORD) }, 'admin bootstrapped');
  }
  await embedder.close?.();
});
