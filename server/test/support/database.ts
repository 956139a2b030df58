// A fresh, empty database per suite: a new PostgreSQL database on the configured server,
// or a new PGlite directory when no server is configured.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { baseDatabaseUrl } from './services.js';

export interface TestDatabase {
  /** Environment for the server: DATABASE_URL or PGLITE_DIR. */
  env: Record<string, string>;
  url: string | undefined;
  drop(): Promise<void>;
}

async function admin<T>(fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: baseDatabaseUrl });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

export async function createTestDatabase(): Promise<TestDatabase> {
  if (!baseDatabaseUrl) {
    const dir = mkdtempSync(path.join(tmpdir(), 'gpu-test-pglite-'));
    return {
      env: { PGLITE_DIR: dir },
      url: undefined,
      drop: async () => rmSync(dir, { recursive: true, force: true }),
    };
  }
  const name = `t_${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
  await admin((c) => c.query(`create database ${name}`));
  const url = new URL(baseDatabaseUrl);
  url.pathname = `/${name}`;
  return {
    env: { DATABASE_URL: url.toString() },
    url: url.toString(),
    drop: () =>
      admin(async (c) => {
        await c.query(`drop database if exists ${name} with (force)`);
      }).catch(() => undefined),
  };
}

/** Runs SQL directly against a test database (real PostgreSQL only). */
export async function withPg<T>(url: string, fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}
