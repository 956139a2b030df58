// The cluster primary (WORKERS > 1): prepares the database once (migrations, seed, admin),
// forks the workers, then accepts every connection on PORT/HOST and hands it to a worker
// with @socket.io/sticky (least connections; the polling requests of one Socket.IO session
// always reach the same worker). It runs no product code itself: the workers meet through
// Redis (adapter, bus, limits, streams, locks) exactly as separate pods do, which is why
// WORKERS > 1 requires REDIS_URL (config.ts).
//
// Without DATABASE_URL the primary owns the embedded PGlite database, which only one process
// may open, and serves it to the workers over its private Unix socket (a 0700 temporary
// directory: no TCP port that other local users could reach). With METRICS_PORT it serves
// the sum of every worker's metrics there (prom-client's cluster aggregation).
import cluster from 'node:cluster';
import { randomBytes } from 'node:crypto';
import { createServer, type Server as HttpServer } from 'node:http';
import net from 'node:net';
import { setupMaster } from '@socket.io/sticky';
import { AggregatorRegistry } from 'prom-client';
import type { Config } from '../config.js';
import type { Logger } from '../platform/logger.js';
import { closePlatform, createPlatform } from '../context.js';
import { runStartupTasks } from '../startup.js';
import { startEmbeddedPostgres, type EmbeddedPostgres } from '../db/pglite.js';
import { onShutdownSignals } from '../shutdown.js';
import { EMBEDDED_ENV, type EmbeddedDbInfo } from './messages.js';
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

/** GET /metrics on METRICS_PORT: every worker's registry, summed. */
function serveClusterMetrics(config: Config, logger: Logger): HttpServer | undefined {
  if (!config.METRICS_PORT) return undefined;
  const aggregator = new AggregatorRegistry();
  const server = createServer((req, res) => {
    if (req.method !== 'GET' || req.url?.split('?')[0] !== '/metrics') return void res.writeHead(404).end();
    aggregator.clusterMetrics().then(
      (text) => res.writeHead(200, { 'content-type': aggregator.contentType }).end(text),
      (err: Error) => {
        logger.warn({ err: err.message }, 'cluster metrics collection failed');
        res.writeHead(503).end();
      },
    );
  });
  server.listen(config.METRICS_PORT, config.HOST);
  return server;
}

export async function runPrimary(config: Config, logger: Logger): Promise<void> {
  logger.info({ workers: config.WORKERS }, 'cluster primary starting');
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

  // Sticky passes the first bytes of each connection along; "advanced" keeps them a Buffer.
  cluster.setupPrimary({ serialization: 'advanced' });
  let startFailed: (err: Error) => void = () => undefined;
  const failure = new Promise<never>((_, reject) => (startFailed = reject));
  const pool = new WorkerPool(config.WORKERS, logger, {
    onStartFailure: (code) => startFailed(new Error(`a worker failed to start (exit code ${code})`)),
  });
  const db: EmbeddedDbInfo | undefined = embedded && {
    socketDir: embedded.socketDir,
    port: embedded.port,
    poolMax: EMBEDDED_POOL_PER_WORKER,
  };
  pool.env = {
    ...(db ? { [EMBEDDED_ENV]: JSON.stringify(db) } : {}),
    // Without JWT_SECRET each process would pick its own key and reject its siblings' tokens.
    ...(config.JWT_SECRET ? {} : { JWT_SECRET: randomBytes(48).toString('base64url') }),
  };
  pool.start();
  try {
    await Promise.race([pool.allReady(), failure]);
  } catch (err) {
    await pool.stop(config.SHUTDOWN_TIMEOUT_MS);
    await embedded?.stop();
    throw err;
  }

  const metrics = serveClusterMetrics(config, logger);
  const server = net.createServer();
  const stop = async () => {
    // Stop accepting; connections already handed over belong to the workers, which drain them.
    server.close();
    metrics?.close();
    const clean = await pool.stop(config.SHUTDOWN_TIMEOUT_MS);
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
