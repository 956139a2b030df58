// The real server in-process on a random port, serving the built client: embedded defaults,
// or real PostgreSQL/Redis when DATABASE_URL/REDIS_URL are set.
import { ADMIN, startTestApp, type TestApp } from '../../../server/test/support/app.js';
import { createUser, type TestUser } from '../../../server/test/support/users.js';
import { api } from '../../../server/test/support/http.js';
import { ensureClientBuild } from './client-build.js';

export { ADMIN, api, createUser, type TestApp, type TestUser };

export async function startE2eApp(env: Record<string, string> = {}): Promise<TestApp> {
  ensureClientBuild();
  return startTestApp({ serveClient: true, env });
}

export async function adminToken(app: TestApp): Promise<string> {
  const res = await api<{ accessToken: string }>(app.url, '/api/auth/login', { body: ADMIN });
  if (res.status !== 200) throw new Error(`admin login failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.accessToken;
}
