// The cluster primary (WORKERS > 1): prepares the database once (migrations, seed, admin),
// forks the workers, then accepts every connection on PORT/HOST and hands it to a worker
// with @socket.io/sticky (least connections; the polling requests of one Socket.IO session
// always reach the same worker). It runs no product code itself.
//
// Without REDIS_URL the primary is also where workers meet: it relays domain events, hosts
// the Socket.IO cluster adapter's relay, the shared rate-limit counters and the assistant's
// token streams and generation locks. Without DATABASE_URL it owns the embedded PGlite
// database, which only one process may open, and serves it to the workers over its private
// Unix socket (a 0700 temporary directory: no TCP port that other local users could reach).
import cluster from 'node:cluster';
import { randomBytes } from 'node:crypto';
import net from 'node:net';
import type { Server as HttpServer } from 'node:http';
import { setupMaster } from '@socket.io/sticky';
import { setupPrimary as setupClusterAdapterPrimary } from '@socket.io/cluster-adapter';
import { RateLimiterClusterMaster } from 'rate-limiter-flexible';
import { AggregatorRegistry } from 'prom-client';
import type { Config } from '../config.js';
import type { Logger } from '../platform/logger.js';
import { closePlatform, createPlatform } from '../context.js';
import { runStartupTasks } from '../startup.js';
import { startEmbeddedPostgres, type EmbeddedPostgres } from '../db/pglite.js';
import { onShutdownSignals } from '../shutdown.js';
import { ClusterHub } from './hub.js';
import type { WorkerInit } from './messages.js';
import { serveSharedState } from './shared-state.js';
import { WorkerPool } from './worker-pool.js';

/** Connections each worker's pool may open to the embedded database. */
export const EMBEDDED_POOL_PER_WORKER = 2;

/** Migrations, seed and admin bootstrap, once for all workers; the ORM is closed afterwards. */
async function prepareDatabase(config: Config, logger: Logger, embedded: EmbeddedPostgres | undefined) {
  const borrowed = embedded && { socketDir: embedded.socketDir, port: embedded.port, stop: async () => undefined };
  const platform = await createPlatform(config, logger, { embedded: borrowed });
  try {
    await runStartupTasks(platform);
  } finally {
    await closePlatform(platform);
  }
}

function listen(server: net.Server, port: number, host: string): Promise<net.AddressInfo> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve(server.address() as net.AddressInfo));
  });
}

export async function runPrimary(config: Config, logger: Logger): Promise<void> {
  logger.info({ workers: config.WORKERS, redis: Boolean(config.REDIS_URL) }, 'cluster primary starting');
  let embedded: EmbeddedPostgres | undefined;
  if (!config.DATABASE_URL) {
    embedded = await startEmbeddedPostgres(config.PGLITE_DIR, config.WORKERS * EMBEDDED_POOL_PER_WORKER + 2);
    logger.info({ dir: config.PGLITE_DIR }, 'embedded PGlite database started (shared with workers)');
  }
  try {
    await prepareDatabase(config, logger, embedded);
  } catch (err) {
    await embedded?.stop();
    throw err;
  }

  const init: WorkerInit = {
    embedded: embedded && { socketDir: embedded.socketDir, port: embedded.port, poolMax: EMBEDDED_POOL_PER_WORKER },
    jwtSecret: config.JWT_SECRET ? undefined : randomBytes(48).toString('base64url'),
  };
  const aggregator = new AggregatorRegistry();
  const hub = new ClusterHub(logger)
    .handle('init', async () => init)
    .handle('metrics', () => aggregator.clusterMetrics());
  let closeShared: (() => Promise<void>) | undefined;
  if (!config.REDIS_URL) {
    setupClusterAdapterPrimary();
    new RateLimiterClusterMaster(); // a process-wide singleton; workers' limiters talk to it
    closeShared = serveSharedState(hub);
  }

  // Sticky passes the first bytes of each connection along; "advanced" keeps them a Buffer.
  cluster.setupPrimary({ serialization: 'advanced' });
  let startFailed: (err: Error) => void = () => undefined;
  const failure = new Promise<never>((_, reject) => (startFailed = reject));
  const pool = new WorkerPool(config.WORKERS, logger, {
    onStartFailure: (code) => startFailed(new Error(`a worker failed to start (exit code ${code})`)),
  });
  pool.start();
  try {
    await Promise.race([pool.allReady(), failure]);
  } catch (err) {
    await pool.stop(config.SHUTDOWN_TIMEOUT_MS);
    hub.close();
    await closeShared?.();
    await embedded?.stop();
    throw err;
  }

  const server = net.createServer();
  const stop = async () => {
    // Stop accepting; connections already handed over belong to the workers, which drain them.
    server.close();
    const clean = await pool.stop(config.SHUTDOWN_TIMEOUT_MS);
    hub.close();
    await closeShared?.();
    await embedded?.stop();
    return clean ? 0 : 1;
  };
  // The workers get the full SHUTDOWN_TIMEOUT_MS; the primary needs a little more to reap them.
  onShutdownSignals({ logger, timeoutMs: config.SHUTDOWN_TIMEOUT_MS + 3_000, stop });

  // A plain TCP server: sticky reads the first bytes itself and passes the socket on.
  server.on('connection', () => pool.breakTies());
  setupMaster(server as unknown as HttpServer, { loadBalancingMethod: 'least-connection' });
  const address = await listen(server, config.PORT, config.HOST);
  logger.info({ port: address.port, workers: pool.size, db: embedded ? 'pglite' : 'postgresql' }, 'server listening');
}
