// /readyz and /health when the database becomes unreachable, and recovery without restart.
// The app reaches PostgreSQL (real, or an embedded PGlite server) through a loopback proxy
// that the test cuts and restores.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startTestApp, type TestApp } from '../support/app.js';
import { api } from '../support/http.js';
import { createTestDatabase, type TestDatabase } from '../support/database.js';
import { startTcpProxy, type TcpProxy } from '../support/tcp-proxy.js';
import { startEmbeddedPostgres, type EmbeddedPostgres } from '../../src/db/pglite.js';

let app: TestApp;
let proxy: TcpProxy;
let db: TestDatabase;
let embedded: EmbeddedPostgres | undefined;
let pgliteDir: string | undefined;

async function waitFor(check: () => Promise<boolean>, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error('condition not met in time');
}

beforeAll(async () => {
  db = await createTestDatabase();
  let dbName = 'postgres';
  if (db.url) {
    const u = new URL(db.url);
    proxy = await startTcpProxy({ host: u.hostname, port: Number(u.port || 5432) });
    dbName = u.pathname.slice(1);
  } else {
    pgliteDir = mkdtempSync(path.join(tmpdir(), 'gpu-outage-'));
    embedded = await startEmbeddedPostgres(pgliteDir, 4);
    proxy = await startTcpProxy({ path: path.join(embedded.socketDir, `.s.PGSQL.${embedded.port}`) });
  }
  const url = `postgres://postgres@127.0.0.1:${proxy.port}/${dbName}`;
  app = await startTestApp({
    database: { env: { DATABASE_URL: url }, url, drop: async () => undefined },
    redis: false,
    env: { DB_POOL_SIZE: '2' },
  });
});

afterAll(async () => {
  await app?.close();
  await proxy?.close();
  await embedded?.stop();
  if (pgliteDir) rmSync(pgliteDir, { recursive: true, force: true });
  await db?.drop();
});

describe('database outage', () => {
  it('reports ready, then 503 and degraded while the database is unreachable, then recovers', async () => {
    expect((await api(app.url, '/readyz')).status).toBe(200);

    proxy.cut();
    const ready = await api(app.url, '/readyz');
    expect(ready.status).toBe(503);
    expect(JSON.stringify(ready.body)).toMatch(/database/);
    const health = await api(app.url, '/health');
    expect(health.status).toBe(200);
    expect(health.body.status).toBe('degraded');
    expect(health.body.checks.database.status).toBe('down');
    expect(JSON.stringify(health.body)).not.toMatch(/\n\s+at /);
    // A request that needs the database gets a clear, retryable 503, not a 500.
    const list = await api(app.url, `/api/gpus?q=outage${Date.now()}`);
    expect(list.status).toBe(503);
    expect(list.headers.get('content-type')).toMatch(/application\/problem\+json/);
    expect(list.headers.get('retry-after')).toBeTruthy();
    expect(list.body).toMatchObject({ status: 503, code: 'service_unavailable' });
    // Liveness does not depend on the database: the orchestrator must not restart us.
    expect((await api(app.url, '/healthz')).status).toBe(200);

    proxy.restore();
    await waitFor(async () => (await api(app.url, '/readyz')).status === 200);
    expect((await api(app.url, '/health')).body.status).toBe('ok');
  });
});
