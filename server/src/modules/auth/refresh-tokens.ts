// Opaque refresh tokens: 32 random bytes (base64url) handed to the client once; only their
// sha256 is stored. Each use rotates the token inside its family; presenting a token that
// was already rotated means it leaked (or a client raced itself), so the whole family dies.
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';

export type RotateResult =
  { outcome: 'rotated'; userId: string; token: string } | { outcome: 'unknown' | 'revoked' | 'expired' | 'reused' };

interface TokenRow {
  id: string;
  user_id: string;
  family_id: string;
  expires_at: Date | string;
  used_at: Date | string | null;
  revoked_at: Date | string | null;
}

export const hashRefreshToken = (token: string): string => createHash('sha256').update(token).digest('hex');

export class RefreshTokenStore {
  constructor(
    private readonly ttlS: number,
    private readonly now: () => number = () => Date.now(),
  ) {}

  /** Issues a token in `familyId` (a new family at login/registration). */
  async issue(em: EntityManager, userId: string, familyId: string = randomUUID()): Promise<string> {
    const token = randomBytes(32).toString('base64url');
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
   * serializes concurrent uses of one token: the second sees `used_at` and revokes the family.
   */
  async rotate(em: EntityManager, token: string): Promise<RotateResult> {
    return em.transactional(async (tx) => {
      const rows = await tx.execute<TokenRow[]>(
        `select id, user_id, family_id, expires_at, used_at, revoked_at from refresh_tokens
         where token_hash = ? for update`,
        [hashRefreshToken(token)],
      );
      const row = rows[0];
      if (!row) return { outcome: 'unknown' } as const;
      if (row.revoked_at) return { outcome: 'revoked' } as const;
      if (row.used_at) {
        await this.revokeFamily(tx, row.family_id);
        return { outcome: 'reused' } as const;
      }
      if (new Date(row.expires_at).getTime() <= this.now()) return { outcome: 'expired' } as const;
      await tx.execute(`update refresh_tokens set used_at = ? where id = ?`, [new Date(this.now()), row.id]);
      const next = await this.issue(tx, row.user_id, row.family_id);
      return { outcome: 'rotated', userId: row.user_id, token: next } as const;
    });
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
