// Guests the server issues, and per-IP guest limits that hold however a guest identifies.
// The floods are the probes, bounded: a new X-Guest-Id per ask-ai request, a new
// guestId per socket, many sockets of one guest, stock:watch spread over many guests, and
// guest LLM tokens per day; each counts what got through from one address.
import { randomInt, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GuestSession, StockWatchAck } from '@gpu/shared';
import { guestLimits } from '../../src/modules/auth/guest-limits.js';
import { startTestApp, TEST_JWT_SECRET, type TestApp } from '../support/app.js';
import { api } from '../support/http.js';
import { createUser } from '../support/users.js';
import { TokenService } from '../../src/modules/auth/tokens.js';
import {
  closeAllClients,
  connectShopper,
  emitWithAck,
  refusal,
  type ShopperClient,
} from '../realtime/helpers/sockets.js';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(async () => {
  closeAllClients();
  await app?.close();
});

/** A fresh address per test, so the per-IP limits of one test never reach another. */
const newIp = () => `198.18.${randomInt(256)}.${randomInt(1, 255)}`;
const askAi = (ip: string, headers: Record<string, string> = {}, message = 'best card for 1080p') =>
  api(app.url, '/api/v1/ask-ai', { body: { message }, headers: { 'x-forwarded-for': ip, ...headers } });

async function guestSession(ip: string, body?: unknown) {
  return api<GuestSession>(app.url, '/api/auth/guest', { method: 'POST', body, headers: { 'x-forwarded-for': ip } });
}

/** Runs `n` calls, `width` at a time; returns their results in order. */
async function inBatches<T>(n: number, width: number, call: (i: number) => Promise<T>): Promise<T[]> {
  const out: T[] = [];
  for (let i = 0; i < n; i += width) {
    out.push(...(await Promise.all(Array.from({ length: Math.min(width, n - i) }, (_, j) => call(i + j)))));
  }
  return out;
}

describe('POST /api/auth/guest', () => {
  it('issues a signed, expiring guest token that sockets and REST accept', async () => {
    const ip = newIp();
    const res = await guestSession(ip);
    expect(res.status).toBe(201);
    expect(res.body).toEqual({ guestToken: expect.any(String), guestId: expect.any(String), expiresIn: 604800 });
    const { guestToken, guestId } = res.body;
    const socket = await connectShopper(app.url, { auth: { guestToken }, extraHeaders: { 'x-forwarded-for': ip } });
    expect(socket.connected).toBe(true);
    const answer = await askAi(ip, { authorization: `Guest ${guestToken}` });
    expect(answer.status).toBe(200);
    const [owner] = await app.platform.db.orm.em
      .fork()
      .execute<{ guest_id: string }[]>(`select guest_id from conversations where id = ?`, [answer.body.conversationId]);
    expect(owner?.guest_id).toBe(guestId);
  });

  it('resumes a known guest from its old id, and never hands out an id the client made up', async () => {
    const ip = newIp();
    const known = (await guestSession(ip)).body.guestId;
    expect((await guestSession(ip, { guestId: known })).body.guestId).toBe(known);
    const madeUp = randomUUID();
    const fresh = await guestSession(ip, { guestId: madeUp });
    expect(fresh.status).toBe(201);
    expect(fresh.body.guestId).not.toBe(madeUp);
    expect((await guestSession(ip, { guestId: 'not-a-uuid' })).status).toBe(400);
  });

  it('a guest token is never a user token, and neither can be forged', async () => {
    const ip = newIp();
    const { guestToken } = (await guestSession(ip)).body;
    const user = await createUser(app);
    expect((await api(app.url, '/api/auth/me', { token: guestToken })).status).toBe(401);
    expect((await api(app.url, '/api/cart', { token: guestToken })).status).toBe(401);
    expect((await askAi(ip, { authorization: `Guest ${user.token}` })).status).toBe(401);
    const otherKey = new TokenService({ secret: `${TEST_JWT_SECRET}-other`, accessTtlS: 900 });
    const forged = await otherKey.signGuest(randomUUID());
    expect((await askAi(ip, { authorization: `Guest ${forged}` })).status).toBe(401);
    expect(await refusal(app.url, { auth: { guestToken: forged } })).toBe('unauthorized');
    expect(await refusal(app.url, { auth: { guestToken: user.token } })).toBe('unauthorized');
    // A signed-in user's token still connects as that user, never as a guest.
    const socket = await connectShopper(app.url, { token: user.token });
    expect(socket.connected).toBe(true);
  });

  it('limits guests created per address', async () => {
    const ip = newIp();
    const results = await inBatches(guestLimits.created.points + 5, 10, () => guestSession(ip));
    const created = results.filter((r) => r.status === 201).length;
    expect(created).toBe(guestLimits.created.points);
    const refused = results.find((r) => r.status === 429)!;
    expect(refused.body).toMatchObject({ code: 'rate_limited' });
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    // Another address is not affected.
    expect((await guestSession(newIp())).status).toBe(201);
  });
});

