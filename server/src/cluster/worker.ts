// One cluster worker (WORKERS > 1): the whole product (platform, services, Express and
// Socket.IO, on Redis like any pod) minus the listening socket. The primary accepts
// connections and hands them over (@socket.io/sticky); migrations and start-up tasks already
// ran there. Its environment carries the embedded database and a shared JWT secret.
import { setupWorker } from '@socket.io/sticky';
import { AggregatorRegistry } from 'prom-client';
import { registry } from '../platform/metrics.js';
import type { Config } from '../config.js';
import type { Logger } from '../platform/logger.js';
import { createPlatform } from '../context.js';
import { createServices } from '../services.js';
import { createApplication } from '../app.js';
import { onShutdownSignals } from '../shutdown.js';
import { stopInstance } from '../stop-instance.js';
import { CHANNEL, EMBEDDED_ENV, type EmbeddedDbInfo, type WorkerReady } from './messages.js';

function embeddedDb(): (EmbeddedDbInfo & { stop(): Promise<void> }) | undefined {
  const raw = process.env[EMBEDDED_ENV];
  if (!raw) return undefined;
  const info = JSON.parse(raw) as EmbeddedDbInfo;
  return { ...info, stop: async () => undefined };
}

export async function runWorker(config: Config, logger: Logger): Promise<void> {
  const platform = await createPlatform(config, logger, { embedded: embeddedDb(), migrate: false });
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

  // Answers the primary's metrics collection (METRICS_PORT sums every worker).
  AggregatorRegistry.setRegistries([registry]);
  new AggregatorRegistry();

  const ready: WorkerReady = { channel: CHANNEL, kind: 'ready' };
  process.send?.(ready);
  logger.info({ instanceId: platform.instanceId, db: platform.db.engine }, 'cluster worker serving');
}
