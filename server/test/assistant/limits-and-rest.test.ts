// Per-shopper limits (message length, one generation at a time, messages per minute, daily
// token budget), the REST twin POST /api/v1/ask-ai (JSON and SSE), chat history routes and
// the admin insights built from what the assistant recorded.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { askAiResponseSchema, insightsSchema, maxChatMessageChars, type ChatTokenEvent } from '@gpu/shared';
import { startTestApp, type TestApp } from '../support/app.js';
import { OFFLINE_MODEL } from '../../src/modules/assistant/planner/offline-planner.js';
import { api } from '../support/http.js';
import { createUser, type TestUser } from '../support/users.js';
import { connectChat, ok, recordChat, sendChat, stopChat } from './chat-client.js';

let app: TestApp;
let admin: TestUser;
let shopper: TestUser;

beforeAll(async () => {
  app = await startTestApp();
  admin = await createUser(app, 'admin');
  shopper = await createUser(app);
});
afterAll(async () => {
  await app?.close();
});

describe('chat limits', () => {
  it('runs offline without a key, as /health says', async () => {
    const health = await api(app.url, '/health');
    expect(health.body.checks.llm).toEqual({ provider: 'offline', model: OFFLINE_MODEL });
    expect(health.body.checks.embeddings).toMatchObject({ model: 'hashing-ngram-384-v1', dim: 384, lexical: true });
  });

  it('refuses an over-long message with message_too_long (ack, or chat:error without one)', async () => {
    const s = await connectChat(app.url);
    const ack = await sendChat(s, { message: 'x'.repeat(maxChatMessageChars + 1) });
    expect(ack).toMatchObject({ ok: false, error: { code: 'message_too_long' } });
    const errored = new Promise((resolve) => s.once('chat:error', resolve));
    s.emit('chat:send', { message: 'y'.repeat(maxChatMessageChars + 1) });
    expect(await errored).toMatchObject({ code: 'message_too_long' });
    s.disconnect();
  });

  it('allows one generation at a time per shopper, across their connections', async () => {
    const guestId = randomUUID();
    const tab1 = await connectChat(app.url, { guestId });
    const tab2 = await connectChat(app.url, { guestId });
    const rec = recordChat(tab1);
    const first = ok(await sendChat(tab1, { message: 'best 4k card' }));
    expect(await sendChat(tab2, { message: 'and a cheap one?' })).toMatchObject({
      ok: false,
      error: { code: 'generation_in_progress' },
    });
    ok(await stopChat(tab1, first.messageId));
    await rec.done(first.messageId);
    const next = ok(await sendChat(tab2, { message: 'and a cheap one?' }));
    await stopChat(tab2, next.messageId);
    tab1.disconnect();
    tab2.disconnect();
  });

  it('refuses the message after the per-minute allowance with rate_limited', async () => {
    const s = await connectChat(app.url);
    const rec = recordChat(s);
    // 21 messages in one burst: the allowance is 20 a minute, and one answer at a time.
    const acks = await Promise.all(
      Array.from({ length: 21 }, (_, i) => sendChat(s, { message: `best card for 1440p gaming, take ${i}` })),
    );
    const accepted = acks.filter((a) => a.ok);
    const codes = acks.flatMap((a) => (a.ok ? [] : [a.error.code]));
    expect(accepted).toHaveLength(1);
    expect(codes.filter((c) => c === 'generation_in_progress')).toHaveLength(19);
    expect(codes.filter((c) => c === 'rate_limited')).toHaveLength(1);
    const first = ok(accepted[0]!);
    await stopChat(s, first.messageId);
    await rec.done(first.messageId);
    s.disconnect();
  });

  it('refuses once the daily token budget is used up with token_budget_exceeded', async () => {
    const guestId = randomUUID();
    await app.platform.db.orm.em
      .fork()
      .execute(
        `insert into llm_usage (guest_id, provider, model, prompt_tokens, completion_tokens) values (?, 'test', 'test', ?, 0)`,
        [guestId, app.config.CHAT_DAILY_TOKEN_BUDGET],
      );
    const s = await connectChat(app.url, { guestId });
    expect(await sendChat(s, { message: 'cheap card' })).toMatchObject({
      ok: false,
      error: { code: 'token_budget_exceeded' },
    });
    s.disconnect();
    const rest = await api(app.url, '/api/v1/ask-ai', {
      body: { message: 'cheap card' },
      headers: { 'x-guest-id': guestId },
    });
    expect(rest.status).toBe(429);
    expect(rest.body).toMatchObject({ code: 'token_budget_exceeded' });
    expect(Number(rest.headers.get('retry-after'))).toBeGreaterThan(0);
  });

  it('rejects malformed chat events as bad_request', async () => {
    const s = await connectChat(app.url);
    expect(await sendChat(s, { message: '' })).toMatchObject({ ok: false, error: { code: 'bad_request' } });
    expect(await stopChat(s, 'not-a-uuid')).toMatchObject({ ok: false, error: { code: 'bad_request' } });
    s.disconnect();
  });
});

