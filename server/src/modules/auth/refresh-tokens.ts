// Opaque refresh tokens: 32 bytes (base64url) handed to the client once; only their sha256 is
// stored. Each use rotates the token inside its family. A successor is derived from the token
// it replaces with a server-keyed MAC, so the server can hand the same successor out again
// without storing it: presenting the token just replaced within a short grace window (a
// retried request whose answer was lost, two tabs refreshing at once) returns that successor
// while it is still unused. Any other reuse means the token leaked: the whole family dies.
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';

export type RotateResult =
  | { outcome: 'rotated' | 'grace'; userId: string; token: string }
  | { outcome: 'unknown' | 'revoked' | 'expired' | 'reused' };

interface TokenRow {
  id: string;
  user_id: string;
  family_id: string;
  expires_at: Date | string;
  used_at: Date | string | null;
  revoked_at: Date | string | null;
}

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
    await em.execute(`insert into refresh_tokens (user_id, family_id, token_hash, expires_at) values (?, ?, ?, ?)`, [
      userId,
      familyId,
      hashRefreshToken(token),
      new Date(this.now() + this.ttlS * 1000),
    ]);
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
      if (row.revoked_at) return { outcome: 'revoked' } as const;
      const successor = this.opts.successorOf(token);
      if (row.used_at) {
        const withinGrace = this.now() - new Date(row.used_at).getTime() <= this.graceMs;
        const next = withinGrace ? await this.lockRow(tx, successor) : undefined;
        if (next && !next.used_at && !next.revoked_at && new Date(next.expires_at).getTime() > this.now()) {
          return { outcome: 'grace', userId: row.user_id, token: successor } as const;
        }
        await this.revokeFamily(tx, row.family_id);
        return { outcome: 'reused' } as const;
      }
      if (new Date(row.expires_at).getTime() <= this.now()) return { outcome: 'expired' } as const;
      await tx.execute(`update refresh_tokens set used_at = ? where id = ?`, [new Date(this.now()), row.id]);
      await this.issue(tx, row.user_id, row.family_id, successor);
      return { outcome: 'rotated', userId: row.user_id, token: successor } as const;
    });
  }

  private async lockRow(tx: EntityManager, token: string): Promise<TokenRow | undefined> {
    const rows = await tx.execute<TokenRow[]>(
      `select id, user_id, family_id, expires_at, used_at, revoked_at from refresh_tokens
       where token_hash = ? for update`,
      [hashRefreshToken(token)],
    );
    return rows[0];
  }

  /** Logout: revokes the family the token belongs to. Unknown tokens are ignored. */
  async revokeFamilyOf(em: EntityManager, token: string): Promise<boolean> {
    const rows = await em.execute<{ family_id: string }[]>(
      `select family_id from refresh_tokens where token_hash = ?`,
      [hashRefreshToken(token)],
    );
    if (!rows[0]) return false;
    await this.revokeFamily(em, rows[0].family_id);
    return true;
  }

  private async revokeFamily(em: EntityManager, familyId: string): Promise<void> {
    await em.execute(`update refresh_tokens set revoked_at = ? where family_id = ? and revoked_at is null`, [
      new Date(this.now()),
      familyId,
    ]);
  }
}
