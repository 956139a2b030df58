// Catalog read benchmark: autocannon on GET /api/gpus with filters, served from the cache
// (the same URL every time) and uncached (a different maxPrice each request, so every request
// misses and runs the SQL), next to a bare node:http route and a bare Express 5 app (one route,
// nothing else mounted) in the same process that return the same bytes. Prints a markdown
// table: req/s, p50/p99 latency and the ratios to both bare routes, then the goals.
// autocannon fires from a worker thread, so the load generator does not share the server's
// event loop (it still shares the machine's cores).
//
//   npx tsx --conditions=source scripts/bench/catalog.ts
//
// Embedded defaults (PGlite, in-memory cache) unless DATABASE_URL / REDIS_URL are set; with
// DATABASE_URL a temporary database is created on that server and dropped afterwards.
// BENCH_DURATION_S (default 10) and BENCH_CONNECTIONS (default 10) tune each case. To profile
// one case, e.g. the cached route: BENCH_ONLY=cached node --cpu-prof --cpu-prof-dir=/tmp/prof
// --import tsx --conditions=source scripts/bench/catalog.ts (the bare cases always run: the
// ratios need them).
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { createRequire } from 'node:module';
import { cpus, tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadConfig } from '../../server/src/config.js';
import { closePlatform, createPlatform } from '../../server/src/context.js';
import { createServices } from '../../server/src/services.js';
import { CATALOG_CACHE_NS } from '../../server/src/modules/catalog/service.js';
import { createApplication } from '../../server/src/app.js';
import { runStartupTasks } from '../../server/src/startup.js';
import { createLogger } from '../../server/src/platform/logger.js';
import { createTestDatabase } from '../../server/test/support/database.js';
import express from 'express';

interface AutocannonResult {
  requests: { average: number; total: number };
  latency: { p50: number; p99: number; average: number };
  non2xx: number;
  errors: number;
}
interface AutocannonRequest {
  /** In workers mode, functions are given as a file path (a CommonJS module exporting one). */
  setupRequest?: string;
}
type Autocannon = (opts: {
  url: string;
  connections: number;
  duration: number;
  workers?: number;
  requests?: AutocannonRequest[];
}) => Promise<AutocannonResult>;
const autocannon = createRequire(import.meta.url)('autocannon') as Autocannon;

const durationS = Number(process.env.BENCH_DURATION_S ?? 10);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 10);
const catalogPath = '/api/gpus?brand=NVIDIA&maxPrice=1000&sort=price';

function listen(server: Server): Promise<number> {
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve((server.address() as { port: number }).port)),
  );
}

async function run(name: string, url: string, requests?: AutocannonRequest[]) {
  const r = await autocannon({ url, connections, duration: durationS, workers: 1, ...(requests ? { requests } : {}) });
  if (r.non2xx || r.errors) console.warn(`  ${name}: ${r.non2xx} non-2xx, ${r.errors} errors`);
  return { name, rps: r.requests.average, p50: r.latency.p50, p99: r.latency.p99, total: r.requests.total };
}

async function main(): Promise<void> {
  // A throwaway database: the same factory the test suites use (PGlite, or DATABASE_URL's server).
  const db = await createTestDatabase();
  const uploads = mkdtempSync(path.join(tmpdir(), 'bench-uploads-'));
  const config = loadConfig({
    NODE_ENV: 'production',
    LOG_LEVEL: 'silent',
    JWT_SECRET: randomBytes(32).toString('hex'),
    UPLOADS_DIR: uploads,
    RATE_LIMIT_ALLOWLIST: '127.0.0.1,::1',
    ...db.env,
    ...(process.env.REDIS_URL ? { REDIS_URL: process.env.REDIS_URL } : {}),
  });
  const platform = await createPlatform(config, createLogger('silent'));
  await runStartupTasks(platform);
  const services = createServices(platform);
  const application = await createApplication(platform, services, { serveClient: false });
  const { port } = await application.listen(0, '127.0.0.1');
  const base = `http://127.0.0.1:${port}`;

  // The bare route answers with the very same body, so only the stack differs.
  const sample = await (await fetch(base + catalogPath)).text();
  const bare = createServer((_req, res) => {
    res.writeHead(200, {
      'content-type': 'application/json; charset=utf-8',
      'content-length': Buffer.byteLength(sample),
    });
    res.end(sample);
  });
  const barePort = await listen(bare);
  // What a user would pick instead of the product: Express 5, one route, the same bytes.
  const bareExpressApp = express();
  bareExpressApp.get('/api/gpus', (_req, res) => {
    res.type('application/json').send(sample);
  });
  const bareExpress = createServer(bareExpressApp);
  const bareExpressPort = await listen(bareExpress);

  console.log(
    `catalog bench: ${db.url ? 'PostgreSQL' : 'PGlite (embedded)'}, cache ${config.REDIS_URL ? 'Redis' : 'in-memory'}, node ${process.version}, ` +
      `${cpus().length} CPUs, ${connections} connections, ${durationS}s per case, body ${sample.length} bytes`,
  );
  const uncachedRequest = fileURLToPath(new URL('./catalog-uncached-request.cjs', import.meta.url));
  const only = process.env.BENCH_ONLY;
  const results = [
    await run('bare node:http (same bytes)', `http://127.0.0.1:${barePort}/`),
    await run('bare Express 5, one route (same bytes)', `http://127.0.0.1:${bareExpressPort}${catalogPath}`),
  ];
  if (!only || only === 'cached') results.push(await run('GET /api/gpus cached', base + catalogPath));
  if (!only || only === 'uncached') {
    // The uncached case's keys repeat from run to run (the same maxPrice sequence). Listing
    // pages were once kept in Redis too, and an earlier run's entries turned this run's misses
    // into shared-tier hits (the same code read 900-1,100 or 1,450-1,700 req/s by how long ago
    // the last run was). Pages now live only in the process, which starts empty; the namespace
    // is still dropped first so nothing an older build left in Redis can be read.
    await platform.cache.invalidate(CATALOG_CACHE_NS);
    results.push(await run('GET /api/gpus uncached', base, [{ setupRequest: uncachedRequest }]));
  }
  const bareRps = results[0]!.rps;
  const expressRps = results[1]!.rps;
  console.log('');
  console.log('| case | req/s | p50 ms | p99 ms | vs bare node:http | vs bare Express |');
  console.log('|---|---:|---:|---:|---:|---:|');
  for (const r of results) {
    console.log(
      `| ${r.name} | ${Math.round(r.rps)} | ${r.p50} | ${r.p99} | ${(r.rps / bareRps).toFixed(2)}x | ${(r.rps / expressRps).toFixed(2)}x |`,
    );
  }
  console.log('');
  for (const [label, goal] of [
    ['GET /api/gpus cached', 0.8],
    ['GET /api/gpus uncached', 0.3],
  ] as const) {
    const r = results.find((x) => x.name === label);
    if (!r) continue;
    const ratio = r.rps / expressRps;
    console.log(
      `goal: ${label} >= ${goal.toFixed(2)}x bare Express: ${ratio.toFixed(2)}x, ${ratio >= goal ? 'met' : 'NOT met'}`,
    );
  }

  bare.close();
  bareExpress.close();
  await application.close();
  await closePlatform(platform);
  await db.drop();
  rmSync(uploads, { recursive: true, force: true });
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