/** Reads a text/event-stream response into events. */
async function readSse(res: Response): Promise<{ event: string; data: unknown }[]> {
  const text = await res.text();
  return text
    .split('\n\n')
    .filter((block) => block.trim())
    .map((block) => {
      const event = /^event: (.*)$/m.exec(block)?.[1] ?? 'message';
      const data = JSON.parse(/^data: (.*)$/m.exec(block)?.[1] ?? 'null');
      return { event, data };
    });
}

describe('POST /api/v1/ask-ai', () => {
  it('answers with JSON for a guest', async () => {
    const res = await api(app.url, '/api/v1/ask-ai', {
      body: { message: 'best card for 1080p under $300' },
      headers: { 'x-guest-id': randomUUID() },
    });
    expect(res.status).toBe(200);
    const body = askAiResponseSchema.parse(res.body);
    expect(body).toMatchObject({ finishReason: 'stop', provider: 'offline', grounding: { ok: true } });
    expect(body.products.length).toBeGreaterThan(0);
    for (const p of body.products) expect(p.price).toBeLessThanOrEqual(300);
    expect(body.answer).toContain(body.products[0]!.name);
  });

  it('streams products, token and done as server-sent events', async () => {
    const res = await fetch(`${app.url}/api/v1/ask-ai`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'text/event-stream', 'x-guest-id': randomUUID() },
      body: JSON.stringify({ message: 'GPU para streaming bajo 400 dólares' }),
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/event-stream');
    const messageId = res.headers.get('x-message-id');
    const events = await readSse(res);
    // Steps first, then the products before any token, the follow-ups after the last one, done last.
    const order = events.map((e) => e.event);
    expect(order[0]).toBe('tool');
    expect(order.indexOf('products')).toBeLessThan(order.indexOf('token'));
    expect(order.lastIndexOf('token')).toBeLessThan(order.indexOf('suggestions'));
    expect(order.at(-1)).toBe('done');
    const tokens = events.filter((e) => e.event === 'token').map((e) => e.data as ChatTokenEvent);
    expect(tokens.length).toBeGreaterThan(0);
    expect(tokens.map((t) => t.seq)).toEqual(tokens.map((_, i) => i));
    expect(tokens.every((t) => t.messageId === messageId)).toBe(true);
    expect(tokens.map((t) => t.text).join('')).toMatch(/^Estas son mis recomendaciones para streaming/);
    expect(events.at(-1)!.data).toMatchObject({ messageId, finishReason: 'stop', provider: 'offline' });
  });

  it('stops the generation when the SSE client goes away', async () => {
    const guestId = randomUUID();
    const controller = new AbortController();
    const res = await fetch(`${app.url}/api/v1/ask-ai`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'text/event-stream', 'x-guest-id': guestId },
      body: JSON.stringify({ message: 'best card for 4k' }),
      signal: controller.signal,
    });
    const messageId = res.headers.get('x-message-id')!;
    const reader = res.body!.getReader();
    let seen = '';
    while (!seen.includes('event: token')) seen += new TextDecoder().decode((await reader.read()).value);
    controller.abort();
    const em = app.platform.db.orm.em.fork();
    let reason: string | null = null;
    for (let i = 0; i < 100 && !reason; i++) {
      await new Promise((r) => setTimeout(r, 50));
      reason = (
        await em.execute<{ finish_reason: string | null }[]>(`select finish_reason from messages where id = ?`, [
          messageId,
        ])
      )[0]!.finish_reason;
    }
    expect(reason).toBe('cancelled');
  });

  it('rejects bad input with problem+json', async () => {
    const long = await api(app.url, '/api/v1/ask-ai', { body: { message: 'z'.repeat(maxChatMessageChars + 1) } });
    expect(long.status).toBe(400);
    expect(long.headers.get('content-type')).toContain('application/problem+json');
    expect(long.body).toMatchObject({ code: 'message_too_long' });
    expect((await api(app.url, '/api/v1/ask-ai', { body: {} })).status).toBe(400);
    const badGuest = await api(app.url, '/api/v1/ask-ai', {
      body: { message: 'hi' },
      headers: { 'x-guest-id': 'nope' },
    });
    expect(badGuest.status).toBe(400);
    expect((await api(app.url, '/api/v1/ask-ai', { body: { message: 'hi' }, token: 'garbage' })).status).toBe(401);
  });

  it('answers anonymous callers too (identified by IP)', async () => {
    const res = await api(app.url, '/api/v1/ask-ai', { body: { message: 'something under $50' } });
    expect(res.status).toBe(200);
    expect(res.body.products.length).toBeGreaterThan(0);
  });
});

