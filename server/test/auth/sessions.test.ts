// Accounts and sessions over real HTTP: registration rules, login, /me, refresh rotation with
// reuse detection, logout, and the access-token checks (expiry, alg pinning, forged claims).
import { randomInt } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TOKEN_AUDIENCE, TOKEN_ISSUER, TokenService } from '../../src/modules/auth/tokens.js';
import { hashRefreshToken } from '../../src/modules/auth/refresh-tokens.js';
import { startTestApp, TEST_JWT_SECRET, type TestApp } from '../support/app.js';
import { appSql } from '../support/sql.js';
import { api } from '../support/http.js';
import { createUser } from '../support/users.js';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(async () => {
  await app?.close();
});

/** A fresh client address per call, so the per-IP registration limit stays out of the way. */
const fromIp = () => ({ 'x-forwarded-for': `198.18.${randomInt(256)}.${randomInt(1, 255)}` });
const email = (tag: string) => `${tag}-${randomInt(1e9)}@example.com`;
const password = 'violet-tractor-orbit-42';

async function register(body: unknown) {
  return api(app.url, '/api/auth/register', { body, headers: fromIp() });
}
const sql = appSql(() => app);
const b64 = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');

describe('registration', () => {
  it('creates a shopper, signs in, and ignores a smuggled role', async () => {
    const e = email('new');
    const res = await register({ email: e.toUpperCase(), password, name: 'Ana', role: 'admin', isAdmin: true });
    expect(res.status).toBe(201);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(res.body.user).toMatchObject({ email: e, name: 'Ana', role: 'shopper' });
    expect(res.body.expiresIn).toBe(app.config.ACCESS_TOKEN_TTL_S);
    expect(res.body.refreshToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const [row] = await sql<{ role: string; password_hash: string }>(
      `select role, password_hash from users where email = ?`,
      [e],
    );
    expect(row?.role).toBe('shopper');
    expect(row?.password_hash).toMatch(/^\$argon2id\$v=19\$/);
    expect(row?.password_hash.split('$')[3]?.split(',').sort()).toEqual(['m=19456', 'p=1', 't=2']);
    const me = await api(app.url, '/api/auth/me', { token: res.body.accessToken });
    expect(me.status).toBe(200);
    expect(me.body).toEqual({ id: res.body.user.id, email: e, name: 'Ana', role: 'shopper' });
    // Only the hash of the refresh token is stored.
    const tokens = await sql<{ token_hash: string }>(`select token_hash from refresh_tokens where user_id = ?`, [
      res.body.user.id,
    ]);
    expect(tokens.map((t) => t.token_hash)).toEqual([hashRefreshToken(res.body.refreshToken)]);
  });

  it('answers 409 for an email already registered (any case)', async () => {
    const e = email('dup');
    expect((await register({ email: e, password })).status).toBe(201);
    const again = await register({ email: e.toUpperCase(), password: 'another-fine-passphrase' });
    expect(again.status).toBe(409);
    expect(again.headers.get('content-type')).toContain('application/problem+json');
  });

  it.each([
    ['too short', 'abc1234'],
    ['too long', 'x'.repeat(129)],
    ['a common password', 'password123'],
    ['a decorated common password', 'Sunshine2024!'],
    ['repetitive', 'aaaaaaaaaaaa'],
  ])('refuses a password that is %s, storing nothing', async (_label, pw) => {
    const e = email('weak');
    const res = await register({ email: e, password: pw });
    expect(res.status).toBe(400);
    expect(res.body.errors?.[0]?.path).toBe('password');
    expect(await sql(`select 1 from users where email = ?`, [e])).toHaveLength(0);
  });

  it('refuses the email local part as the password, accepts 128 characters', async () => {
    const local = `maria.lopez.${randomInt(1e6)}`;
    expect((await register({ email: `${local}@example.com`, password: local })).status).toBe(400);
    expect((await register({ email: email('long'), password: 'k'.repeat(60) + 'x7-'.repeat(22) + 'zz' })).status).toBe(
      201,
    );
  });

  it.each([
    ['malformed JSON', { rawBody: '{"email": "a@b.co", "password": ' }],
    ['wrong types', { body: { email: 42, password: ['x'] } }],
    ['a bad email', { body: { email: 'not-an-email', password } }],
    ['missing fields', { body: {} }],
    ['an array body', { body: [password] }],
  ])('answers 400 problem+json for %s', async (_label, opts) => {
    const res = await api(app.url, '/api/auth/register', { ...opts, headers: fromIp() });
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    expect(JSON.stringify(res.body)).not.toMatch(/at .*\.ts:\d+/); // no stack traces
  });

  it('answers 413 for a 1 MB body', async () => {
    const res = await register({ email: email('big'), password, name: 'x'.repeat(1024 * 1024) });
    expect(res.status).toBe(413);
    expect(res.body.status).toBe(413);
  });
});

describe('login', () => {
  it('signs in with the right password (email case-insensitive)', async () => {
    const user = await createUser(app);
    const res = await api(app.url, '/api/auth/login', {
      body: { email: user.email.toUpperCase(), password: user.password },
    });
    expect(res.status).toBe(200);
    expect(res.body.user).toEqual({ id: user.id, email: user.email, name: 'Test shopper', role: 'shopper' });
    expect((await api(app.url, '/api/auth/me', { token: res.body.accessToken })).body.id).toBe(user.id);
  });

  it('gives the same answer for an unknown email and a wrong password', async () => {
    const user = await createUser(app);
    const wrong = await api(app.url, '/api/auth/login', { body: { email: user.email, password: 'wrong-password-1' } });
    const unknown = await api(app.url, '/api/auth/login', {
      body: { email: email('nobody'), password: 'wrong-password-1' },
    });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    const strip = (b: Record<string, unknown>) => ({ ...b, instance: undefined });
    expect(strip(unknown.body)).toEqual(strip(wrong.body));
    expect(wrong.body.detail).toBe('Invalid email or password');
  });
});

describe('refresh tokens', () => {
  async function login() {
    const user = await createUser(app);
    const res = await api(app.url, '/api/auth/login', { body: { email: user.email, password: user.password } });
    expect(res.status).toBe(200);
    return { user, refreshToken: res.body.refreshToken as string };
  }
  const refresh = (refreshToken: string) => api(app.url, '/api/auth/refresh', { body: { refreshToken } });

  it('rotates on every use: the old token stops working', async () => {
    const { user, refreshToken: r1 } = await login();
    const second = await refresh(r1);
    expect(second.status).toBe(200);
    expect(second.body.user.id).toBe(user.id);
    expect(second.body.refreshToken).not.toBe(r1);
    expect((await api(app.url, '/api/auth/me', { token: second.body.accessToken })).status).toBe(200);
    const third = await refresh(second.body.refreshToken);
    expect(third.status).toBe(200);
    const [old] = await sql<{ used_at: Date | null }>(`select used_at from refresh_tokens where token_hash = ?`, [
      hashRefreshToken(r1),
    ]);
    expect(old?.used_at).not.toBeNull();
  });

  it('revokes the whole family when a rotated token is replayed', async () => {
    const { user, refreshToken: r1 } = await login();
    const other = await api(app.url, '/api/auth/login', { body: { email: user.email, password: user.password } });
    const r2 = (await refresh(r1)).body.refreshToken as string;
    const r3 = (await refresh(r2)).body.refreshToken as string;

    const replay = await refresh(r1);
    expect(replay.status).toBe(401);
    expect(replay.headers.get('content-type')).toContain('application/problem+json');
    // The newest token of the family (the one the thief or the victim holds) is dead too.
    expect((await refresh(r3)).status).toBe(401);
    const [family] = await sql<{ family_id: string }>(`select family_id from refresh_tokens where token_hash = ?`, [
      hashRefreshToken(r1),
    ]);
    const rows = await sql<{ revoked_at: Date | null }>(`select revoked_at from refresh_tokens where family_id = ?`, [
      family!.family_id,
    ]);
    expect(rows.length).toBe(3);
    expect(rows.every((r) => r.revoked_at !== null)).toBe(true);
    // Another session of the same user is a different family and keeps working.
    expect((await refresh(other.body.refreshToken)).status).toBe(200);
  });

  it('refuses an expired refresh token', async () => {
    const { refreshToken } = await login();
    await sql(`update refresh_tokens set expires_at = now() - interval '1 second' where token_hash = ?`, [
      hashRefreshToken(refreshToken),
    ]);
    const res = await refresh(refreshToken);
    expect(res.status).toBe(401);
    expect(res.body.detail).toMatch(/expired/);
  });

  it('refuses unknown tokens and bad bodies', async () => {
    expect((await refresh('x'.repeat(43))).status).toBe(401);
    expect((await api(app.url, '/api/auth/refresh', { body: { refreshToken: 123 } })).status).toBe(400);
    expect((await api(app.url, '/api/auth/refresh', { rawBody: '{' })).status).toBe(400);
  });

  it('logout revokes the family (204), also for an unknown token', async () => {
    const { refreshToken } = await login();
    const r2 = (await refresh(refreshToken)).body.refreshToken as string;
    const out = await api(app.url, '/api/auth/logout', { body: { refreshToken: r2 } });
    expect(out.status).toBe(204);
    expect((await refresh(r2)).status).toBe(401);
    expect((await api(app.url, '/api/auth/logout', { body: { refreshToken: 'y'.repeat(43) } })).status).toBe(204);
  });
});

describe('access tokens', () => {
  it('refuses an expired token', async () => {
    const user = await createUser(app);
    const past = new TokenService({ secret: TEST_JWT_SECRET, accessTtlS: 900, now: () => Date.now() - 3600_000 });
    const token = await past.signAccess({ id: user.id, role: 'shopper' });
    const res = await api(app.url, '/api/auth/me', { token });
    expect(res.status).toBe(401);
    expect(res.body.detail).toMatch(/expired/i);
  });

  it('refuses alg:none, another algorithm, another key, and a forged role', async () => {
    const user = await createUser(app);
    const claims = {
      sub: user.id,
      role: 'admin',
      iss: TOKEN_ISSUER,
      aud: TOKEN_AUDIENCE,
      iat: Math.floor(Date.now() / 1000),
      exp: Math.floor(Date.now() / 1000) + 600,
    };
    const none = `${b64({ alg: 'none', typ: 'JWT' })}.${b64(claims)}.`;
    const { SignJWT } = await import('jose');
    const key = new TextEncoder().encode(TEST_JWT_SECRET);
    const hs512 = await new SignJWT(claims).setProtectedHeader({ alg: 'HS512' }).sign(key);
    const otherKey = await new SignJWT(claims)
      .setProtectedHeader({ alg: 'HS256' })
      .sign(new TextEncoder().encode('another-secret-another-secret-another-secret'));
    const real = await app.services.tokens.signAccess({ id: user.id, role: 'shopper' });
    const [h, , s] = real.split('.');
    const forged = `${h}.${b64(claims)}.${s}`;
    for (const token of [none, hs512, otherKey, forged, 'garbage']) {
      const me = await api(app.url, '/api/auth/me', { token });
      expect(me.status, token.slice(0, 30)).toBe(401);
      const create = await api(app.url, '/api/gpus', { token, body: { sku: 'NOPE-1' } });
      expect(create.status).toBe(401);
    }
    expect((await api(app.url, '/api/auth/me', { headers: { authorization: 'Basic abc' } })).status).toBe(401);
  });

  it('/me answers 401 once the account is gone', async () => {
    const user = await createUser(app);
    await sql(`delete from users where id = ?`, [user.id]);
    expect((await api(app.url, '/api/auth/me', { token: user.token })).status).toBe(401);
  });
});
