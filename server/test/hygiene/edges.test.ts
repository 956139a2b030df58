// Edges: origins compared by scheme, host and port (and forwarded headers believed only from a
// trusted proxy), HSTS only over HTTPS, and /metrics where the configuration says: its own
// port (METRICS_PORT), behind a token in production (METRICS_TOKEN), or nowhere.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/app.js';
import { api } from '../support/http.js';
import { freePort } from '../support/processes.js';
import { randomUUID } from 'node:crypto';
import { closeAllClients, connectShopper, refusal } from '../realtime/helpers/sockets.js';

const preflight = (app: TestApp, origin: string, headers: Record<string, string> = {}) =>
  api(app.url, '/api/auth/login', {
    method: 'OPTIONS',
    headers: { origin, 'access-control-request-method': 'POST', ...headers },
  });
const crossSiteWrite = (app: TestApp, origin: string, headers: Record<string, string> = {}) =>
  api(app.url, '/api/auth/login', {
    body: { email: 'x@example.com', password: 'whatever-1' },
    headers: { origin, ...headers },
  });

afterAll(() => closeAllClients());

describe('origins with ALLOWED_ORIGINS', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp({ env: { ALLOWED_ORIGINS: 'https://shop.example' } });
  });
  afterAll(async () => app?.close());

  it('allows the listed origin exactly (default port folded)', async () => {
    for (const origin of ['https://shop.example', 'https://SHOP.example:443']) {
      const res = await preflight(app, origin);
      expect(res.status).toBe(204);
      expect(res.headers.get('access-control-allow-origin')).toBe(origin);
    }
  });

  it('refuses another scheme, another port, and a forwarded host that claims to be the server', async () => {
    for (const origin of ['http://shop.example', 'https://shop.example:8443', 'https://evil.example']) {
      const res = await crossSiteWrite(app, origin);
      expect(res.status, origin).toBe(403);
      expect(res.headers.get('access-control-allow-origin')).toBeNull();
    }
    const spoofed = await crossSiteWrite(app, 'http://evil.example', { 'x-forwarded-host': 'evil.example' });
    expect(spoofed.status).toBe(403);
    expect(spoofed.headers.get('access-control-allow-origin')).toBeNull();
    // The Socket.IO handshake applies the same policy.
    expect(await refusal(app.url, { guestId: randomUUID(), extraHeaders: { origin: 'http://shop.example' } })).not.toBe(
      '',
    );
    const ok = await connectShopper(app.url, {
      guestId: randomUUID(),
      extraHeaders: { origin: 'https://shop.example' },
    });
    expect(ok.connected).toBe(true);
  });
});

describe('origins without ALLOWED_ORIGINS (the server’s own origin)', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp({ env: { TRUST_PROXY: 'false' } });
  });
  afterAll(async () => app?.close());

  it('compares the scheme too, and believes X-Forwarded-Host only from a trusted proxy', async () => {
    const own = new URL(app.url);
    expect((await preflight(app, app.url)).status).toBe(204);
    // Same host and port, but https: not this server's origin.
    expect((await crossSiteWrite(app, `https://${own.host}`)).status).toBe(403);
    // The client is no trusted proxy (TRUST_PROXY=false): its X-Forwarded-Host is ignored.
    const spoofed = await crossSiteWrite(app, 'http://evil.example', { 'x-forwarded-host': 'evil.example' });
    expect(spoofed.status).toBe(403);
    expect(spoofed.headers.get('access-control-allow-origin')).toBeNull();
  });
});

describe('HSTS', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp({ redis: false });
  });
  afterAll(async () => app?.close());

  it('is not sent over plain HTTP, and is over HTTPS behind a trusted proxy', async () => {
    expect((await api(app.url, '/healthz')).headers.get('strict-transport-security')).toBeNull();
    const viaTls = await api(app.url, '/healthz', { headers: { 'x-forwarded-proto': 'https' } });
    expect(viaTls.headers.get('strict-transport-security')).toMatch(/max-age=\d+/);
  });
});

describe('/metrics', () => {
  it('with METRICS_PORT: served only there, and the main port does not serve it', async () => {
    const port = await freePort();
    const app = await startTestApp({ redis: false, env: { METRICS_PORT: String(port) } });
    try {
      expect((await api(app.url, '/metrics')).status).toBe(404);
      const scraped = await api<string>(`http://127.0.0.1:${port}`, '/metrics');
      expect(scraped.status).toBe(200);
      expect(scraped.headers.get('content-type')).toContain('text/plain');
      expect(scraped.body).toMatch(/^http_request_duration_seconds_bucket/m);
      expect((await api(`http://127.0.0.1:${port}`, '/healthz')).status).toBe(404);
      expect((await api(`http://127.0.0.1:${port}`, '/api/gpus')).status).toBe(404);
    } finally {
      await app.close();
    }
  });

  it('in production without METRICS_PORT: only with the scrape token, and off without one', async () => {
    const token = 'scrape-token-0123456789';
    const withToken = await startTestApp({ redis: false, env: { NODE_ENV: 'production', METRICS_TOKEN: token } });
    try {
      expect((await api(withToken.url, '/metrics')).status).toBe(401);
      expect((await api(withToken.url, '/metrics', { token: 'wrong-token-0123456789' })).status).toBe(401);
      expect((await api(withToken.url, '/metrics', { token })).status).toBe(200);
    } finally {
      await withToken.close();
    }
    const without = await startTestApp({ redis: false, env: { NODE_ENV: 'production' } });
    try {
      expect((await api(without.url, '/metrics')).status).toBe(404);
    } finally {
      await without.close();
    }
  });
});