describe('conversation history', () => {
  it('keeps a user conversation across ask-ai calls and hides it from others', async () => {
    const first = await api(app.url, '/api/v1/ask-ai', { body: { message: 'best card for ML' }, token: shopper.token });
    const second = await api(app.url, '/api/v1/ask-ai', {
      body: { message: 'and cheaper, under $500?', conversationId: first.body.conversationId },
      token: shopper.token,
    });
    expect(second.body.conversationId).toBe(first.body.conversationId);

    const list = await api(app.url, '/api/conversations', { token: shopper.token });
    expect(list.status).toBe(200);
    expect(list.body.items.map((c: { id: string }) => c.id)).toContain(first.body.conversationId);
    const conv = await api(app.url, `/api/conversations/${first.body.conversationId}`, { token: shopper.token });
    expect(conv.body.messages.map((m: { role: string }) => m.role)).toEqual(['user', 'assistant', 'user', 'assistant']);
    const answer = conv.body.messages[3];
    expect(answer).toMatchObject({ id: second.body.messageId, content: second.body.answer, finishReason: 'stop' });
    expect(answer.productIds).toEqual(second.body.products.map((p: { id: string }) => p.id));

    const other = await createUser(app);
    expect((await api(app.url, `/api/conversations/${first.body.conversationId}`, { token: other.token })).status).toBe(
      404,
    );
    expect((await api(app.url, '/api/conversations', { token: other.token })).body.items).toEqual([]);
    const foreign = await api(app.url, '/api/v1/ask-ai', {
      body: { message: 'hi', conversationId: first.body.conversationId },
      token: other.token,
    });
    expect(foreign.status).toBe(404);
    expect((await api(app.url, '/api/conversations')).status).toBe(401);
  });
});

describe('GET /api/admin/insights', () => {
  it('reports top products, out-of-stock demand, over-budget and zero-result queries and usage per day', async () => {
    await api(app.url, '/api/v1/ask-ai', {
      body: { message: 'an intel card with 48GB' },
      headers: { 'x-guest-id': randomUUID() },
    });
    await api(app.url, '/api/v1/ask-ai', {
      body: { message: 'something under $50' },
      headers: { 'x-guest-id': randomUUID() },
    });
    const res = await api(app.url, '/api/admin/insights?days=7', { token: admin.token });
    expect(res.status).toBe(200);
    const report = insightsSchema.parse(res.body);
    expect(report.days).toBe(7);
    expect(report.topProducts.length).toBeGreaterThan(0);
    expect(report.topProducts[0]!.mentions).toBeGreaterThanOrEqual(report.topProducts.at(-1)!.mentions);
    expect(report.overBudgetQueries).toContainEqual(
      expect.objectContaining({ query: 'something under $50', budget: 50 }),
    );
    expect(report.zeroResultQueries.map((q) => q.query)).toContain('an intel card with 48GB');
    const today = new Date().toISOString().slice(0, 10);
    expect(report.usageByDay.find((d) => d.day === today)?.messages).toBeGreaterThan(0);
  });

  it('is for admins only', async () => {
    expect((await api(app.url, '/api/admin/insights', { token: shopper.token })).status).toBe(403);
    expect((await api(app.url, '/api/admin/insights')).status).toBe(401);
    expect((await api(app.url, '/api/admin/insights?days=0', { token: admin.token })).status).toBe(400);
  });
});
