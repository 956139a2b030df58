// ADMIN_EMAIL / ADMIN_PASSWORD: create or update that admin account at start-up (idempotent).
import type { EntityManager } from '@mikro-orm/postgresql';
import { hashPassword, verifyPassword } from './passwords.js';
import { findUserByEmail, insertUserIfNew, updateUser } from './user-repository.js';

export async function bootstrapAdmin(
  em: EntityManager,
  email: string,
  password: string,
): Promise<'created' | 'updated' | 'unchanged'> {
  const normalized = email.trim().toLowerCase();
  const existing = await findUserByEmail(em, normalized);
  if (!existing) {
    await insertUserIfNew(em, {
      email: normalized,
      passwordHash: await hashPassword(password),
      name: 'Admin',
      role: 'admin',
    });
    return 'created';
  }
  const samePassword = await verifyPassword(existing.passwordHash, password);
  if (samePassword && existing.role === 'admin') return 'unchanged';
  const hash = samePassword ? existing.passwordHash : await hashPassword(password);
  await updateUser(em, existing.id, { passwordHash: hash, role: 'admin' });
  return 'updated';
}
