// ADMIN_EMAIL / ADMIN_PASSWORD: create or update that admin account at start-up (idempotent).
import type { EntityManager } from '@mikro-orm/postgresql';
import { hashPassword, verifyPassword } from './passwords.js';

export async function bootstrapAdmin(
  em: EntityManager,
  email: string,
  password: string,
): Promise<'created' | 'updated' | 'unchanged'> {
  const normalized = email.trim().toLowerCase();
  const rows = await em.execute<{ id: string; password_hash: string; role: string }[]>(
    `select id, password_hash, role from users where email = ?`,
    [normalized],
  );
  const existing = rows[0];
  if (!existing) {
    await em.execute(
      `insert into users (email, password_hash, name, role) values (?, ?, 'Admin', 'admin') on conflict (email) do nothing`,
      [normalized, await hashPassword(password)],
    );
    return 'created';
  }
  const samePassword = await verifyPassword(existing.password_hash, password);
  if (samePassword && existing.role === 'admin') return 'unchanged';
  const hash = samePassword ? existing.password_hash : await hashPassword(password);
  await em.execute(`update users set password_hash = ?, role = 'admin', updated_at = now() where id = ?`, [
    hash,
    existing.id,
  ]);
  return 'updated';
}
