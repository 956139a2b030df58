// `npm run migrate`: applies pending migrations and reports them.
import { runWithDb } from './run-with-db.js';

await runWithDb(
  'migrate',
  async ({ db, logger }) => {
    const applied = await db.migrate();
    logger.info({ applied }, applied.length ? 'migrations applied' : 'schema is up to date');
  },
  { migrate: false },
);
