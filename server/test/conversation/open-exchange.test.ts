// The exchange a chat message opens, in one statement (chat-repository.ts): a new
// conversation with its question and empty answer, or the next exchange of a conversation
// the actor owns; for anyone else's conversation nothing at all is written.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ChatRepository } from '../../src/modules/assistant/chat-repository.js';
import { startTestApp, type TestApp } from '../support/app.js';

let app: TestApp;
let repo: ChatRepository;
const em = () => app.platform.db.orm.em.fork();

async function rows(conversationId: string) {
  return em().execute<{ role: string; content: string; finish_reason: string | null }[]>(
    `select role, content, finish_reason from messages where conversation_id = ? order by created_at`,
    [conversationId],
  );
}

beforeAll(async () => {
  app = await startTestApp({ redis: false });
  repo = new ChatRepository(em);
});
afterAll(async () => app?.close());

describe('ChatRepository.openExchange', () => {
  it('creates the conversation with its title, the question and an empty answer after it', async () => {
    const guest = { kind: 'guest' as const, guestId: randomUUID() };
    const opened = await repo.openExchange(guest, 'GPU para 4K bajo $1000', { title: 'GPU para 4K' });
    expect(opened).not.toBeNull();
    const [conversation] = await em().execute<{ guest_id: string; title: string }[]>(
      `select guest_id, title from conversations where id = ?`,
      [opened!.conversationId],
    );
    expect(conversation).toEqual({ guest_id: guest.guestId, title: 'GPU para 4K' });
    expect(await rows(opened!.conversationId)).toEqual([
      { role: 'user', content: 'GPU para 4K bajo $1000', finish_reason: null },
      { role: 'assistant', content: '', finish_reason: null },
    ]);
    expect(await repo.ownedConversation(guest, opened!.conversationId)).toBe(opened!.conversationId);
  });

  it('adds to a conversation its owner continues, and writes nothing into anyone else’s', async () => {
    const owner = { kind: 'guest' as const, guestId: randomUUID() };
    const first = (await repo.openExchange(owner, 'hola', { title: 'hola' }))!;
    const other = { kind: 'guest' as const, guestId: randomUUID() };
    expect(await repo.openExchange(other, 'me cuelo', { conversationId: first.conversationId })).toBeNull();
    expect(await repo.openExchange(owner, 'no existe', { conversationId: randomUUID() })).toBeNull();
    const second = await repo.openExchange(owner, '¿y más barata?', { conversationId: first.conversationId });
    expect(second?.conversationId).toBe(first.conversationId);
    expect((await rows(first.conversationId)).map((r) => r.content)).toEqual(['hola', '', '¿y más barata?', '']);
  });
});
