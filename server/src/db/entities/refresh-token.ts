import { EntitySchema, OptionalProps } from '@mikro-orm/core';
import { User } from './user.js';

export class RefreshToken {
  /** Filled by the database or the ORM when not given. */
  [OptionalProps]?: 'id' | 'usedAt' | 'revokedAt' | 'createdAt';
  id!: string;
  userId!: string;
  familyId!: string;
  /** sha256 of the opaque token; the token itself is never stored. */
  tokenHash!: string;
  expiresAt!: Date;
  usedAt!: Date | null;
  revokedAt!: Date | null;
  createdAt!: Date;
}

export const RefreshTokenSchema = new EntitySchema<RefreshToken>({
  class: RefreshToken,
  tableName: 'refresh_tokens',
  indexes: [
    { name: 'refresh_tokens_family_idx', properties: ['familyId'] },
    { name: 'refresh_tokens_user_idx', properties: ['userId'] },
  ],
  properties: {
    id: { type: 'uuid', primary: true, defaultRaw: 'gen_random_uuid()' },
    userId: {
      kind: 'm:1',
      entity: () => User,
      mapToPk: true,
      updateRule: 'no action',
      fieldName: 'user_id',
      foreignKeyName: 'refresh_tokens_user_id_fkey',
      deleteRule: 'cascade',
    },
    familyId: { type: 'uuid' },
    tokenHash: { type: 'string', columnType: 'char(64)', unique: 'refresh_tokens_hash_unique' },
    expiresAt: { type: 'datetime' },
    usedAt: { type: 'datetime', nullable: true },
    revokedAt: { type: 'datetime', nullable: true },
    createdAt: { type: 'datetime', defaultRaw: 'now()', onCreate: () => new Date() },
  },
});
