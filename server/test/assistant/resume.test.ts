// Resume: a client that disconnects mid-answer reconnects (to the same instance, or to
// another one sharing PostgreSQL and Redis) and `chat:resume { messageId, afterSeq }`
// completes the answer with no gap and no duplicate. A disconnect never stops the answer.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/app.js';
import { api } from '../support/http.js';
import { hasRedis, baseDatabaseUrl } from '../support/services.js';
import { canRunRedisCluster, startTestRedisCluster, type TestRedisCluster } from '../support/redis-cluster.js';
import { createUser } from '../support/users.js';
import { connectChat, ok, recordChat, resumeChat, sendChat, stopChat } from './chat-client.js';
import { startFakeGroq, type FakeGroq } from './fake-groq.js';

const CHUNKS = Array.from({ length: 60 }, (_, i) => `part${i} `);
const FULL = CHUNKS.join('');
const slow = { kind: 'stream' as const, chunks: CHUNKS, delayMs: 20 };

/** Disconnects after `n` tokens, reconnects to `resumeUrl` and resumes; returns what each socket saw. */
async function disconnectAndResume(
  sendUrl: string,
  resumeUrl: string,
  auth: { token: string } | { guestId: string },
  n = 5,
) {
  const first = await connectChat(sendUrl, auth);
  const a = recordChat(first);
  const ack = ok(await sendChat(first, { message: 'best card for 1440p gaming' }));
  await a.until(() => a.tokens(ack.messageId).length >= n);
  first.disconnect();
  const seen = a.tokens(ack.messageId);
  const lastSeq = seen.at(-1)!.seq;

  const second = await connectChat(resumeUrl, auth);
  const b = recordChat(second);
  ok(await resumeChat(second, ack.messageId, lastSeq));
  const done = await b.done(ack.messageId);
  second.disconnect();
  return {
    messageId: ack.messageId,
    conversationId: ack.conversationId,
    seen,
    resumed: b.tokens(ack.messageId),
    done,
    b,
  };
}

function expectSeamless(seen: { seq: number; text: string }[], resumed: { seq: number; text: string }[]) {
  const all = [...seen, ...resumed];
  expect(all.map((t) => t.seq)).toEqual(all.map((_, i) => i));
  expect(all.map((t) => t.text).join('')).toBe(FULL);
}

describe('chat:resume on the same instance', () => {
  let fake: FakeGroq;
  let app: TestApp;
  beforeAll(async () => {
    fake = await startFakeGroq(slow);
    app = await startTestApp({ env: { GROQ_API_KEY: 'test', LLM_BASE_URL: fake.url } });
  });
  afterAll(async () => {
    await app?.close();
    await fake?.close();
  });

  it('replays the missed tokens, follows the live rest, then done; the disconnect did not stop the answer', async () => {
    const user = await createUser(app);
    const r = await disconnectAndResume(app.url, app.url, { token: user.token });
    expectSeamless(r.seen, r.resumed);
    expect(r.done).toMatchObject({ finishReason: 'stop', provider: 'groq' });
    expect(await fake.requests.at(-1)!.closedEarly).toBe(false);
    // The stored answer is the same text.
    const conv = await api(app.url, `/api/conversations/${r.conversationId}`, { token: user.token });
    expect(conv.body.messages.find((m: { id: string }) => m.id === r.messageId).content).toBe(FULL);
  });

  it('after the answer finished, resume from -1 replays everything', async () => {
    const guestId = randomUUID();
    const s = await connectChat(app.url, { guestId });
    const rec = recordChat(s);
    const ack = ok(await sendChat(s, { message: 'cheap card' }));
    await rec.done(ack.messageId);
    expect(rec.text(ack.messageId)).toBe(FULL);
    const again = recordChat(s);
    ok(await resumeChat(s, ack.messageId, -1));
    await again.done(ack.messageId);
    s.disconnect();
    // `again` was attached after the answer finished: it saw only the replay.
    const replayed = again.forMessage(ack.messageId);
    expect(replayed[0]!.kind).toBe('products');
    expect(replayed.at(-1)!.kind).toBe('done');
    const tokens = again.tokens(ack.messageId);
    expect(tokens.map((t) => t.seq)).toEqual(tokens.map((_, i) => i));
    expect(again.text(ack.messageId)).toBe(FULL);
  });

  it('only the owner may resume or stop a message', async () => {
    const owner = await connectChat(app.url, { guestId: randomUUID() });
    const ack = ok(await sendChat(owner, { message: 'card for streaming' }));
    const intruder = await connectChat(app.url, { guestId: randomUUID() });
    expect(await resumeChat(intruder, ack.messageId, -1)).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(await stopChat(intruder, ack.messageId)).toMatchObject({ ok: false, error: { code: 'not_found' } });
    const rec = recordChat(owner);
    ok(await stopChat(owner, ack.messageId));
    expect((await rec.done(ack.messageId)).finishReason).toBe('cancelled');
    owner.disconnect();
    intruder.disconnect();
  });
});

