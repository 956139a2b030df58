// Opens the database (real PostgreSQL or embedded PGlite), applies migrations, and
// exposes the ORM plus the checks /readyz and /health need.
import { MikroORM, type Options } from '@mikro-orm/postgresql';
import { Migrator } from '@mikro-orm/migrations';
import type { Config } from '../config.js';
import type { Logger } from '../platform/logger.js';
import { entities } from './entities/index.js';
import { migrationsList } from './migrations/index.js';
import { startEmbeddedPostgres, type EmbeddedPostgres } from './pglite.js';
import { LOCKS, withAdvisoryLock } from './advisory-lock.js';

export type Orm = MikroORM;

export interface Database {
  orm: Orm;
  engine: 'postgresql' | 'pglite';
  /** Round-trip latency in ms; throws when the database does not answer. */
  ping(timeoutMs?: number): Promise<number>;
  /** True when every known migration has been applied. */
  migrationsApplied(): Promise<boolean>;
  migrate(): Promise<string[]>;
  close(): Promise<void>;
}

export function ormOptions(
  config: Pick<Config, 'DATABASE_URL' | 'DB_POOL_SIZE'>,
  embedded?: EmbeddedPostgres,
): Options {
  const base: Options = {
    entities,
    extensions: [Migrator],
    migrations: {
      migrationsList,
      transactional: true,
      allOrNothing: true,
      snapshot: false,
      silent: true,
      tableName: 'mikro_orm_migrations',
    },
    discovery: { warnWhenNoEntities: false },
    forceUtcTimezone: true,
    allowGlobalContext: false,
    debug: false,
    // Connection errors must surface quickly so /readyz can answer 503 instead of hanging.
    driverOptions: { connection: { connectionTimeoutMillis: 3_000, statement_timeout: 15_000 } },
  };
  if (embedded) {
    // PGlite runs one query at a time: a pool of 1 keeps transactions simple and deadlock-free.
    return {
      ...base,
      host: embedded.socketDir,
      port: embedded.port,
      user: 'postgres',
      dbName: 'postgres',
      pool: { min: 0, max: embedded.poolMax ?? 1 },
    };
  }
  return {
    ...base,
    clientUrl: config.DATABASE_URL,
    pool: { min: 0, max: config.DB_POOL_SIZE, idleTimeoutMillis: 30_000, acquireTimeoutMillis: 10_000 },
  };
}

export async function openDatabase(
  config: Config,
  logger: Logger,
  opts: { migrate?: boolean; embedded?: EmbeddedPostgres } = {},
): Promise<Database> {
  // A server passed in (the cluster primary's) belongs to its caller: connect, never stop it.
  let embedded = opts.embedded;
  let ownsEmbedded = false;
  if (!embedded && !config.DATABASE_URL) {
    ownsEmbedded = true;
    embedded = await startEmbeddedPostgres(config.PGLITE_DIR, 2);
    logger.info({ dir: config.PGLITE_DIR }, 'embedded PGlite database started');
  }
  const orm = await MikroORM.init(ormOptions(config, embedded));
  const engine = embedded ? 'pglite' : 'postgresql';

  const database: Database = {
    orm,
    engine,
    async ping(timeoutMs = 2_000) {
      const start = performance.now();
      let timer: NodeJS.Timeout | undefined;
      try {
        await Promise.race([
          orm.em.fork().getConnection().execute('select 1'),
          new Promise((_, reject) => {
            timer = setTimeout(() => reject(new Error('database ping timed out')), timeoutMs);
          }),
        ]);
      } finally {
        clearTimeout(timer);
      }
      return Math.round((performance.now() - start) * 100) / 100;
    },
    async migrationsApplied() {
      const pending = await orm.getMigrator().getPendingMigrations();
      return pending.length === 0;
    },
    async migrate() {
      const up = async () => (await orm.getMigrator().up()).map((m) => m.name);
      // Instances starting together on one PostgreSQL take turns (PGlite has one owner).
      return config.DATABASE_URL ? withAdvisoryLock(config.DATABASE_URL, LOCKS.startup, up) : up();
    },
    async close() {
      await orm.close(true);
      if (ownsEmbedded) await embedded?.stop();
    },
  };

  if (opts.migrate !== false) {
    const applied = await database.migrate();
    if (applied.length) logger.info({ applied }, 'migrations applied');
  }
  return database;
}
