import { EntitySchema, OptionalProps } from '@mikro-orm/core';
import type { Role } from '@gpu/shared';

export class User {
  /** Filled by the database or the ORM when not given. */
  [OptionalProps]?: 'role' | 'createdAt' | 'updatedAt';
  id!: string;
  email!: string;
  passwordHash!: string;
  name!: string | null;
  role!: Role;
  createdAt!: Date;
  updatedAt!: Date;
}

export const UserSchema = new EntitySchema<User>({
  class: User,
  tableName: 'users',
  checks: [{ name: 'users_email_lower', expression: 'email = lower(email)' }],
  properties: {
    id: { type: 'uuid', primary: true, defaultRaw: 'gen_random_uuid()' },
    email: { type: 'string', length: 254, unique: 'users_email_unique' },
    passwordHash: { type: 'text', hidden: true },
    name: { type: 'string', length: 80, nullable: true },
    role: { enum: true, items: ['shopper', 'admin'], columnType: 'varchar(16)', default: 'shopper' },
    createdAt: { type: 'datetime', defaultRaw: 'now()', onCreate: () => new Date() },
    updatedAt: { type: 'datetime', defaultRaw: 'now()', onCreate: () => new Date(), onUpdate: () => new Date() },
  },
});

/** Server-issued guest identities (per-IP creation limits tell a new guest from a returning one). */
export class Guest {
  /** Filled by the database or the ORM when not given. */
  [OptionalProps]?: 'createdAt';
  id!: string;
  createdAt!: Date;
}

export const GuestSchema = new EntitySchema<Guest>({
  class: Guest,
  tableName: 'guests',
  properties: {
    id: { type: 'uuid', primary: true },
    createdAt: { type: 'datetime', defaultRaw: 'now()', onCreate: () => new Date() },
  },
});
