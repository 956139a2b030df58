// Brute-force limits for login and registration (rate-limiter-flexible; Redis-backed when
// REDIS_URL is set, so they hold across instances). Points are consumed before the password
// is checked, so parallel guesses cannot slip past; a success gives its point back.
import { createHash } from 'node:crypto';
import type { RateLimiterAbstract } from 'rate-limiter-flexible';
import { rateLimited } from '../../platform/errors.js';
import type { IpAllowlist } from '../../platform/ip-allowlist.js';
import { consume, type LimiterFactory } from '../../platform/rate-limit.js';
import { rateLimitHits } from '../../platform/metrics.js';

export const loginLimits = {
  /** Per account: the 6th attempt within 15 minutes after 5 failures is refused for 15 minutes. */
  account: { points: 5, duration: 15 * 60, blockDuration: 15 * 60 },
  /** Per IP: failures across all accounts (credential stuffing). */
  ip: { points: 50, duration: 15 * 60, blockDuration: 15 * 60 },
  /** Per IP: account creation. */
  register: { points: 20, duration: 60 * 60 },
} as const;

// Limiter keys carry a hash, not the email itself.
const accountKey = (email: string) => createHash('sha256').update(email.trim().toLowerCase()).digest('hex');

export class LoginThrottle {
  private readonly account: RateLimiterAbstract;
  private readonly ip: RateLimiterAbstract;
  private readonly register: RateLimiterAbstract;

  constructor(
    limiter: LimiterFactory,
    private readonly allowlist: IpAllowlist,
  ) {
    this.account = limiter({ keyPrefix: 'rl:login:acct', ...loginLimits.account });
    this.ip = limiter({ keyPrefix: 'rl:login:ip', ...loginLimits.ip });
    this.register = limiter({ keyPrefix: 'rl:register:ip', ...loginLimits.register });
  }

  private ipLimited(ip: string | undefined): ip is string {
    return Boolean(ip) && !this.allowlist.has(ip);
  }

  /** Counts a login attempt; throws 429 when the account or the IP is over its limit. */
  async beginLogin(email: string, ip: string | undefined): Promise<void> {
    if (this.ipLimited(ip)) {
      const wait = await consume(this.ip, ip);
      if (wait !== null) {
        rateLimitHits.inc({ limiter: 'login_ip' });
        throw rateLimited(wait, 'Too many failed sign-in attempts from this address; try again later');
      }
    }
    const wait = await consume(this.account, accountKey(email));
    if (wait !== null) {
      rateLimitHits.inc({ limiter: 'login_account' });
      throw rateLimited(wait, 'Too many failed sign-in attempts for this account; try again later');
    }
  }

  /** A correct password: the account counter resets and the IP gets its point back. */
  async loginSucceeded(email: string, ip: string | undefined): Promise<void> {
    await this.account.delete(accountKey(email)).catch(() => undefined);
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
