// Sessions that survive refresh: two tabs refreshing with the same token at once, or a retry
// after a lost answer, get the same successor (within the grace window) instead of logging
// the user out; reuse after the window still revokes the whole family. And a socket that is
// handed a refreshed token (`auth:refresh`) outlives the token it connected with.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuthRefreshAck, StockWatchAck } from '@gpu/shared';
import { hashRefreshToken } from '../../src/modules/auth/refresh-tokens.js';
import { TokenService } from '../../src/modules/auth/tokens.js';
import { startTestApp, TEST_JWT_SECRET, type TestApp } from '../support/app.js';
import { api } from '../support/http.js';
import { createUser } from '../support/users.js';
import { closeAllClients, connectShopper, emitWithAck, eventually } from '../realtime/helpers/sockets.js';
import { insertGpu, appExec } from '../realtime/helpers/catalog.js';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(async () => {
  closeAllClients();
  await app?.close();
});

async function login() {
  const user = await createUser(app);
  const res = await api(app.url, '/api/auth/login', { body: { email: user.email, password: user.password } });
  expect(res.status).toBe(200);
  return { user, refreshToken: res.body.refreshToken as string };
}
const refresh = (refreshToken: string) => api(app.url, '/api/auth/refresh', { body: { refreshToken } });
const sql = <T>(q: string, params: unknown[] = []) => app.platform.db.orm.em.fork().execute<T[]>(q, params);

describe('refresh rotation with a grace window', () => {
  it('two tabs refreshing with the same token at once both get the same successor', async () => {
    const { user, refreshToken } = await login();
    const [a, b] = await Promise.all([refresh(refreshToken), refresh(refreshToken)]);
    expect([a.status, b.status]).toEqual([200, 200]);
    expect(a.body.refreshToken).toBe(b.body.refreshToken);
    expect(a.body.refreshToken).not.toBe(refreshToken);
    for (const r of [a, b])
      expect((await api(app.url, '/api/auth/me', { token: r.body.accessToken })).status).toBe(200);
    // The session goes on: the successor rotates normally.
    const next = await refresh(a.body.refreshToken);
    expect(next.status).toBe(200);
    expect(next.body.user.id).toBe(user.id);
  });

  it('a retry after a lost answer gets the same successor, as long as that successor is unused', async () => {
    const { refreshToken } = await login();
    const first = await refresh(refreshToken);
    const retry = await refresh(refreshToken);
    expect(retry.status).toBe(200);
    expect(retry.body.refreshToken).toBe(first.body.refreshToken);
    // Once the successor itself was used, the old token is a replay: the family dies.
    expect((await refresh(first.body.refreshToken)).status).toBe(200);
    expect((await refresh(refreshToken)).status).toBe(401);
  });

  it('reuse after the grace window revokes the whole family', async () => {
    const { refreshToken } = await login();
    const first = await refresh(refreshToken);
    expect(first.status).toBe(200);
    await sql(`update refresh_tokens set used_at = now() - interval '1 minute' where token_hash = ?`, [
      hashRefreshToken(refreshToken),
    ]);
    expect((await refresh(refreshToken)).status).toBe(401);
    expect((await refresh(first.body.refreshToken)).status).toBe(401);
    const [row] = await sql<{ family_id: string }>(`select family_id from refresh_tokens where token_hash = ?`, [
      hashRefreshToken(refreshToken),
    ]);
    const family = await sql<{ revoked_at: Date | null }>(`select revoked_at from refresh_tokens where family_id = ?`, [
      row!.family_id,
    ]);
    expect(family.every((r) => r.revoked_at !== null)).toBe(true);
  });
});

describe('auth:refresh on a live socket', () => {
  /** An access token for `user` that expires `seconds` from now (signed with the app's key). */
  const shortToken = (user: { id: string; role: 'shopper' | 'admin' }, seconds: number) =>
    new TokenService({
      secret: TEST_JWT_SECRET,
      accessTtlS: 900,
      now: () => Date.now() - (900 - seconds) * 1000,
    }).signAccess(user);

  it('a socket that refreshes in place outlives the token it connected with', async () => {
    const user = await createUser(app);
    const gpu = await insertGpu(appExec(app), { stock: 3 });
    const socket = await connectShopper(app.url, { token: await shortToken(user, 2) });
    const closing: string[] = [];
    socket.on('session:closing', (e) => closing.push(e.reason));
    const ack = await emitWithAck<AuthRefreshAck>(socket, 'auth:refresh', { token: user.token });
    expect(ack).toEqual({ ok: true, expiresAt: expect.any(String) });
    expect(new Date((ack as { expiresAt: string }).expiresAt).getTime()).toBeGreaterThan(Date.now() + 60_000);
    // Past the first token's expiry (2 s) the socket is still there and still served.
    await new Promise((r) => setTimeout(r, 3_500));
    expect(socket.connected).toBe(true);
    expect(closing).toEqual([]);
    const watch = await emitWithAck<StockWatchAck>(socket, 'stock:watch', { gpuIds: [gpu.id] });
    expect(watch.ok).toBe(true);
  });

  it('without a refresh the socket is closed at the token expiry, as before', async () => {
    const user = await createUser(app);
    const socket = await connectShopper(app.url, { token: await shortToken(user, 1) });
    const closing: string[] = [];
    socket.on('session:closing', (e) => closing.push(e.reason));
    await eventually(() => !socket.connected, 10_000);
    expect(closing).toEqual(['token_expired']);
  });

  it("refuses another user's token, a bad token, and a guest socket, and keeps the socket as it was", async () => {
    const user = await createUser(app);
    const other = await createUser(app);
    const socket = await connectShopper(app.url, { token: user.token });
    expect(await emitWithAck(socket, 'auth:refresh', { token: other.token })).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    expect(await emitWithAck(socket, 'auth:refresh', { token: 'not-a-jwt' })).toMatchObject({
      ok: false,
      error: { code: 'unauthorized' },
    });
    expect(await emitWithAck(socket, 'auth:refresh', {})).toMatchObject({ ok: false, error: { code: 'bad_request' } });
    expect(socket.connected).toBe(true);
    const guestToken = (await api(app.url, '/api/auth/guest', { method: 'POST' })).body.guestToken as string;
    const guest = await connectShopper(app.url, { auth: { guestToken } });
    expect(await emitWithAck(guest, 'auth:refresh', { token: user.token })).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
  });
});
