// Accounts and guest identities in the database, through the ORM (db/entities/user.ts).
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Role, User as ApiUser } from '@gpu/shared';
import { Guest, User } from '../../db/entities/index.js';

export const toApiUser = (u: Pick<User, 'id' | 'email' | 'name' | 'role'>): ApiUser => ({
  id: u.id,
  email: u.email,
  name: u.name,
  role: u.role,
});

export const findUserByEmail = (em: EntityManager, email: string) =>
  em.findOne(User, { email }, { fields: ['id', 'email', 'name', 'role', 'passwordHash'] });

export const findUserById = (em: EntityManager, id: string) =>
  em.findOne(User, { id }, { fields: ['id', 'email', 'name', 'role'] });

/** Creates the account unless the email is taken (then null): one statement, no race. */
export async function insertUserIfNew(
  em: EntityManager,
  data: { email: string; passwordHash: string; name: string | null; role?: Role },
): Promise<ApiUser | null> {
  const rows = await em
    .createQueryBuilder(User)
    .insert({ email: data.email, passwordHash: data.passwordHash, name: data.name, role: data.role ?? 'shopper' })
    .onConflict('email')
    .ignore()
    .returning(['id', 'email', 'name', 'role'])
    .execute('all');
  const row = rows[0] as Pick<User, 'id' | 'email' | 'name' | 'role'> | undefined;
  return row ? toApiUser(row) : null;
}

export const updateUser = (
  em: EntityManager,
  id: string,
  data: Partial<Pick<User, 'passwordHash' | 'role' | 'name'>>,
): Promise<number> => em.nativeUpdate(User, { id }, { ...data, updatedAt: new Date() });

export const guestExists = async (em: EntityManager, id: string): Promise<boolean> =>
  (await em.count(Guest, { id })) > 0;

/** Remembers a guest identity (idempotent). */
export async function rememberGuest(em: EntityManager, id: string): Promise<void> {
  await em.createQueryBuilder(Guest).insert({ id }).onConflict('id').ignore().execute('run');
}
