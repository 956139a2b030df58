// One database for several server processes (drills), reached through a loopback proxy the
// suite can cut: a fresh PostgreSQL database when DATABASE_URL is set, otherwise an embedded
// PGlite server started by the suite (processes connect to it over TCP through the proxy).
// The suite's own queries go straight to the database, never through the proxy.
import path from 'node:path';
import pg from 'pg';
import { startEmbeddedPostgres, type EmbeddedPostgres } from '../../src/db/pglite.js';
import { createTestDatabase } from './database.js';
import { startTcpProxy, type TcpProxy } from './tcp-proxy.js';
import { pgExec, type Exec } from '../realtime/helpers/catalog.js';

export interface SharedDatabase {
  /** DATABASE_URL for the server processes (through `proxy`). */
  url: string;
  proxy: TcpProxy;
  /** Direct SQL for the suite. */
  exec: Exec;
  close(): Promise<void>;
}

export async function startSharedDatabase(opts: { maxConnections?: number } = {}): Promise<SharedDatabase> {
  const db = await createTestDatabase();
  let embedded: EmbeddedPostgres | undefined;
  let proxy: TcpProxy;
  let pool: pg.Pool;
  let dbName = 'postgres';
  if (db.url) {
    const u = new URL(db.url);
    dbName = u.pathname.slice(1);
    proxy = await startTcpProxy({ host: u.hostname, port: Number(u.port || 5432) });
    pool = new pg.Pool({ connectionString: db.url, max: 2 });
  } else {
    embedded = await startEmbeddedPostgres(db.env.PGLITE_DIR!, opts.maxConnections ?? 24);
    proxy = await startTcpProxy({ path: path.join(embedded.socketDir, `.s.PGSQL.${embedded.port}`) });
    pool = new pg.Pool({
      host: embedded.socketDir,
      port: embedded.port,
      user: 'postgres',
      database: 'postgres',
      max: 1,
    });
  }
  pool.on('error', () => undefined);
  return {
    url: `postgres://postgres@127.0.0.1:${proxy.port}/${dbName}`,
    proxy,
    exec: pgExec(pool),
    async close() {
      await pool.end().catch(() => undefined);
      await proxy.close();
      await embedded?.stop();
      await db.drop();
    },
  };
}
