// Retention at start-up: idempotency keys older than 24 h and refresh tokens a day past
// expiry are purged; younger rows stay.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { startTestApp, type TestApp } from '../support/app.js';
import { createUser } from '../support/users.js';
import { purgeExpiredRecords } from '../../src/db/retention.js';

let app: TestApp;
const sql = <T extends Record<string, unknown>[]>(query: string, params: unknown[] = []) =>
  app.platform.db.orm.em.fork().execute<T>(query, params);
const hoursAgo = (h: number) => new Date(Date.now() - h * 3_600_000);

beforeAll(async () => {
  app = await startTestApp({ redis: false });
});
afterAll(async () => app?.close());

describe('retention', () => {
  it('purges old idempotency keys and long-expired refresh tokens, and keeps the rest', async () => {
    const user = await createUser(app);
    for (const [key, created] of [
      ['old-key-0001', hoursAgo(30)],
      ['new-key-0001', hoursAgo(2)],
    ] as const) {
      await sql(`insert into idempotency_keys (user_id, key, request_hash, created_at) values (?, ?, ?, ?)`, [
        user.id,
        key,
        'x'.repeat(64),
        created,
      ]);
    }
    for (const [hash, expires] of [
      ['a'.repeat(64), hoursAgo(48)],
      ['b'.repeat(64), hoursAgo(2)],
      ['c'.repeat(64), hoursAgo(-24)],
    ] as const) {
      await sql(`insert into refresh_tokens (user_id, family_id, token_hash, expires_at) values (?, ?, ?, ?)`, [
        user.id,
        randomUUID(),
        hash,
        expires,
      ]);
    }

    expect(await purgeExpiredRecords(app.platform.db.orm.em.fork())).toEqual({
      idempotencyKeys: 1,
      refreshTokens: 1,
      stockHistory: 0,
    });

    const keys = await sql<{ key: string }[]>(`select key from idempotency_keys where user_id = ?`, [user.id]);
    expect(keys.map((k) => k.key)).toEqual(['new-key-0001']);
    const tokens = await sql<{ token_hash: string }[]>(
      `select token_hash from refresh_tokens where user_id = ? order by token_hash`,
      [user.id],
    );
    expect(tokens.map((t) => t.token_hash[0])).toEqual(['b', 'c']);
  });
});
