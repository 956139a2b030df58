// Brute-force limits: per (account, address) (the 6th attempt after 5 failures is refused,
// and the owner on another address still signs in), per account from any address (slowed by
// seconds, never locked), per IP (with RATE_LIMIT_ALLOWLIST exempting addresses from per-IP
// limits only), registrations per IP, and the same limits across two instances sharing Redis.
import { randomInt } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginLimits, slowdownDelayS } from '../../src/modules/auth/login-throttle.js';
import { startTestApp, type TestApp } from '../support/app.js';
import { api } from '../support/http.js';
import { baseDatabaseUrl, hasRedis } from '../support/services.js';
import { canRunRedisCluster, startTestRedisCluster } from '../support/redis-cluster.js';
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

describe('per (account, address) throttling', () => {
  it('refuses the 6th attempt from one address after 5 wrong passwords, with 429 and Retry-After', async () => {
    const user = await createUser(app);
    const ip = randomIp();
    const statuses: number[] = [];
    let last: Awaited<ReturnType<typeof login>> | undefined;
    for (let i = 1; i <= 8; i++) {
      last = await login(app.url, user.email, `wrong-password-${i}`, ip);
      statuses.push(last.status);
    }
    expect(statuses).toEqual([401, 401, 401, 401, 401, 429, 429, 429]);
    const retryAfter = Number(last!.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(loginLimits.pair.blockDuration);
    expect(last!.headers.get('content-type')).toContain('application/problem+json');
    expect(last!.body).toMatchObject({ status: 429, code: 'rate_limited' });
    // That address stays blocked for this account, even with the right password...
    expect((await login(app.url, user.email, user.password, ip)).status).toBe(429);
    // ...but another account from the same address is not affected.
    const other = await createUser(app);
    expect((await login(app.url, other.email, other.password, ip)).status).toBe(200);
  });

  it('five wrong passwords from one address do not lock the owner out of another address', async () => {
    const user = await createUser(app);
    const attacker = randomIp();
    for (let i = 0; i < 5; i++) expect((await login(app.url, user.email, `guess-${i}`, attacker)).status).toBe(401);
    expect((await login(app.url, user.email, 'guess-5', attacker)).status).toBe(429);
    const owner = await login(app.url, user.email, user.password, randomIp());
    expect(owner.status).toBe(200);
    expect(owner.body.user.email).toBe(user.email);
  });

  it('throttles unknown emails exactly like real ones (no enumeration through 429)', async () => {
    const ghost = `ghost-${randomInt(1e9)}@example.com`;
    const ip = randomIp();
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) statuses.push((await login(app.url, ghost, 'whatever-password', ip)).status);
    expect(statuses).toEqual([401, 401, 401, 401, 401, 429]);
  });

  it('a successful login resets the counter', async () => {
    const user = await createUser(app);
    const ip = randomIp();
    for (let i = 0; i < 4; i++) expect((await login(app.url, user.email, 'nope-nope-nope', ip)).status).toBe(401);
    expect((await login(app.url, user.email, user.password, ip)).status).toBe(200);
    for (let i = 0; i < 4; i++) expect((await login(app.url, user.email, 'nope-nope-nope', ip)).status).toBe(401);
    expect((await login(app.url, user.email, user.password, ip)).status).toBe(200);
  });
});

describe('per-account slowdown (guesses from many addresses)', () => {
  it('spaces attempts out by seconds instead of locking the account, and the owner still gets in', async () => {
    const user = await createUser(app);
    const statuses: number[] = [];
    let refused: Awaited<ReturnType<typeof login>> | undefined;
    // A distributed guesser: a new address every time, so no (account, address) pair is blocked.
    for (let i = 0; i <= loginLimits.slowAfter + 1; i++) {
      const res = await login(app.url, user.email, `spray-${i}`);
      statuses.push(res.status);
      if (res.status === 429) refused = res;
    }
    // Up to the threshold every guess is answered; past it they must wait their turn.
    expect(statuses.slice(0, loginLimits.slowAfter + 1).every((s) => s === 401)).toBe(true);
    expect(statuses.at(-1)).toBe(429);
    const wait = Number(refused!.headers.get('retry-after'));
    expect(wait).toBeGreaterThan(0);
    expect(wait).toBeLessThanOrEqual(slowdownDelayS(loginLimits.slowAfter + 1));
    expect(wait).toBeLessThan(loginLimits.pair.blockDuration);
    // The owner, from a clean address, after the short wait the answer named.
    await new Promise((r) => setTimeout(r, wait * 1000 + 100));
    expect((await login(app.url, user.email, user.password)).status).toBe(200);
    // Their success cleared the slowdown.
    expect((await login(app.url, user.email, 'one-more-typo')).status).toBe(401);
    expect((await login(app.url, user.email, user.password)).status).toBe(200);
  });

  it('grows the spacing with the failures, up to a minute', () => {
    const delays = Array.from({ length: 10 }, (_, i) => slowdownDelayS(loginLimits.slowAfter - 1 + i));
    expect(delays).toEqual([0, 1, 2, 4, 8, 16, 32, 60, 60, 60]);
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
  it('counts failures for one account and address on both instances together', async () => {
    const second = await startTestApp({
      database: app.database,
      redis: false,
      env: { REDIS_URL: app.config.REDIS_URL! },
    });
    try {
      const user = await createUser(app);
      const ip = randomIp();
      const statuses: number[] = [];
      for (let i = 0; i < 6; i++) {
        const target = i % 2 === 0 ? app.url : second.url;
        statuses.push((await login(target, user.email, `wrong-${i}`, ip)).status);
      }
      expect(statuses).toEqual([401, 401, 401, 401, 401, 429]);
    } finally {
      await second.close();
    }
  });
});

describe.skipIf(!canRunRedisCluster || !baseDatabaseUrl)('across instances on a Redis Cluster', () => {
  it('counts failures for one account and address on both instances together', async () => {
    const redisCluster = await startTestRedisCluster();
    const first = await startTestApp({ database: app.database, redisCluster });
    const second = await startTestApp({ database: app.database, redisCluster });
    try {
      const user = await createUser(first);
      const ip = randomIp();
      const statuses: number[] = [];
      for (let i = 0; i < 6; i++) {
        const target = i % 2 === 0 ? first.url : second.url;
        statuses.push((await login(target, user.email, `wrong-${i}`, ip)).status);
      }
      expect(statuses).toEqual([401, 401, 401, 401, 401, 429]);
    } finally {
      await second.close();
      await first.close();
      await redisCluster.close();
    }
  });
});
