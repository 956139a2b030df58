// Guest sessions the server issues: POST /api/auth/guest hands out a signed, expiring guest
// token (its `sub` is the guest id); sockets and REST present it. A bare guest id (the old
// client-made UUID) is only a hint: it resumes a guest the server already knows (its history),
// and an id never seen before counts as a new guest against its address's allowance, so a
// client cannot mint itself unlimited identities.
import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { GuestSession } from '@gpu/shared';
import { authEvents } from '../../platform/metrics.js';
import type { GuestActor } from './actor.js';
import type { GuestLimits } from './guest-limits.js';
import type { TokenService } from './tokens.js';
import { guestExists, rememberGuest } from './user-repository.js';

export interface GuestServiceDeps {
  em: () => EntityManager;
  tokens: TokenService;
  limits: GuestLimits;
}

export class GuestService {
  constructor(private readonly deps: GuestServiceDeps) {}

  /** A token for a new guest, or for the known guest `hint` names (resuming its history). */
  async issue(ip: string | undefined, hint?: string): Promise<GuestSession> {
    const known = hint !== undefined && (await this.isKnown(hint));
    let guestId: string;
    if (known) {
      guestId = hint;
    } else {
      await this.deps.limits.admitNewGuest(ip);
      guestId = randomUUID();
      await this.remember(guestId);
    }
    authEvents.inc({ event: 'guest', outcome: known ? 'resumed' : 'created' });
    return { guestToken: await this.deps.tokens.signGuest(guestId), guestId, expiresIn: this.deps.tokens.guestTtlS };
  }

  /** A bare guest id: accepted as is when known, else counted as a new guest of `ip`. */
  async fromBareId(guestId: string, ip: string | undefined): Promise<GuestActor> {
    const id = guestId.toLowerCase();
    if (!(await this.isKnown(id))) {
      await this.deps.limits.admitNewGuest(ip);
      await this.remember(id);
      authEvents.inc({ event: 'guest', outcome: 'bare_id_created' });
    }
    return { kind: 'guest', guestId: id, ...(ip ? { ip } : {}) };
  }

  /** A guest token: verified (401 when bad or expired), no database round trip. */
  async fromToken(token: string, ip: string | undefined): Promise<GuestActor> {
    const actor = await this.deps.tokens.verifyGuest(token);
    return { ...actor, ...(ip ? { ip } : {}) };
  }

  private async isKnown(id: string): Promise<boolean> {
    return guestExists(this.deps.em(), id);
  }

  private async remember(id: string): Promise<void> {
    await rememberGuest(this.deps.em(), id);
  }
}
