// One-time start-up work after migrations: seed an empty catalog (or give seeded products
// that still lack a picture one), bootstrap the admin, finish answers a previous process left
// unfinished (without Redis), purge records past their retention.
import type { Platform } from './context.js';
import { catalogIsEmpty } from './modules/catalog/seed-catalog.js';
import { seedDemoCatalog } from './seed-demo.js';
import { bootstrapAdmin } from './modules/auth/bootstrap-admin.js';
import { purgeExpiredRecords } from './db/retention.js';
import { LOCKS, withAdvisoryLock } from './db/advisory-lock.js';
import { finishAnswersLeftUnfinished } from './modules/assistant/streaming/orphan-sweeper.js';
import { loadCatalog } from './db/seed/catalog-files.js';
import { createObjectStore } from './modules/media/create-object-store.js';
import { seedProductImages } from './modules/media/seed-images.js';

export async function runStartupTasks(p: Platform): Promise<void> {
  // Instances starting together on one PostgreSQL run these one at a time: the second finds
  // the catalog seeded and the admin in place.
  const url = p.config.DATABASE_URL;
  return url ? withAdvisoryLock(url, LOCKS.startup, () => startupTasks(p)) : startupTasks(p);
}

async function startupTasks(p: Platform): Promise<void> {
  const em = p.db.orm.em.fork();
  if (p.config.SEED_ON_START) {
    const store = createObjectStore(p.config);
    if (await catalogIsEmpty(em)) {
      p.logger.info(await seedDemoCatalog(em, p.embedder, { store }), 'catalog seeded');
    } else {
      // A database seeded before products had pictures: render the missing ones once.
      const pictures = await seedProductImages(em, store, loadCatalog());
      if (pictures.images) p.logger.info(pictures, 'seed pictures added');
    }
  }
  if (p.config.ADMIN_EMAIL && p.config.ADMIN_PASSWORD) {
    const outcome = await bootstrapAdmin(em, p.config.ADMIN_EMAIL, p.config.ADMIN_PASSWORD);
    p.logger.info({ email: p.config.ADMIN_EMAIL, outcome }, 'admin account bootstrapped');
  }
  // Without Redis this is the only instance: what a previous process left unfinished is over.
  if (!p.redis) {
    const orphans = await finishAnswersLeftUnfinished(em);
    if (orphans) p.logger.warn({ orphans }, 'answers left unfinished by a previous process finished as error');
  }
  const purged = await purgeExpiredRecords(em);
  if (purged.idempotencyKeys || purged.refreshTokens || purged.stockHistory)
    p.logger.info(purged, 'expired records purged');
}
