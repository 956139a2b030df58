// `npm run seed`: migrates, seeds missing catalog products (idempotent) and bootstraps the admin.
// It lives beside main.ts, not under db/: seeding goes through the catalog and auth modules.
import { runWithDb } from './db/cli/run-with-db.js';
import { createEmbedder } from './modules/assistant/embeddings/create-embedder.js';
import { bootstrapAdmin } from './modules/auth/bootstrap-admin.js';
import { seedDemoCatalog } from './seed-demo.js';
import { createObjectStore } from './modules/media/create-object-store.js';

await runWithDb('seed', async ({ config, db, logger }) => {
  const embedder = await createEmbedder(config, logger);
  const em = db.orm.em.fork();
  logger.info(await seedDemoCatalog(em, embedder, { store: createObjectStore(config) }), 'catalog seeded');
  if (config.ADMIN_EMAIL && config.ADMIN_PASSWORD) {
    logger.info({ outcome: await bootstrapAdmin(em, config.ADMIN_EMAIL, config.ADMIN_PASSWORD) }, 'admin bootstrapped');
  }
  await embedder.close?.();
});
