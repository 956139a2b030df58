// The environment, parsed once. This is the only module that reads process.env.
// A bad value stops start-up with one line naming the variable.
import { z } from 'zod';

const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

const csv = z.string().transform((v) =>
  v
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean),
);

const url = (protocols: string[]) =>
  z
    .string()
    .url()
    .refine((v) => protocols.some((p) => v.startsWith(`${p}:`)), {
      message: `must start with ${protocols.map((p) => `${p}://`).join(' or ')}`,
    });

export const configSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('0.0.0.0'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Unset: embedded PGlite with pgvector under PGLITE_DIR. */
  DATABASE_URL: url(['postgres', 'postgresql']).optional(),
  PGLITE_DIR: z.string().min(1).default('./data/pglite'),
  DB_POOL_SIZE: z.coerce.number().int().min(1).max(100).default(10),
  /** Unset: single instance, in-memory adapter, bus and cache. */
  REDIS_URL: url(['redis', 'rediss']).optional(),
  /**
   * Redis Cluster seed nodes ("host:port,host:port"): every Redis use (adapter in sharded mode,
   * bus, cache, limits, locks, streams) goes to the cluster instead of REDIS_URL.
   */
  REDIS_CLUSTER_NODES: csv
    .pipe(z.array(z.string().regex(/^[A-Za-z0-9.-]+:\d{1,5}$/, 'must be host:port, comma-separated')).min(1))
    .optional(),
  /** Unset: the offline grounded responder. */
  GROQ_API_KEY: z.string().min(1).optional(),
  LLM_MODEL: z.string().min(1).default('llama-3.3-70b-versatile'),
  LLM_BASE_URL: url(['http', 'https']).optional(),
  LLM_TIMEOUT_MS: z.coerce.number().int().min(1000).max(600_000).default(30_000),
  EMBEDDINGS: z.enum(['auto', 'minilm', 'hashing']).default('auto'),
  MODEL_DIR: z.string().min(1).default('./models'),
  /** The sentence-embedding model EMBEDDINGS=minilm/auto loads (384-d either way). */
  EMBEDDINGS_MODEL: z
    .enum(['paraphrase-multilingual-MiniLM-L12-v2', 'all-MiniLM-L6-v2'])
    .default('paraphrase-multilingual-MiniLM-L12-v2'),
  /** Required in production; a random per-process secret otherwise (tokens die on restart). */
  JWT_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  ACCESS_TOKEN_TTL_S: z.coerce.number().int().min(30).max(3600).default(900),
  REFRESH_TOKEN_TTL_S: z.coerce
    .number()
    .int()
    .min(300)
    .default(30 * 24 * 3600),
  /** Reuse of the refresh token just rotated, within this many seconds, returns the same successor. */
  REFRESH_REUSE_GRACE_S: z.coerce.number().int().min(0).max(60).default(10),
  /** Lifetime of a server-issued guest token (POST /api/auth/guest). */
  GUEST_TOKEN_TTL_S: z.coerce
    .number()
    .int()
    .min(60)
    .max(90 * 24 * 3600)
    .default(7 * 24 * 3600),
  /** LLM tokens per day for all guests of one IP together (RATE_LIMIT_ALLOWLIST exempts); 0 disables. */
  GUEST_IP_DAILY_TOKEN_BUDGET: z.coerce.number().int().min(0).default(1_000_000),
  S3_BUCKET: z.string().min(3).optional(),
  S3_ENDPOINT: url(['http', 'https']).optional(),
  AWS_REGION: z.string().min(1).optional(),
  /** Public base URL for stored images (CDN or bucket website); defaults by store. */
  ASSET_BASE_URL: url(['http', 'https']).optional(),
  UPLOADS_DIR: z.string().min(1).default('./data/uploads'),
  ADMIN_EMAIL: z.string().email().optional(),
  ADMIN_PASSWORD: z.string().min(8, 'must be at least 8 characters').optional(),
  SEED_ON_START: bool.default(true),
  ALLOWED_ORIGINS: csv.default([]),
  RATE_LIMIT_ALLOWLIST: csv.default([]),
  TRUST_PROXY: z.string().default('loopback'),
  /** Serve /metrics on this port only (not on PORT); for a ServiceMonitor inside the cluster. */
  METRICS_PORT: z.coerce.number().int().min(1).max(65535).optional(),
  /**
   * Without METRICS_PORT in production, /metrics on PORT answers only `Authorization: Bearer
   * <METRICS_TOKEN>`; with neither set it is off there (404).
   */
  METRICS_TOKEN: z.string().min(16, 'must be at least 16 characters').optional(),
  SHUTDOWN_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(10_000),
  WORKERS: z.coerce.number().int().min(1).max(64).default(1),
  CHAT_DAILY_TOKEN_BUDGET: z.coerce.number().int().min(0).default(200_000),
  CLIENT_DIR: z.string().optional(),
});

export type Config = z.infer<typeof configSchema>;

/** Every variable the server reads; the Helm chart test checks the Deployment against it. */
export const configKeys = Object.keys(configSchema.shape) as (keyof Config)[];

export class ConfigError extends Error {
  override name = 'ConfigError';
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  // Empty strings mean "unset": Kubernetes and .env files often produce them.
  const input: Record<string, string> = {};
  for (const key of configKeys) {
    const v = env[key];
    if (v !== undefined && v !== '') input[key] = v;
  }
  const parsed = configSchema.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const name = String(issue.path[0] ?? 'environment');
    throw new ConfigError(`Invalid configuration: ${name} ${issue.message}`);
  }
  const config = parsed.data;
  if (config.NODE_ENV === 'production' && !config.JWT_SECRET) {
    throw new ConfigError('Invalid configuration: JWT_SECRET is required when NODE_ENV=production');
  }
  if (config.S3_BUCKET && !config.AWS_REGION) {
    throw new ConfigError('Invalid configuration: AWS_REGION is required when S3_BUCKET is set');
  }
  if (config.WORKERS > 1 && !config.REDIS_URL && !config.REDIS_CLUSTER_NODES) {
    throw new ConfigError(
      'Invalid configuration: WORKERS > 1 requires REDIS_URL (the workers share the Socket.IO adapter, bus, limits and streams through Redis)',
    );
  }
  if (Boolean(config.ADMIN_EMAIL) !== Boolean(config.ADMIN_PASSWORD)) {
    throw new ConfigError('Invalid configuration: ADMIN_EMAIL and ADMIN_PASSWORD must be set together');
  }
  return config;
}
