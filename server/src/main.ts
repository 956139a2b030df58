// Process entry point: parse config, open the platform, run start-up tasks, listen, and
// shut down gracefully on SIGTERM/SIGINT within SHUTDOWN_TIMEOUT_MS.
import { ConfigError, loadConfig, type Config } from './config.js';
import { createLogger } from './platform/logger.js';
import { closePlatform, createPlatform } from './context.js';
import { createServices } from './services.js';
import { createApplication } from './app.js';
import { runStartupTasks } from './startup.js';

function readConfig(): Config {
  try {
    return loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`${err.message}\n`);
      process.exit(1);
    }
    throw err;
  }
}

async function main(): Promise<void> {
  const config = readConfig();
  const logger = createLogger(config.LOG_LEVEL);
  const platform = await createPlatform(config, logger);
  await runStartupTasks(platform);
  const services = createServices(platform);
  const application = await createApplication(platform, services);
  const address = await application.listen();
  logger.info(
    { port: address.port, instanceId: platform.instanceId, db: platform.db.engine, redis: Boolean(config.REDIS_URL) },
    'server listening',
  );

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    const deadline = setTimeout(() => {
      logger.error('shutdown timed out; exiting');
      process.exit(1);
    }, config.SHUTDOWN_TIMEOUT_MS);
    deadline.unref();
    try {
      services.health.markShuttingDown();
      await application.close();
      await closePlatform(platform);
      logger.info('shutdown complete');
      clearTimeout(deadline);
      process.exit(0);
    } catch (err) {
      logger.error({ err }, 'shutdown failed');
      process.exit(1);
    }
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));
}

main().catch((err: unknown) => {
  process.stderr.write(`Fatal start-up error: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
