// Shared runner for database CLIs: config, logger, database (migrated), then a task.
import { ConfigError, loadConfig, type Config } from '../../config.js';
import { createLogger, type Logger } from '../../platform/logger.js';
import { openDatabase, type Database } from '../orm.js';

export async function runWithDb(
  name: string,
  task: (ctx: { config: Config; logger: Logger; db: Database }) => Promise<void>,
  opts: { migrate?: boolean } = {},
): Promise<void> {
  let config: Config;
  try {
    config = loadConfig();
  } catch (err) {
    process.stderr.write(`${err instanceof ConfigError ? err.message : String(err)}\n`);
    process.exit(1);
  }
  const logger = createLogger(config.LOG_LEVEL, { task: name });
  let db: Database | undefined;
  try {
    db = await openDatabase(config, logger, opts);
    await task({ config, logger, db });
    await db.close();
    process.exit(0);
  } catch (err) {
    logger.error({ err }, `${name} failed`);
    await db?.close().catch(() => undefined);
    process.exit(1);
  }
}