// Two instances need a shared server database and Redis (the adapter, streams and locks):
// plain Redis, and a three-master Redis Cluster.
const backends = [
  { name: 'Redis', cluster: false, available: hasRedis && Boolean(baseDatabaseUrl) },
  { name: 'Redis Cluster', cluster: true, available: canRunRedisCluster && Boolean(baseDatabaseUrl) },
];
for (const backend of backends) {
  describe.skipIf(!backend.available)(`chat:resume on another instance (${backend.name})`, () => {
    let fake: FakeGroq;
    let a: TestApp;
    let b: TestApp;
    let redisCluster: TestRedisCluster | undefined;
    beforeAll(async () => {
      fake = await startFakeGroq(slow);
      const env = { GROQ_API_KEY: 'test', LLM_BASE_URL: fake.url };
      redisCluster = backend.cluster ? await startTestRedisCluster() : undefined;
      a = await startTestApp({ env, redisCluster });
      b = await startTestApp({
        database: a.database,
        redisCluster,
        env: { ...env, ...(redisCluster ? {} : { REDIS_URL: a.config.REDIS_URL! }), SEED_ON_START: 'false' },
      });
    });
    afterAll(async () => {
      await b?.close();
      await a?.close();
      await fake?.close();
      await redisCluster?.close();
    });

    it('continues on instance B an answer being generated on instance A, with no gap or duplicate', async () => {
      const user = await createUser(a);
      const r = await disconnectAndResume(a.url, b.url, { token: user.token });
      expectSeamless(r.seen, r.resumed);
      expect(r.done.finishReason).toBe('stop');
      const conv = await api(b.url, `/api/conversations/${r.conversationId}`, { token: user.token });
      expect(conv.body.messages.find((m: { id: string }) => m.id === r.messageId).content).toBe(FULL);
    });

    it('chat:stop sent to instance B stops the upstream request on instance A', async () => {
      const guestId = randomUUID();
      const onA = await connectChat(a.url, { guestId });
      const recA = recordChat(onA);
      const ack = ok(await sendChat(onA, { message: 'card for video editing' }));
      await recA.until(() => recA.tokens(ack.messageId).length >= 2);
      const onB = await connectChat(b.url, { guestId });
      ok(await stopChat(onB, ack.messageId));
      expect((await recA.done(ack.messageId)).finishReason).toBe('cancelled');
      expect(await fake.requests.at(-1)!.closedEarly).toBe(true);
      onA.disconnect();
      onB.disconnect();
    });

    it('one generation at a time per shopper holds across instances', async () => {
      const guestId = randomUUID();
      const onA = await connectChat(a.url, { guestId });
      const onB = await connectChat(b.url, { guestId });
      const recA = recordChat(onA);
      const ack = ok(await sendChat(onA, { message: 'best 4k card' }));
      expect(await sendChat(onB, { message: 'and another' })).toMatchObject({
        ok: false,
        error: { code: 'generation_in_progress' },
      });
      ok(await stopChat(onA, ack.messageId));
      await recA.done(ack.messageId);
      onA.disconnect();
      onB.disconnect();
    });
  });
}
