// Starts the whole product in-process on a random loopback port, on a fresh database,
// with the same code path as `main.ts` (config -> platform -> start-up -> services -> app).
import { mkdtemp, rm } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadConfig, type Config } from '../../src/config.js';
import { createPlatform, closePlatform, type Platform } from '../../src/context.js';
import { createServices, type Services } from '../../src/services.js';
import { createApplication, type Application } from '../../src/app.js';
import { runStartupTasks } from '../../src/startup.js';
import { createLogger } from '../../src/platform/logger.js';
import { createTestDatabase, type TestDatabase } from './database.js';
import { createTestRedisUrl } from './redis.js';
import type { TestRedisCluster } from './redis-cluster.js';

export const ADMIN = { email: 'admin@test.local', password: 'Admin-Password-123!' };
export const TEST_JWT_SECRET = 'test-secret-that-is-long-enough-0123456789abcdef';

export interface TestApp {
  url: string;
  config: Config;
  platform: Platform;
  services: Services;
  application: Application;
  database: TestDatabase;
  close(): Promise<void>;
}

export interface TestAppOptions {
  env?: Record<string, string>;
  /** Use Redis when available (default true). */
  redis?: boolean;
  /** Use this Redis Cluster (REDIS_CLUSTER_NODES) instead of REDIS_URL. */
  redisCluster?: TestRedisCluster;
  /** Reuse an existing database instead of creating one. */
  database?: TestDatabase;
  /** Serve the built web client (client/build) as `npm start` does; browser tests need it. */
  serveClient?: boolean;
}

export async function startTestApp(opts: TestAppOptions = {}): Promise<TestApp> {
  const database = opts.database ?? (await createTestDatabase());
  const redisUrl = opts.redis === false || opts.redisCluster ? undefined : await createTestRedisUrl();
  // Each app stores its seed pictures and uploads in its own folder, removed on close.
  const uploadsDir = opts.env?.UPLOADS_DIR ? undefined : await mkdtemp(path.join(tmpdir(), 'gpu-uploads-'));
  const config = loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    JWT_SECRET: TEST_JWT_SECRET,
    ADMIN_EMAIL: ADMIN.email,
    ADMIN_PASSWORD: ADMIN.password,
    RATE_LIMIT_ALLOWLIST: '',
    ...database.env,
    ...(redisUrl ? { REDIS_URL: redisUrl } : {}),
    ...(opts.redisCluster?.env ?? {}),
    ...(uploadsDir ? { UPLOADS_DIR: uploadsDir } : {}),
    ...opts.env,
  });
  const logger = createLogger(config.LOG_LEVEL);
  const platform = await createPlatform(config, logger);
  await runStartupTasks(platform);
  const services = createServices(platform);
  const application = await createApplication(platform, services, { serveClient: opts.serveClient ?? false });
  const address: AddressInfo = await application.listen(0, '127.0.0.1');
  let closed = false;
  return {
    url: `http://127.0.0.1:${address.port}`,
    config,
    platform,
    services,
    application,
    database,
    async close() {
      if (closed) return;
      closed = true;
      await application.close();
      await closePlatform(platform);
      if (!opts.database) await database.drop();
      if (uploadsDir) await rm(uploadsDir, { recursive: true, force: true });
    },
  };
}
