// One cluster worker (WORKERS > 1): the whole product (platform, services, Express and
// Socket.IO) minus the listening socket. The primary accepts connections and hands them over
// (@socket.io/sticky); migrations and start-up tasks already ran there.
import { setupWorker } from '@socket.io/sticky';
import { AggregatorRegistry } from 'prom-client';
import { registry, setMetricsSource } from '../platform/metrics.js';
import type { Config } from '../config.js';
import type { Logger } from '../platform/logger.js';
import { createPlatform } from '../context.js';
import { createServices } from '../services.js';
import { createApplication } from '../app.js';
import { onShutdownSignals } from '../shutdown.js';
import { stopInstance } from '../stop-instance.js';
import type { WorkerInit } from './messages.js';
import { workerLink } from './worker-link.js';

export async function runWorker(config: Config, logger: Logger): Promise<void> {
  const link = workerLink();
  const init = await link.call<WorkerInit>('init', [], 30_000);
  const embedded = init.embedded && { ...init.embedded, stop: async () => undefined };
  const shared: Config = { ...config, JWT_SECRET: config.JWT_SECRET ?? init.jwtSecret };
  const platform = await createPlatform(shared, logger, { embedded, cluster: link, migrate: false });
  const services = createServices(platform);
  const application = await createApplication(platform, services);
  // Sticky sessions: connections arrive over IPC; polling requests of one session stay here.
  setupWorker(application.io);
  // Which worker answered, for operators checking the balancer (and the cluster tests).
  application.http.prependListener('request', (_req, res) => res.setHeader('X-Instance-Id', platform.instanceId));
  application.io.engine.on('headers', (headers: Record<string, string>) => {
    headers['X-Instance-Id'] = platform.instanceId;
  });

  const shutdown = onShutdownSignals({
    logger,
    timeoutMs: config.SHUTDOWN_TIMEOUT_MS,
    stop: () => stopInstance(platform, services, application, config.SHUTDOWN_TIMEOUT_MS),
  });
  // Orphaned (the primary died without stopping us): nobody can reach this worker any more.
  process.once('disconnect', () => shutdown('primary gone'));

  // /metrics on the shared port: every worker's figures, summed by the primary.
  AggregatorRegistry.setRegistries([registry]);
  new AggregatorRegistry(); // installs this worker's answer to the primary's collection requests
  setMetricsSource(() => link.call<string>('metrics', []).catch(() => registry.metrics()));

  link.send({ kind: 'ready' });
  logger.info(
    { instanceId: platform.instanceId, db: platform.db.engine, redis: Boolean(config.REDIS_URL) },
    'cluster worker serving',
  );
}
