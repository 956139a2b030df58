// chat:resume replays every event of an answer in the order it was sent: the steps
// (chat:tool), the products, the comparison, the cart action and the follow-ups, then done.
// From the live stream, and (with Redis) from the database once the stream has expired.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Redis } from 'ioredis';
import { startTestApp, type TestApp } from '../support/app.js';
import { hasRedis } from '../support/services.js';
import { createUser, type TestUser } from '../support/users.js';
import { connectChat, ok, recordChat, resumeChat, sendChat, type ChatSocket } from '../assistant/chat-client.js';
import { streamKey } from '../../src/modules/assistant/streaming/redis-stream-store.js';

let app: TestApp;
let user: TestUser;
const sockets: ChatSocket[] = [];

async function connect() {
  const socket = await connectChat(app.url, { token: user.token });
  sockets.push(socket);
  return { socket, chat: recordChat(socket) };
}

/** Runs a conversation and returns each answer's live event kinds. */
async function conversation(messages: string[]) {
  const c = await connect();
  let conversationId: string | undefined;
  const answers: { messageId: string; kinds: string[] }[] = [];
  for (const message of messages) {
    const ack = ok(await sendChat(c.socket, { message, ...(conversationId ? { conversationId } : {}) }));
    conversationId = ack.conversationId;
    await c.chat.done(ack.messageId);
    answers.push({ messageId: ack.messageId, kinds: c.chat.kinds(ack.messageId) });
  }
  return answers;
}

async function resumedKinds(messageId: string, afterSeq = -1) {
  const c = await connect();
  ok(await resumeChat(c.socket, messageId, afterSeq));
  await c.chat.done(messageId);
  return { kinds: c.chat.kinds(messageId), chat: c.chat };
}

/** Consecutive tokens collapsed: chunk boundaries differ between live and database replays. */
const shape = (kinds: string[]) => kinds.filter((k, i) => k !== 'token' || kinds[i - 1] !== 'token');

beforeAll(async () => {
  app = await startTestApp();
  user = await createUser(app);
});
afterAll(async () => {
  for (const s of sockets) s.disconnect();
  await app?.close();
});

describe('chat:resume replays the conversation events', () => {
  it('replays tool, products, comparison, action and suggestions in the order they were sent', async () => {
    const [, compare, add] = await conversation([
      'GPU para 1440p gaming bajo $800',
      'compara las dos primeras',
      'agrega la primera al carrito',
    ]);
    expect(compare!.kinds).toContain('comparison');
    expect(add!.kinds).toContain('action');
    for (const answer of [compare!, add!]) {
      const { kinds, chat } = await resumedKinds(answer.messageId);
      expect(kinds).toEqual(answer.kinds);
      expect(chat.of(answer.messageId, 'suggestions')[0]!.suggestions.length).toBeGreaterThanOrEqual(2);
    }
    // A client that saw every token gets the rest of the events but no token again.
    const { kinds } = await resumedKinds(compare!.messageId, 10_000);
    expect(kinds).not.toContain('token');
    expect(kinds.at(-1)).toBe('done');
  });

  it.skipIf(!hasRedis)('rebuilds the same sequence from the database once the stream has expired', async () => {
    const [, compare] = await conversation(['best GPU for 4K under $1200', 'compare the first two']);
    const redis = new Redis(app.config.REDIS_URL!);
    await redis.del(streamKey(compare!.messageId));
    await redis.quit();
    const { kinds, chat } = await resumedKinds(compare!.messageId);
    expect(shape(kinds)).toEqual(shape(compare!.kinds));
    expect(chat.of(compare!.messageId, 'comparison')[0]!.rows.length).toBeGreaterThan(3);
  });
});
