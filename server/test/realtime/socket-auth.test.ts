// Socket.IO edge protection on one instance: handshake auth (missing, garbage, expired,
// `alg: none`, wrong secret), the /admin role, the origin allowlist, the payload cap, the
// per-user event limit, and the disconnect at token expiry.
import { randomUUID } from 'node:crypto';
import { SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, TEST_JWT_SECRET, type TestApp } from '../support/app.js';
import { createUser } from '../support/users.js';
import { api } from '../support/http.js';
import { metricValue } from '../support/metrics.js';
import { TOKEN_AUDIENCE, TOKEN_ISSUER } from '../../src/modules/auth/tokens.js';
import { SOCKET_EVENT_LIMIT } from '../../src/realtime/event-rate-limit.js';
import { ABUSE_DISCONNECT_AFTER } from '../../src/realtime/event-dispatch.js';
import { closeAllClients, connectAdmin, connectShopper, eventually, nextEvent, refusal } from './helpers/sockets.js';

let app: TestApp;

beforeAll(async () => {
  app = await startTestApp();
});

afterAll(async () => {
  closeAllClients();
  await app?.close();
});

const key = new TextEncoder().encode(TEST_JWT_SECRET);
const b64 = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');

async function token(claims: { sub?: string; role?: string; exp: number }, secret = key): Promise<string> {
  return new SignJWT({ role: claims.role ?? 'shopper' })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(claims.sub ?? randomUUID())
    .setIssuer(TOKEN_ISSUER)
    .setAudience(TOKEN_AUDIENCE)
    .setIssuedAt(claims.exp - 900)
    .setExpirationTime(claims.exp)
    .sign(secret);
}

const metric = (name: string, labels: string) => metricValue(app.url, name, labels);

describe('handshake auth', () => {
  const now = () => Math.floor(Date.now() / 1000);

  it.each([
    ['no auth at all', async () => ({ auth: {} })],
    ['a garbage token', async () => ({ token: 'garbage.garbage.garbage' })],
    ['an expired token', async () => ({ token: await token({ exp: now() - 60 }) })],
    [
      'an alg:none token',
      async () => ({
        token: `${b64({ alg: 'none', typ: 'JWT' })}.${b64({
          sub: randomUUID(),
          role: 'admin',
          iss: TOKEN_ISSUER,
          aud: TOKEN_AUDIENCE,
          exp: now() + 600,
        })}.`,
      }),
    ],
    [
      'a token signed with another secret',
      async () => ({ token: await token({ exp: now() + 600 }, new TextEncoder().encode('x'.repeat(48))) }),
    ],
    ['a guest id that is not a UUID', async () => ({ guestId: 'guest-1' })],
  ])('refuses %s with "unauthorized" on both namespaces', async (_name, make) => {
    const opts = await make();
    expect(await refusal(app.url, opts)).toBe('unauthorized');
    expect(await refusal(app.url, opts, '/admin')).toBe('unauthorized');
  });

  it('accepts a valid token and a guest id', async () => {
    const user = await createUser(app);
    expect((await connectShopper(app.url, { token: user.token })).connected).toBe(true);
    expect((await connectShopper(app.url, { guestId: randomUUID() })).connected).toBe(true);
  });

  it('refuses a shopper on /admin with "forbidden", a guest with "unauthorized", and admits an admin', async () => {
    const shopper = await createUser(app);
    const admin = await createUser(app, 'admin');
    expect(await refusal(app.url, { token: shopper.token }, '/admin')).toBe('forbidden');
    expect(await refusal(app.url, { guestId: randomUUID() }, '/admin')).toBe('unauthorized');
    const socket = await connectAdmin(app.url, { token: admin.token });
    expect(socket.connected).toBe(true);
  });
});

