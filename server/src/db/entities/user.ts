import { EntitySchema } from '@mikro-orm/core';
import type { Role } from '@gpu/shared';

export class User {
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
  properties: {
    id: { type: 'uuid', primary: true, defaultRaw: 'gen_random_uuid()' },
    email: { type: 'string', length: 254, unique: true },
    passwordHash: { type: 'text', hidden: true },
    name: { type: 'string', length: 80, nullable: true },
    role: { type: 'string', length: 16, default: 'shopper' },
    createdAt: { type: 'datetime', defaultRaw: 'now()', onCreate: () => new Date() },
    updatedAt: { type: 'datetime', defaultRaw: 'now()', onCreate: () => new Date(), onUpdate: () => new Date() },
  },
});
