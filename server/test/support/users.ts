// Creates accounts directly in the database (hashed password, chosen role) and mints their
// access tokens with the app's own TokenService: suites need users without depending on
// the registration route's rate limits.
import { randomUUID } from 'node:crypto';
import { hashPassword } from '../../src/modules/auth/passwords.js';
import type { TestApp } from './app.js';

export interface TestUser {
  id: string;
  email: string;
  password: string;
  role: 'shopper' | 'admin';
  token: string;
}

let cachedHash: { password: string; hash: Promise<string> } | undefined;

export async function createUser(app: TestApp, role: 'shopper' | 'admin' = 'shopper'): Promise<TestUser> {
  const password = 'Correct-Horse-Battery-9';
  cachedHash ??= { password, hash: hashPassword(password) };
  const email = `${role}-${randomUUID().slice(0, 12)}@test.local`;
  const em = app.platform.db.orm.em.fork();
  const rows = await em.execute<{ id: string }[]>(
    `insert into users (email, password_hash, name, role) values (?, ?, ?, ?) returning id`,
    [email, await cachedHash.hash, `Test ${role}`, role],
  );
  const id = rows[0]!.id;
  const token = await app.services.tokens.signAccess({ id, role });
  return { id, email, password, role, token };
}

export async function createUsers(app: TestApp, n: number, role: 'shopper' | 'admin' = 'shopper'): Promise<TestUser[]> {
  const users: TestUser[] = [];
  for (let i = 0; i < n; i++) users.push(await createUser(app, role));
  return users;
}