describe('guest floods from one address', () => {
  const FLOOD = 60;

  it('a new X-Guest-Id per ask-ai request: answers stop at the per-IP allowance', async () => {
    const ip = newIp();
    const results = await inBatches(FLOOD, 10, () => askAi(ip, { 'x-guest-id': randomUUID() }));
    const answered = results.filter((r) => r.status === 200).length;
    const limited = results.filter((r) => r.status === 429);
    console.log(`ask-ai flood: ${FLOOD} requests with a new X-Guest-Id each from one IP -> ${answered} answers`);
    expect(answered).toBeLessThanOrEqual(guestLimits.created.points);
    expect(answered + limited.length).toBe(FLOOD);
    for (const r of limited) {
      expect(r.body.code).toBe('rate_limited');
      expect(Number(r.headers.get('retry-after'))).toBeGreaterThan(0);
    }
  });

  it('a new guestId per socket: connections stop at the per-IP allowance', async () => {
    const ip = newIp();
    const outcomes = await inBatches(FLOOD, 10, async () => {
      try {
        await connectShopper(app.url, { guestId: randomUUID(), extraHeaders: { 'x-forwarded-for': ip } });
        return 'connected';
      } catch (err) {
        return (err as Error).message;
      }
    });
    const connected = outcomes.filter((o) => o === 'connected').length;
    console.log(`socket flood: ${FLOOD} sockets with a new guestId each from one IP -> ${connected} accepted`);
    expect(connected).toBeLessThanOrEqual(guestLimits.created.points);
    expect(outcomes.filter((o) => o !== 'connected').every((o) => o === 'rate_limited')).toBe(true);
    closeAllClients();
  });

  it('one guest opening many sockets: at most the per-IP number stay open at once', async () => {
    const ip = newIp();
    // One identity (a bare id, as old clients send), so only the open-socket limit applies.
    const opts = { guestId: randomUUID(), extraHeaders: { 'x-forwarded-for': ip } };
    const sockets: ShopperClient[] = [];
    let refused = 0;
    for (let i = 0; i < guestLimits.sockets.points + 10; i++) {
      try {
        sockets.push(await connectShopper(app.url, opts));
      } catch (err) {
        expect((err as Error).message).toBe('rate_limited');
        refused++;
      }
    }
    console.log(`open-socket flood: ${guestLimits.sockets.points + 10} sockets of one guest -> ${sockets.length} open`);
    expect(sockets).toHaveLength(guestLimits.sockets.points);
    expect(refused).toBe(10);
    // Closing one frees its place.
    sockets.pop()!.close();
    let again: ShopperClient | undefined;
    for (let i = 0; i < 50 && !again; i++) {
      again = await connectShopper(app.url, opts).catch(() => undefined);
      if (!again) await new Promise((r) => setTimeout(r, 50));
    }
    expect(again?.connected).toBe(true);
    closeAllClients();
  });

  it('stock:watch spread over many guest sockets shares one per-IP event budget', async () => {
    const ip = newIp();
    const sockets = await inBatches(25, 5, () =>
      connectShopper(app.url, { guestId: randomUUID(), extraHeaders: { 'x-forwarded-for': ip } }),
    );
    const gpuId = randomUUID();
    const acks = await inBatches(500, 50, (i) =>
      emitWithAck<StockWatchAck>(sockets[i % sockets.length]!, 'stock:watch', { gpuIds: [gpuId] }),
    );
    const accepted = acks.filter((a) => a.ok).length;
    console.log(`stock:watch flood: 500 events over 25 guest sockets from one IP -> ${accepted} accepted`);
    expect(accepted).toBeLessThanOrEqual(guestLimits.events.points);
    for (const a of acks.filter((x) => !x.ok)) expect(a).toMatchObject({ ok: false, error: { code: 'rate_limited' } });
    closeAllClients();
  });
});

describe('guest LLM tokens per address per day', () => {
  let small: TestApp;
  beforeAll(async () => {
    small = await startTestApp({ env: { GUEST_IP_DAILY_TOKEN_BUDGET: '1' } });
  });
  afterAll(async () => small?.close());

  it('once the guests of an address used the budget, further guest messages get 429; users are not affected', async () => {
    const ip = newIp();
    const ask = (headers: Record<string, string>) =>
      api(small.url, '/api/v1/ask-ai', {
        body: { message: 'best card for 1440p' },
        headers: { 'x-forwarded-for': ip, ...headers },
      });
    const first = await ask({ 'x-guest-id': randomUUID() });
    expect(first.status).toBe(200);
    expect(first.body.usage.promptTokens + first.body.usage.completionTokens).toBeGreaterThan(1);
    const second = await ask({ 'x-guest-id': randomUUID() });
    expect(second.status).toBe(429);
    expect(second.body.code).toBe('rate_limited');
    const user = await createUser(small);
    expect((await ask({ authorization: `Bearer ${user.token}` })).status).toBe(200);
  });
});
