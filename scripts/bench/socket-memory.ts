// Memory per idle authenticated socket, measured on the heap rather than by RSS (RSS moves in
// V8's heap-growth steps, so per-socket figures from it swing by 10 KB between runs). The
// product runs in this process next to a bare Socket.IO server; worker processes (the
// realtime bench's client-worker) open N sockets to each, every one watching one product, the
// product's with an access token each. Per socket = growth of (V8 heap used + external
// memory) after a full GC, divided by the sockets. Run with --expose-gc:
//
//   node --expose-gc --import tsx --conditions=source scripts/bench/socket-memory.ts [--sockets 1000]
//
// --warmup 0 skips the warm-up round (see main). --heap-snapshots DIR writes a V8 heap snapshot before and after each server's sockets
// connect; `scripts/bench/heap-diff.ts before after` says which objects the sockets added.
//
// Embedded defaults (PGlite, no Redis) unless DATABASE_URL / REDIS_URL are set.
import { fork, type ChildProcess } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { writeHeapSnapshot } from 'node:v8';
import { Server } from 'socket.io';
import { loadConfig } from '../../server/src/config.js';
import { closePlatform, createPlatform } from '../../server/src/context.js';
import { createServices } from '../../server/src/services.js';
import { createApplication } from '../../server/src/app.js';
import { runStartupTasks } from '../../server/src/startup.js';
import { createLogger } from '../../server/src/platform/logger.js';
import { TokenService } from '../../server/src/modules/auth/tokens.js';
import { createTestDatabase } from '../../server/test/support/database.js';
import type { WorkerCommand, WorkerReply } from './realtime/client-worker.js';

const { values: args } = parseArgs({
  options: {
    sockets: { type: 'string', default: '1000' },
    workers: { type: 'string', default: '2' },
    'heap-snapshots': { type: 'string' },
    warmup: { type: 'string', default: '1' },
  },
});
const SOCKETS = Number(args.sockets);
const WORKERS = Number(args.workers);
const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));
const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error('run with node --expose-gc');
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const slug = (name: string) => name.split(/[^a-z0-9]+/i)[0]!.toLowerCase();

async function settledBytes(snapshot?: string): Promise<number> {
  for (let i = 0; i < 3; i++) {
    gc!();
    await sleep(200);
  }
  if (snapshot && args['heap-snapshots']) {
    const file = writeHeapSnapshot(path.join(args['heap-snapshots'], `${snapshot}.heapsnapshot`));
    console.log(`heap snapshot: ${file}`);
  }
  const m = process.memoryUsage();
  return m.heapUsed + m.external;
}

function reply<T extends WorkerReply['type'] | 'ready'>(w: ChildProcess, type: T): Promise<WorkerReply> {
  return new Promise((resolve) => {
    const on = (m: WorkerReply | { type: 'ready' }) => {
      if (m.type !== type) return;
      w.off('message', on);
      resolve(m as WorkerReply);
    };
    w.on('message', on);
  });
}

async function measure(name: string, url: string, gpuId: string, tokens?: string[], sockets = SOCKETS) {
  const workers = Array.from({ length: WORKERS }, () =>
    fork(here('./realtime/client-worker.ts'), [], { execArgv: ['--import', 'tsx', '--conditions=source'] }),
  );
  await Promise.all(workers.map((w) => reply(w, 'ready')));
  const snapshot = sockets === SOCKETS ? slug(name) : undefined;
  const before = await settledBytes(snapshot && `${snapshot}-before`);
  const per = Math.ceil(sockets / WORKERS);
  const connected = await Promise.all(
    workers.map((w, i) => {
      const r = reply(w, 'connected');
      const count = Math.min(per, sockets - i * per);
      w.send({
        type: 'connect',
        kind: 'socketio',
        urls: [url],
        count,
        gpuId,
        tokens: tokens?.slice(i * per, i * per + count),
      } satisfies WorkerCommand);
      return r;
    }),
  );
  const ok = connected.reduce((s, c) => s + (c.type === 'connected' ? c.ok : 0), 0);
  await sleep(1_000);
  const after = await settledBytes(snapshot && `${snapshot}-after`);
  for (const w of workers) w.send({ type: 'close' } satisfies WorkerCommand);
  await Promise.all(workers.map((w) => new Promise((r) => w.once('exit', r))));
  await sleep(500);
  return { name, sockets: ok, kb: (after - before) / Math.max(1, ok) / 1024 };
}

async function main(): Promise<void> {
  const db = await createTestDatabase();
  const uploads = mkdtempSync(path.join(tmpdir(), 'bench-uploads-'));
  const secret = randomBytes(32).toString('hex');
  const config = loadConfig({
    NODE_ENV: 'production',
    LOG_LEVEL: 'silent',
    JWT_SECRET: secret,
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
  const [gpu] = await platform.db.orm.em.fork().execute<{ id: string }[]>(`select id from gpus limit 1`);
  const signer = new TokenService({ secret, accessTtlS: 3600 });
  const tokens = await Promise.all(
    Array.from({ length: SOCKETS }, () => signer.signAccess({ id: randomUUID(), role: 'shopper' })),
  );

  const bareHttp = createServer();
  const bare = new Server(bareHttp, { serveClient: false });
  bare.on('connection', (socket) => {
    socket.on('stock:watch', (_p: unknown, ack?: (r: { ok: true; stocks: [] }) => void) => {
      void socket.join('gpu');
      ack?.({ ok: true, stocks: [] });
    });
  });
  await new Promise<void>((r) => bareHttp.listen(0, '127.0.0.1', r));
  const barePort = (bareHttp.address() as { port: number }).port;

  // One round of a few hundred sockets first, on each server, thrown away: V8 compiles the
  // connection path once (about 1 KB per socket at 1,000 sockets in the first round), which
  // is not what each further socket costs.
  if (args.warmup !== '0') {
    await measure('warm-up', `http://127.0.0.1:${barePort}`, 'baseline', undefined, 200);
    await measure('warm-up', `http://127.0.0.1:${port}`, gpu!.id, tokens, 200);
  }
  const rows = [
    await measure('bare socket.io, one room', `http://127.0.0.1:${barePort}`, 'baseline'),
    await measure('product (authenticated, watching one product)', `http://127.0.0.1:${port}`, gpu!.id, tokens),
  ];
  console.log(`\nsocket memory: ${SOCKETS} idle sockets, heap used + external after GC, node ${process.version}\n`);
  console.log('| server | sockets | KB per socket |\n|---|---:|---:|');
  for (const r of rows) console.log(`| ${r.name} | ${r.sockets} | ${r.kb.toFixed(1)} |`);
  const product = rows[1]!.kb;
  console.log(
    `\ngoal: memory per idle authenticated socket <= 12 KB: ${product.toFixed(1)} KB, ${product <= 12 ? 'met' : 'NOT met'}`,
  );

  await new Promise<void>((r) => void bare.close(() => r()));
  await application.close();
  await closePlatform(platform);
  await db.drop();
  rmSync(uploads, { recursive: true, force: true });
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
