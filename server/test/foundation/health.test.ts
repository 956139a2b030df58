// Health, readiness and metrics over real HTTP, and error bodies for bad input.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/app.js';
import { api } from '../support/http.js';
import { hasRedis } from '../support/services.js';

let app: TestApp;

beforeAll(async () => {
  app = await startTestApp();
});
afterAll(async () => app?.close());

describe('health endpoints', () => {
  it('GET /healthz is a dependency-free liveness probe', async () => {
    const res = await api(app.url, '/healthz');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ status: 'ok' });
  });

  it('GET /readyz is 200 when the database answers and migrations are applied', async () => {
    const res = await api(app.url, '/readyz');
    expect(res.status).toBe(200);
  });

  it('GET /health reports every dependency in the contract shape', async () => {
    const res = await api(app.url, '/health');
    expect(res.status).toBe(200);
    const body = res.body;
    expect(body.status).toBe('ok');
    expect(typeof body.version).toBe('string');
    expect(typeof body.uptimeS).toBe('number');
    expect(body.checks.database.status).toBe('ok');
    expect(body.checks.database.latencyMs).toBeGreaterThanOrEqual(0);
    if (hasRedis) {
      expect(body.checks.redis.status).toBe('ok');
      expect(body.checks.redis.latencyMs).toBeGreaterThanOrEqual(0);
    } else {
      expect(body.checks.redis).toEqual({ status: 'disabled' });
    }
    expect(body.checks.llm).toEqual({ provider: expect.any(String), model: expect.any(String) });
    expect(body.checks.embeddings).toMatchObject({ model: app.platform.embedder.model, dim: 384 });
  });

  it('GET /metrics exposes Prometheus text with default and HTTP metrics by route template', async () => {
    await api(app.url, '/api/gpus/00000000-0000-4000-8000-000000000000');
    const res = await fetch(`${app.url}/metrics`);
    expect(res.headers.get('content-type')).toMatch(/text\/plain/);
    const text = await res.text();
    expect(text).toMatch(/^process_resident_memory_bytes /m);
    expect(text).toMatch(/http_request_duration_seconds_bucket\{[^}]*route="\/healthz"/);
    expect(text).not.toMatch(/route="\/api\/gpus\/00000000/);
  });
});

describe('bad input', () => {
  const routes = [
    '/api/auth/login',
    '/api/auth/register',
    '/api/gpus',
    '/api/cart/items',
    '/api/v1/ask-ai',
    '/api/nowhere',
  ];

  it.each(routes)('malformed JSON to %s is a 400 problem+json without internals', async (path) => {
    const res = await api(app.url, path, { method: 'POST', rawBody: '{"message": "hola",' });
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toMatch(/application\/problem\+json/);
    expect(res.body).toMatchObject({
      status: 400,
      title: 'Bad Request',
      type: expect.any(String),
      detail: expect.stringMatching(/JSON/i),
    });
    expect(JSON.stringify(res.body)).not.toMatch(/at .*\.(ts|js):\d+|node_modules|SyntaxError/);
  });

  it('an oversized body is a 413 problem+json', async () => {
    const res = await api(app.url, '/api/auth/login', {
      method: 'POST',
      rawBody: JSON.stringify({ email: 'a@b.co', password: 'x'.repeat(1_000_000) }),
    });
    expect(res.status).toBe(413);
    expect(res.headers.get('content-type')).toMatch(/application\/problem\+json/);
  });

  it('an unknown route is a 404 problem+json', async () => {
    const res = await api(app.url, '/api/does-not-exist');
    expect(res.status).toBe(404);
    expect(res.body).toMatchObject({ status: 404, code: 'not_found' });
  });
});
