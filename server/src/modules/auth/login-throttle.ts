// Brute-force limits for login and registration (rate-limiter-flexible; Redis-backed when
// Redis is configured, so they hold across instances). None of them lets a stranger lock the
// owner out:
//   - per (account, IP): 5 failures in 15 minutes block that pair, not the account;
//   - per IP: 50 failures across accounts (credential stuffing) block the address;
//   - per account, from any address: past 10 failures the account is slowed down, not locked:
//     attempts are spaced 1, 2, 4 ... 60 s apart, so a distributed guesser gets a few hundred
//     tries a day at most while the owner, from a clean address, waits seconds.
// Points are consumed before the password is checked, so parallel guesses cannot slip past;
// a success clears the account's counters and gives the IP its point back.
import { createHash } from 'node:crypto';
import type { RateLimiterAbstract } from 'rate-limiter-flexible';
import { rateLimited } from '../../platform/errors.js';
import type { IpAllowlist } from '../../platform/ip-allowlist.js';
import { consume, type LimiterFactory } from '../../platform/rate-limit.js';
import { rateLimitHits } from '../../platform/metrics.js';

export const loginLimits = {
  /** Per (account, IP): the 6th attempt within 15 minutes after 5 failures is refused for 15 minutes. */
  pair: { points: 5, duration: 15 * 60, blockDuration: 15 * 60 },
  /** Per IP: failures across all accounts (credential stuffing). */
  ip: { points: 50, duration: 15 * 60, blockDuration: 15 * 60 },
  /** Per account: failures from any address within this window count towards slowing it down. */
  accountWindowS: 15 * 60,
  /** Failures (any address) after which attempts on the account are spaced out. */
  slowAfter: 10,
  /** The longest spacing between attempts on a slowed account. */
  maxDelayS: 60,
  /** Per IP: account creation. */
  register: { points: 20, duration: 60 * 60 },
} as const;

/** Seconds an attempt must wait after `failures` failures on the account (0: not slowed). */
export function slowdownDelayS(failures: number): number {
  if (failures < loginLimits.slowAfter) return 0;
  return Math.min(loginLimits.maxDelayS, 2 ** (failures - loginLimits.slowAfter));
}

// Limiter keys carry a hash, not the email itself.
const accountKey = (email: string) => createHash('sha256').update(email.trim().toLowerCase()).digest('hex');

export class LoginThrottle {
  private readonly pair: RateLimiterAbstract;
  private readonly ip: RateLimiterAbstract;
  private readonly failures: RateLimiterAbstract;
  private readonly slow: RateLimiterAbstract;
  private readonly register: RateLimiterAbstract;

  constructor(
    limiter: LimiterFactory,
    private readonly allowlist: IpAllowlist,
  ) {
    this.pair = limiter({ keyPrefix: 'rl:login:pair', ...loginLimits.pair });
    this.ip = limiter({ keyPrefix: 'rl:login:ip', ...loginLimits.ip });
    // A counter, never a gate: its points are only read.
    this.failures = limiter({ keyPrefix: 'rl:login:acct-fail', points: 1e9, duration: loginLimits.accountWindowS });
    // One attempt per key lifetime; each key lives as long as the current spacing.
    this.slow = limiter({ keyPrefix: 'rl:login:slow', points: 1, duration: 1 });
    this.register = limiter({ keyPrefix: 'rl:register:ip', ...loginLimits.register });
  }

  private ipLimited(ip: string | undefined): ip is string {
    return Boolean(ip) && !this.allowlist.has(ip);
  }

  /** Counts a login attempt; throws 429 when the pair or the IP is over its limit, or the account is being slowed. */
  async beginLogin(email: string, ip: string | undefined): Promise<void> {
    const account = accountKey(email);
    if (this.ipLimited(ip)) {
      const wait = await consume(this.ip, ip);
      if (wait !== null) {
        rateLimitHits.inc({ limiter: 'login_ip' });
        throw rateLimited(wait, 'Too many failed sign-in attempts from this address; try again later');
      }
    }
    const wait = await consume(this.pair, `${account}:${ip ?? 'unknown'}`);
    if (wait !== null) {
      rateLimitHits.inc({ limiter: 'login_pair' });
      throw rateLimited(wait, 'Too many failed sign-in attempts for this account from this address; try again later');
    }
    const failed = (await this.failures.get(account))?.consumedPoints ?? 0;
    const delay = slowdownDelayS(failed);
    if (delay > 0) {
      const spaced = await consume(this.slow, account, 1, delay);
      if (spaced !== null) {
        rateLimitHits.inc({ limiter: 'login_account_slowdown' });
        throw rateLimited(spaced, 'Sign-in for this account is slowed down after many failed attempts; retry shortly');
      }
    }
  }

  /** A wrong password (or unknown email): counts towards slowing the account down. */
  async loginFailed(email: string): Promise<void> {
    await this.failures.penalty(accountKey(email), 1).catch(() => undefined);
  }

  /** A correct password: the account's counters reset and the IP gets its point back. */
  async loginSucceeded(email: string, ip: string | undefined): Promise<void> {
    const account = accountKey(email);
    await Promise.all([
      this.pair.delete(`${account}:${ip ?? 'unknown'}`).catch(() => undefined),
      this.failures.delete(account).catch(() => undefined),
      this.slow.delete(account).catch(() => undefined),
    ]);
    if (this.ipLimited(ip)) await this.ip.reward(ip, 1).catch(() => undefined);
  }

  async beginRegistration(ip: string | undefined): Promise<void> {
    if (!this.ipLimited(ip)) return;
    const wait = await consume(this.register, ip);
    if (wait !== null) {
      rateLimitHits.inc({ limiter: 'register_ip' });
      throw rateLimited(wait, 'Too many accounts created from this address; try again later');
    }
  }
}
