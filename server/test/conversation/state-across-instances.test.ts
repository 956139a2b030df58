// A conversation's state lives with the conversation, not in a process: turn 1 on instance A,
// the refinement on instance B keeps turn 1's constraints, and a reference on A again ("de
// esas") resolves against what B showed. Two server processes sharing PostgreSQL and Redis.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Gpu } from '@gpu/shared';
import { connectChat, ok, recordChat, sendChat, type ChatSocket } from '../assistant/chat-client.js';
import { canRunCluster, startCluster, type Cluster } from '../realtime/helpers/cluster.js';

let cluster: Cluster;
const sockets: ChatSocket[] = [];

async function turn(url: string, guestId: string, message: string, conversationId?: string) {
  const socket = await connectChat(url, { guestId });
  sockets.push(socket);
  const chat = recordChat(socket);
  const ack = ok(await sendChat(socket, { message, ...(conversationId ? { conversationId } : {}) }));
  const done = await chat.done(ack.messageId);
  socket.disconnect();
  return {
    ack,
    done,
    products: (await chat.products(ack.messageId)).products as Gpu[],
    text: chat.text(ack.messageId),
  };
}

describe.skipIf(!canRunCluster)('conversation state across instances', () => {
  beforeAll(async () => {
    cluster = await startCluster({ size: 2, env: { SEED_ON_START: 'true' } });
  });
  afterAll(async () => {
    for (const s of sockets) s.disconnect();
    await cluster?.close();
  });

  it('a refinement answered by another instance keeps the constraints of the first turn', async () => {
    const [a, b] = cluster.instances.map((i) => i.url) as [string, string];
    const guest = randomUUID();
    const first = await turn(a, guest, 'GPU para 4K gaming bajo $1000');
    expect(first.products.length).toBeGreaterThan(1);
    for (const p of first.products) expect(p.price).toBeLessThanOrEqual(1000);
    const anchor = first.products[0]!;

    // Instance B has never seen this conversation: it reads the state from the database.
    const second = await turn(b, guest, '¿y algo más barato?', first.ack.conversationId);
    expect(second.done.finishReason).toBe('stop');
    expect(second.products.length).toBeGreaterThan(0);
    for (const p of second.products) expect(p.price).toBeLessThan(anchor.price);
    // 4K still in force: the answer is for 4K gaming, and every card has 12 GB or more.
    expect(second.text).toContain(anchor.name);
    expect(second.products.every((p) => p.vramGb >= 12)).toBe(true);

    // Back on A: "de esas" means the cards B showed.
    const third = await turn(a, guest, '¿cuál de esas tiene más VRAM?', first.ack.conversationId);
    const maxVram = Math.max(...second.products.map((p) => p.vramGb));
    expect(third.products[0]!.vramGb).toBe(maxVram);
    expect(new Set(third.products.map((p) => p.id))).toEqual(new Set(second.products.map((p) => p.id)));
  });

  it('another guest cannot continue someone else’s conversation', async () => {
    const [a, b] = cluster.instances.map((i) => i.url) as [string, string];
    const first = await turn(a, randomUUID(), 'GPU para 1440p');
    const socket = await connectChat(b, { guestId: randomUUID() });
    sockets.push(socket);
    const ack = await sendChat(socket, { message: '¿y más barato?', conversationId: first.ack.conversationId });
    expect(ack).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });
});