describe('origin allowlist', () => {
  it.each([['websocket'], ['polling']] as const)('refuses a foreign Origin (%s)', async (transport) => {
    const before = await metric('socketio_rejections_total', 'reason="origin"');
    const guestId = randomUUID();
    const message = await refusal(app.url, {
      guestId,
      transports: [transport],
      extraHeaders: { origin: 'https://evil.example' },
    });
    expect(message).not.toBe('');
    expect(await metric('socketio_rejections_total', 'reason="origin"')).toBeGreaterThan(before);
    // The same client from the server's own origin is let in.
    const ok = await connectShopper(app.url, { guestId, transports: [transport], extraHeaders: { origin: app.url } });
    expect(ok.connected).toBe(true);
  });
});

describe('payload cap', () => {
  it('answers a large-but-allowed event, and closes the socket on an oversized one', async () => {
    const socket = await connectShopper(app.url, { guestId: randomUUID() });
    const ack = await socket.timeout(5_000).emitWithAck('stock:watch', { gpuIds: ['x'.repeat(20_000)] });
    expect(ack).toMatchObject({ ok: false, error: { code: 'bad_request' } });
    const closed = nextEvent<string>(socket, 'disconnect');
    socket.emit('stock:watch', { gpuIds: ['x'.repeat(40_000)] });
    expect(await closed).toMatch(/transport (close|error)/);
  });
});

describe('event rate limit', () => {
  it('throttles a flood, tells the client, stays responsive, and drops an abuser', async () => {
    const socket = await connectShopper(app.url, { guestId: randomUUID() });
    type Res = { ok: boolean; error?: { code: string } };
    const watch = () => new Promise<Res>((resolve) => socket.emit('stock:watch', { gpuIds: [randomUUID()] }, resolve));
    // Just over the budget: exactly the budget is served, the rest is refused with a reason.
    const burst = await Promise.all(Array.from({ length: SOCKET_EVENT_LIMIT.points + 10 }, watch));
    expect(burst.filter((a) => a.ok)).toHaveLength(SOCKET_EVENT_LIMIT.points);
    expect(burst.filter((a) => a.error?.code === 'rate_limited')).toHaveLength(10);

    // A client that keeps flooding is dropped; the server answers others meanwhile.
    const disconnected = nextEvent<string>(socket, 'disconnect');
    for (let i = 0; i < ABUSE_DISCONNECT_AFTER + 20; i++) void watch();
    expect((await api(app.url, '/healthz')).status).toBe(200);
    expect(await disconnected).toBe('io server disconnect');
    expect(await metric('rate_limit_hits_total', 'limiter="socket_events"')).toBeGreaterThanOrEqual(
      ABUSE_DISCONNECT_AFTER,
    );
    expect(await metric('socketio_rejections_total', 'reason="abuse"')).toBeGreaterThanOrEqual(1);
  });

  it('signals a throttled event without an ack through chat:error', async () => {
    const socket = await connectShopper(app.url, { guestId: randomUUID() });
    const error = nextEvent<{ code: string }>(socket, 'chat:error');
    for (let i = 0; i <= SOCKET_EVENT_LIMIT.points; i++) socket.emit('stock:unwatch', { gpuIds: [randomUUID()] });
    expect((await error).code).toBe('rate_limited');
  });

  it('counts events in socketio_events_total', async () => {
    const before = await metric('socketio_events_total', 'event="stock:watch",namespace="/"');
    const socket = await connectShopper(app.url, { guestId: randomUUID() });
    await socket.emitWithAck('stock:watch', { gpuIds: [randomUUID()] });
    await eventually(async () => (await metric('socketio_events_total', 'event="stock:watch",namespace="/"')) > before);
  });
});

describe('token expiry', () => {
  it('tells the socket and disconnects it when its access token expires', async () => {
    const user = await createUser(app);
    const short = await token({ sub: user.id, exp: Math.floor(Date.now() / 1000) + 2 });
    const socket = await connectShopper(app.url, { token: short });
    const closing = nextEvent<{ reason: string }>(socket, 'session:closing');
    const disconnected = nextEvent<string>(socket, 'disconnect');
    expect(await closing).toEqual({ reason: 'token_expired' });
    expect(await disconnected).toBe('io server disconnect');
  });
});
