// Per-IP limits on guests, however they identify (server-issued token, bare guest id, or
// nothing): guests created, guest sockets open at once, guest chat messages, guest LLM tokens
// per day, and guest socket events. All through the shared rate limiter (Redis across
// instances); RATE_LIMIT_ALLOWLIST exempts addresses. The per-guest and per-user limits of
// the assistant apply on top of these, unchanged.
import type { RateLimiterAbstract } from 'rate-limiter-flexible';
import { rateLimited } from '../../platform/errors.js';
import type { IpAllowlist } from '../../platform/ip-allowlist.js';
import { rateLimitHits } from '../../platform/metrics.js';
import { consume, type LimiterFactory } from '../../platform/rate-limit.js';
import type { Actor } from './actor.js';

export const guestLimits = {
  /** New guest identities per IP per hour. */
  created: { points: 30, duration: 3600 },
  /** Guest sockets open at once per IP (counted up on connect, down on disconnect). */
  sockets: { points: 30, duration: 3600 },
  /** Guest chat messages per IP per minute (each guest also has its own 20 per minute). */
  messages: { points: 40, duration: 60 },
  /** Incoming events of all guest sockets of one IP, per 10 s (each socket also has 30). */
  events: { points: 120, duration: 10 },
} as const;

const DAY_S = 24 * 3600;

export interface GuestLimitsOptions {
  limiter: LimiterFactory;
  allowlist: IpAllowlist;
  /** LLM tokens per day for the guests of one IP together; 0 disables. */
  dailyTokensPerIp: number;
}

export class GuestLimits {
  private readonly created: RateLimiterAbstract;
  private readonly sockets: RateLimiterAbstract;
  private readonly messages: RateLimiterAbstract;
  private readonly tokens: RateLimiterAbstract;
  readonly events: RateLimiterAbstract;

  constructor(private readonly opts: GuestLimitsOptions) {
    this.created = opts.limiter({ keyPrefix: 'rl:guest:created', ...guestLimits.created });
    this.sockets = opts.limiter({ keyPrefix: 'rl:guest:sockets', ...guestLimits.sockets });
    this.messages = opts.limiter({ keyPrefix: 'rl:guest:messages', ...guestLimits.messages });
    this.events = opts.limiter({ keyPrefix: 'rl:guest:events', ...guestLimits.events });
    this.tokens = opts.limiter({ keyPrefix: 'rl:guest:tokens', points: 1e12, duration: DAY_S });
  }

  /** The address a guest actor is limited by, or null when exempt (allowlisted, unknown, or not a guest). */
  limitedIp(actor: Actor | { kind: 'guest'; ip?: string }): string | null {
    if (actor.kind !== 'guest' || !actor.ip || this.opts.allowlist.has(actor.ip)) return null;
    return actor.ip;
  }

  private exempt(ip: string | undefined): ip is undefined {
    return !ip || this.opts.allowlist.has(ip);
  }

  /** Counts one new guest identity for `ip`; 429 past the hourly allowance. */
  async admitNewGuest(ip: string | undefined): Promise<void> {
    if (this.exempt(ip)) return;
    const wait = await consume(this.created, ip);
    if (wait !== null) {
      rateLimitHits.inc({ limiter: 'guest_created_ip' });
      throw rateLimited(wait, 'Too many new guest sessions from this address; sign in or try again later');
    }
  }

  /**
   * Counts an open guest socket, or throws 429 past the allowance. Resolves true when a place
   * was taken (give it back with closeSocket), false for an exempt address.
   */
  async openSocket(ip: string | undefined): Promise<boolean> {
    if (this.exempt(ip)) return false;
    const wait = await consume(this.sockets, ip);
    if (wait !== null) {
      // A refused socket never opened: it must not hold a place.
      await this.sockets.reward(ip, 1).catch(() => undefined);
      rateLimitHits.inc({ limiter: 'guest_sockets_ip' });
      throw rateLimited(wait, 'Too many guest connections from this address');
    }
    return true;
  }

  /** Gives back the place an open guest socket of `ip` held (once per socket that openSocket counted). */
  closeSocket(ip: string | undefined): void {
    if (this.exempt(ip)) return;
    // Never below zero: a window that expired meanwhile already forgot this socket.
    void this.sockets
      .get(ip)
      .then((res) => (res && res.consumedPoints > 0 ? this.sockets.reward(ip, 1) : undefined))
      .catch(() => undefined);
  }

  /** Before a guest's chat message: the IP's message rate and daily token allowance. */
  async admit(actor: Actor): Promise<void> {
    const ip = this.limitedIp(actor);
    if (!ip) return;
    const budget = this.opts.dailyTokensPerIp;
    if (budget > 0) {
      const res = await this.tokens.get(ip);
      if ((res?.consumedPoints ?? 0) >= budget) {
        rateLimitHits.inc({ limiter: 'guest_tokens_ip' });
        throw rateLimited(
          Math.ceil((res?.msBeforeNext ?? DAY_S * 1000) / 1000),
          'Guests from this address used up today’s assistant budget; sign in or try again tomorrow',
        );
      }
    }
    const wait = await consume(this.messages, ip);
    if (wait !== null) {
      rateLimitHits.inc({ limiter: 'guest_messages_ip' });
      throw rateLimited(wait, 'Too many guest messages from this address; wait a moment');
    }
  }

  /** After a guest's answer: its LLM tokens count towards the IP's daily allowance. */
  async charge(actor: Actor, usedTokens: number): Promise<void> {
    const ip = this.limitedIp(actor);
    if (!ip || usedTokens <= 0 || this.opts.dailyTokensPerIp <= 0) return;
    await this.tokens.penalty(ip, usedTokens).catch(() => undefined);
  }
}
