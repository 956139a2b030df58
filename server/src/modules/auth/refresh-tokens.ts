// Opaque refresh tokens: 32 bytes (base64url) handed to the client once; only their sha256 is
// stored. Each use rotates the token inside its family. A successor is derived from the token
// it replaces with a server-keyed MAC, so the server can hand the same successor out again
// without storing it: presenting the token just replaced within a short grace window (a
// retried request whose answer was lost, two tabs refreshing at once) returns that successor
// while it is still unused. Any other reuse means the token leaked: the whole family dies.
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { RefreshToken } from '../../db/entities/index.js';

export type RotateResult =
  | { outcome: 'rotated' | 'grace'; userId: string; token: string }
  | { outcome: 'unknown' | 'revoked' | 'expired' | 'reused' };

type TokenRow = Pick<RefreshToken, 'id' | 'userId' | 'familyId' | 'expiresAt' | 'usedAt' | 'revokedAt'>;

export const hashRefreshToken = (token: string): string => createHash('sha256').update(token).digest('hex');

export interface RefreshTokenStoreOptions {
  ttlS: number;
  /** The successor of a token: a keyed MAC of it (TokenService.mac), 43 base64url characters. */
  successorOf: (token: string) => string;
  /** Seconds after a rotation during which the replaced token still returns its unused successor. */
  graceS: number;
  now?: () => number;
}

export class RefreshTokenStore {
  private readonly ttlS: number;
  private readonly graceMs: number;
  private readonly now: () => number;

  constructor(private readonly opts: RefreshTokenStoreOptions) {
    this.ttlS = opts.ttlS;
    this.graceMs = opts.graceS * 1000;
    this.now = opts.now ?? (() => Date.now());
  }

  /** Issues a token in `familyId` (a new family at login/registration). */
  async issue(
    em: EntityManager,
    userId: string,
    familyId: string = randomUUID(),
    token: string = randomBytes(32).toString('base64url'),
  ): Promise<string> {
    await em.insert(RefreshToken, {
      userId,
      familyId,
      tokenHash: hashRefreshToken(token),
      expiresAt: new Date(this.now() + this.ttlS * 1000),
    });
    return token;
  }

  /**
   * Marks the token used and issues its successor, in one transaction. The row lock
   * serializes concurrent uses of one token: the second waits for the first to commit, then
   * finds it used; inside the grace window it gets the same (unused) successor, after it the
   * family is revoked.
   */
  async rotate(em: EntityManager, token: string): Promise<RotateResult> {
    return em.transactional(async (tx) => {
      const row = await this.lockRow(tx, token);
      if (!row) return { outcome: 'unknown' } as const;
      if (row.revokedAt) return { outcome: 'revoked' } as const;
      const successor = this.opts.successorOf(token);
      if (row.usedAt) {
        const withinGrace = this.now() - new Date(row.usedAt).getTime() <= this.graceMs;
        const next = withinGrace ? await this.lockRow(tx, successor) : undefined;
        if (next && !next.usedAt && !next.revokedAt && new Date(next.expiresAt).getTime() > this.now()) {
          return { outcome: 'grace', userId: row.userId, token: successor } as const;
        }
        await this.revokeFamily(tx, row.familyId);
        return { outcome: 'reused' } as const;
      }
      if (new Date(row.expiresAt).getTime() <= this.now()) return { outcome: 'expired' } as const;
      await tx.nativeUpdate(RefreshToken, { id: row.id }, { usedAt: new Date(this.now()) });
      await this.issue(tx, row.userId, row.familyId, successor);
      return { outcome: 'rotated', userId: row.userId, token: successor } as const;
    });
  }

  private async lockRow(tx: EntityManager, token: string): Promise<TokenRow | undefined> {
    // `for update`: concurrent uses of one token queue here (see rotate).
    const row = await tx.findOne(
      RefreshToken,
      { tokenHash: hashRefreshToken(token) },
      { lockMode: LockMode.PESSIMISTIC_WRITE, disableIdentityMap: true },
    );
    return row ?? undefined;
  }

  /** Logout: revokes the family the token belongs to. Unknown tokens are ignored. */
  async revokeFamilyOf(em: EntityManager, token: string): Promise<boolean> {
    const row = await em.findOne(RefreshToken, { tokenHash: hashRefreshToken(token) }, { fields: ['familyId'] });
    if (!row) return false;
    await this.revokeFamily(em, row.familyId);
    return true;
  }

  private async revokeFamily(em: EntityManager, familyId: string): Promise<void> {
    await em.nativeUpdate(RefreshToken, { familyId, revokedAt: null }, { revokedAt: new Date(this.now()) });
  }
}
