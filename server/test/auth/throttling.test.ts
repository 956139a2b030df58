// Brute-force limits: per account (the 6th attempt after 5 failures is refused, well before
// the 10th), per IP (with RATE_LIMIT_ALLOWLIST exempting addresses from per-IP limits only),
// registrations per IP, and the same account limit across two instances sharing Redis.
import { randomInt } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginLimits } from '../../src/modules/auth/login-throttle.js';
import { startTestApp, type TestApp } from '../support/app.js';
import { api } from '../support/http.js';
import { baseDatabaseUrl, hasRedis } from '../support/services.js';
import { createUser } from '../support/users.js';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp({ env: { RATE_LIMIT_ALLOWLIST: '203.0.113.0/24, 2001:db8::1' } });
});
afterAll(async () => {
  await app?.close();
});

const randomIp = () => `198.18.${randomInt(256)}.${randomInt(1, 255)}`;
const login = (base: string, email: string, password: string, ip = randomIp()) =>
  api(base, '/api/auth/login', { body: { email, password }, headers: { 'x-forwarded-for': ip } });

describe('per-account throttling', () => {
  it('refuses the 10th wrong password (from the 6th on) with 429 and Retry-After', async () => {
    const user = await createUser(app);
    const statuses: number[] = [];
    let last: Awaited<ReturnType<typeof login>> | undefined;
    for (let i = 1; i <= 10; i++) {
      // A different address each time: the account limit must not depend on the IP.
      last = await login(app.url, user.email, `wrong-password-${i}`);
      statuses.push(last.status);
    }
    expect(statuses).toEqual([401, 401, 401, 401, 401, 429, 429, 429, 429, 429]);
    const retryAfter = Number(last!.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(loginLimits.account.blockDuration);
    expect(last!.headers.get('content-type')).toContain('application/problem+json');
    expect(last!.body).toMatchObject({ status: 429, code: 'rate_limited' });
    // Blocked means blocked: even the right password waits.
    expect((await login(app.url, user.email, user.password)).status).toBe(429);
    // Another account is not affected.
    const other = await createUser(app);
    expect((await login(app.url, other.email, other.password)).status).toBe(200);
  });

  it('throttles unknown emails exactly like real ones (no enumeration through 429)', async () => {
    const ghost = `ghost-${randomInt(1e9)}@example.com`;
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) statuses.push((await login(app.url, ghost, 'whatever-password')).status);
    expect(statuses).toEqual([401, 401, 401, 401, 401, 429]);
  });

  it('a successful login resets the account counter', async () => {
    const user = await createUser(app);
    for (let i = 0; i < 4; i++) expect((await login(app.url, user.email, 'nope-nope-nope')).status).toBe(401);
    expect((await login(app.url, user.email, user.password)).status).toBe(200);
    for (let i = 0; i < 4; i++) expect((await login(app.url, user.email, 'nope-nope-nope')).status).toBe(401);
    expect((await login(app.url, user.email, user.password)).status).toBe(200);
  });
});

describe('per-IP throttling', () => {
  it('blocks an address after too many failures across accounts', async () => {
    const ip = `198.51.100.${randomInt(1, 255)}`;
    for (let i = 0; i < loginLimits.ip.points; i++) {
      const res = await login(app.url, `spray-${i}-${randomInt(1e9)}@example.com`, 'Winter2025!', ip);
      expect(res.status).toBe(401);
    }
    const blocked = await login(app.url, `spray-last-${randomInt(1e9)}@example.com`, 'Winter2025!', ip);
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(0);
    // Other addresses still get through.
    const user = await createUser(app);
    expect((await login(app.url, user.email, user.password)).status).toBe(200);
  });

  it('exempts allowlisted addresses from the per-IP limit only', async () => {
    // CIDR matching itself (IPv6 included) is unit-tested in platform/ip-allowlist.test.ts.
    for (let i = 0; i < loginLimits.ip.points + 3; i++) {
      const res = await login(app.url, `probe-${i}-${randomInt(1e9)}@example.com`, 'Winter2025!', '203.0.113.77');
      expect(res.status).toBe(401);
    }
    // The per-account limit still applies to an allowlisted address.
    const user = await createUser(app);
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) statuses.push((await login(app.url, user.email, 'wrong', '203.0.113.77')).status);
    expect(statuses.at(-1)).toBe(429);
  });

  it('limits registrations per address', async () => {
    const ip = `192.0.2.${randomInt(1, 255)}`;
    const statuses: number[] = [];
    for (let i = 0; i <= loginLimits.register.points; i++) {
      const res = await api(app.url, '/api/auth/register', {
        body: { email: `reg-${i}-${randomInt(1e9)}@example.com`, password: 'violet-tractor-orbit-42' },
        headers: { 'x-forwarded-for': ip },
      });
      statuses.push(res.status);
    }
    expect(statuses.slice(0, -1).every((s) => s === 201)).toBe(true);
    expect(statuses.at(-1)).toBe(429);
  });
});

// Two instances need a shared database (PostgreSQL) and Redis.
describe.skipIf(!hasRedis || !baseDatabaseUrl)('across instances (Redis-backed limits)', () => {
  it('counts failures for one account on both instances together', async () => {
    const second = await startTestApp({
      database: app.database,
      redis: false,
      env: { REDIS_URL: app.config.REDIS_URL! },
    });
    try {
      const user = await createUser(app);
      const statuses: number[] = [];
      for (let i = 0; i < 6; i++) {
        const target = i % 2 === 0 ? app.url : second.url;
        statuses.push((await login(target, user.email, `wrong-${i}`)).status);
      }
      expect(statuses).toEqual([401, 401, 401, 401, 401, 429]);
    } finally {
      await second.close();
    }
  });
});
