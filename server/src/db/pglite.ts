// The embedded database: PGlite (Postgres compiled to WASM) with pgvector, persisted on
// disk and served over a private Unix socket so MikroORM talks to it like any PostgreSQL.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { vector } from '@electric-sql/pglite-pgvector';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';

export interface EmbeddedPostgres {
  /** Directory holding the socket file (the `host` for node-postgres). */
  socketDir: string;
  port: number;
  /** Connections a client pool may open (default 1); the server accepts `maxConnections`. */
  poolMax?: number;
  stop(): Promise<void>;
}

export async function startEmbeddedPostgres(dataDir: string, maxConnections = 1): Promise<EmbeddedPostgres> {
  mkdirSync(dataDir, { recursive: true });
  const db = await PGlite.create({ dataDir: path.resolve(dataDir), extensions: { vector } });
  const socketDir = mkdtempSync(path.join(tmpdir(), 'gpu-pglite-'));
  const port = 5432;
  const server = new PGLiteSocketServer({
    db,
    path: path.join(socketDir, `.s.PGSQL.${port}`),
    maxConnections,
  });
  await server.start();
  return {
    socketDir,
    port,
    async stop() {
      await server.stop();
      await db.close();
      rmSync(socketDir, { recursive: true, force: true });
    },
  };
}
