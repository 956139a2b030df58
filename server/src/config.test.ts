import { describe, expect, it } from 'vitest';
import { ConfigError, configKeys, loadConfig } from './config.js';

const fails = (env: Record<string, string>) => {
  try {
    loadConfig(env);
  } catch (err) {
    expect(err).toBeInstanceOf(ConfigError);
    return (err as Error).message;
  }
  throw new Error('expected loadConfig to fail');
};

describe('config', () => {
  it('runs on the embedded defaults with an empty environment', () => {
    const c = loadConfig({});
    expect(c.PORT).toBe(3000);
    expect(c.DATABASE_URL).toBeUndefined();
    expect(c.REDIS_URL).toBeUndefined();
    expect(c.PGLITE_DIR).toBe('./data/pglite');
    expect(c.LLM_MODEL).toBe('llama-3.3-70b-versatile');
    expect(c.EMBEDDINGS).toBe('auto');
    expect(c.SEED_ON_START).toBe(true);
    expect(c.ALLOWED_ORIGINS).toEqual([]);
  });

  it('parses lists, booleans and numbers', () => {
    const c = loadConfig({
      ALLOWED_ORIGINS: 'https://a.example, https://b.example',
      SEED_ON_START: 'false',
      PORT: '8080',
      RATE_LIMIT_ALLOWLIST: '127.0.0.1,10.0.0.0/8',
    });
    expect(c.ALLOWED_ORIGINS).toEqual(['https://a.example', 'https://b.example']);
    expect(c.SEED_ON_START).toBe(false);
    expect(c.PORT).toBe(8080);
    expect(c.RATE_LIMIT_ALLOWLIST).toEqual(['127.0.0.1', '10.0.0.0/8']);
    const cluster = loadConfig({ REDIS_CLUSTER_NODES: '10.0.0.1:7000, redis-1.internal:7001' });
    expect(cluster.REDIS_CLUSTER_NODES).toEqual(['10.0.0.1:7000', 'redis-1.internal:7001']);
    expect(cluster.EMBEDDINGS_MODEL).toBe('paraphrase-multilingual-MiniLM-L12-v2');
  });

  it.each([
    [{ PORT: 'eighty' }, 'PORT'],
    [{ PORT: '70000' }, 'PORT'],
    [{ DATABASE_URL: 'mysql://x' }, 'DATABASE_URL'],
    [{ DATABASE_URL: 'not a url' }, 'DATABASE_URL'],
    [{ REDIS_URL: 'http://localhost:6379' }, 'REDIS_URL'],
    [{ EMBEDDINGS: 'bert' }, 'EMBEDDINGS'],
    [{ LOG_LEVEL: 'loud' }, 'LOG_LEVEL'],
    [{ SEED_ON_START: 'maybe' }, 'SEED_ON_START'],
    [{ JWT_SECRET: 'short' }, 'JWT_SECRET'],
    [{ LLM_BASE_URL: 'ftp://x' }, 'LLM_BASE_URL'],
    [{ ADMIN_EMAIL: 'not-an-email', ADMIN_PASSWORD: 'long-enough-pw' }, 'ADMIN_EMAIL'],
    [{ NODE_ENV: 'staging' }, 'NODE_ENV'],
    [{ REDIS_CLUSTER_NODES: '127.0.0.1' }, 'REDIS_CLUSTER_NODES'],
    [{ METRICS_PORT: '0' }, 'METRICS_PORT'],
    [{ EMBEDDINGS_MODEL: 'bert-base' }, 'EMBEDDINGS_MODEL'],
  ])('rejects %o with one line naming the variable', (env, name) => {
    const message = fails(env as Record<string, string>);
    expect(message).toContain(name);
    expect(message.split('\n')).toHaveLength(1);
  });

  it('refuses WORKERS > 1 without Redis, naming REDIS_URL', () => {
    const message = fails({ WORKERS: '2' });
    expect(message).toMatch(/WORKERS > 1 requires REDIS_URL/);
    expect(message.split('\n')).toHaveLength(1);
    expect(loadConfig({ WORKERS: '2', REDIS_URL: 'redis://127.0.0.1:6379' }).WORKERS).toBe(2);
  });

  it('refuses production without JWT_SECRET', () => {
    expect(fails({ NODE_ENV: 'production' })).toMatch(/JWT_SECRET is required/);
    expect(loadConfig({ NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(40) }).NODE_ENV).toBe('production');
  });

  it('requires ADMIN_EMAIL and ADMIN_PASSWORD together, and a region with S3', () => {
    expect(fails({ ADMIN_EMAIL: 'a@b.co' })).toMatch(/ADMIN_EMAIL and ADMIN_PASSWORD/);
    expect(fails({ S3_BUCKET: 'images' })).toMatch(/AWS_REGION/);
  });

  it('treats empty strings as unset', () => {
    expect(loadConfig({ DATABASE_URL: '', REDIS_URL: '' }).DATABASE_URL).toBeUndefined();
  });

  it('knows every variable in the contract', () => {
    for (const key of [
      'PORT',
      'DATABASE_URL',
      'PGLITE_DIR',
      'REDIS_URL',
      'GROQ_API_KEY',
      'LLM_MODEL',
      'LLM_BASE_URL',
      'EMBEDDINGS',
      'MODEL_DIR',
      'JWT_SECRET',
      'S3_BUCKET',
      'S3_ENDPOINT',
      'AWS_REGION',
      'ADMIN_EMAIL',
      'ADMIN_PASSWORD',
      'SEED_ON_START',
      'ALLOWED_ORIGINS',
      'RATE_LIMIT_ALLOWLIST',
      'LOG_LEVEL',
    ]) {
      expect(configKeys).toContain(key);
    }
  });
});
