// Process entry point: parse config, open the platform, run start-up tasks, listen, and
// shut down gracefully on SIGTERM/SIGINT within SHUTDOWN_TIMEOUT_MS. With WORKERS > 1 the
// same entry runs as the cluster primary (prepares the database, forks and balances
// workers) or as one of its workers (cluster/).
import cluster from 'node:cluster';
import { ConfigError, loadConfig, type Config } from './config.js';
import { createLogger, type Logger } from './platform/logger.js';
import { createPlatform } from './context.js';
import { createServices } from './services.js';
import { createApplication } from './app.js';
import { runStartupTasks } from './startup.js';
import { onShutdownSignals } from './shutdown.js';
import { stopInstance } from './stop-instance.js';
import { runPrimary } from './cluster/primary.js';
import { runWorker } from './cluster/worker.js';
import { installProcessGuards } from './process-guards.js';

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

async function runSingle(config: Config, logger: Logger): Promise<void> {
  const platform = await createPlatform(config, logger);
  await runStartupTasks(platform);
  const services = createServices(platform);
  const application = await createApplication(platform, services);
  const address = await application.listen();
  logger.info(
    {
      port: address.port,
      instanceId: platform.instanceId,
      db: platform.db.engine,
      redis: platform.redisConnections?.mode ?? 'none',
    },
    'server listening',
  );
  onShutdownSignals({
    logger,
    timeoutMs: config.SHUTDOWN_TIMEOUT_MS,
    stop: () => stopInstance(platform, services, application, config.SHUTDOWN_TIMEOUT_MS),
  });
}

async function main(): Promise<void> {
  const config = readConfig();
  if (config.WORKERS > 1 && cluster.isPrimary) {
    const logger = createLogger(config.LOG_LEVEL, { role: 'primary' });
    installProcessGuards(logger);
    await runPrimary(config, logger);
  } else if (cluster.isWorker) {
    const logger = createLogger(config.LOG_LEVEL, { role: 'worker', worker: cluster.worker?.id });
    installProcessGuards(logger);
    await runWorker(config, logger);
  } else {
    const logger = createLogger(config.LOG_LEVEL);
    installProcessGuards(logger);
    await runSingle(config, logger);
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`Fatal start-up error: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
