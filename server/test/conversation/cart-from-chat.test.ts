// Cart actions from the chat go through the cart service like any cart change: a signed-in
// shopper's "agrega la primera al carrito" adds the first card shown and pushes cart:update to
// their other tab; "quítala" removes it; a guest gets sign_in_required and nothing changes; an
// out-of-stock card gets a clear refusal and the cart stays as it was.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Cart, Gpu } from '@gpu/shared';
import { startTestApp, type TestApp } from '../support/app.js';
import { api } from '../support/http.js';
import { createUser } from '../support/users.js';
import { connectChat, ok, recordChat, sendChat, type ChatSocket } from '../assistant/chat-client.js';

let app: TestApp;
const sockets: ChatSocket[] = [];

async function connect(auth: { token: string } | { guestId: string }) {
  const socket = await connectChat(app.url, auth);
  sockets.push(socket);
  return { socket, chat: recordChat(socket) };
}

async function say(c: Awaited<ReturnType<typeof connect>>, message: string, conversationId?: string) {
  const ack = ok(await sendChat(c.socket, { message, ...(conversationId ? { conversationId } : {}) }));
  const done = await c.chat.done(ack.messageId);
  return {
    ack,
    done,
    products: (await c.chat.products(ack.messageId)).products as Gpu[],
    actions: c.chat.of(ack.messageId, 'action'),
    text: c.chat.text(ack.messageId),
  };
}

beforeAll(async () => {
  app = await startTestApp();
});
afterAll(async () => {
  for (const s of sockets) s.disconnect();
  await app?.close();
});

describe('cart from chat', () => {
  it('adds and removes for a signed-in shopper, and every tab follows', async () => {
    const user = await createUser(app);
    const tab1 = await connect({ token: user.token });
    const tab2 = await connect({ token: user.token });
    const carts: Cart[] = [];
    tab2.socket.on('cart:update', (c) => carts.push(c));

    const list = await say(tab1, 'GPU para 1440p gaming bajo $700');
    const first = list.products[0]!;
    const added = await say(tab1, 'agrega la primera al carrito', list.ack.conversationId);
    expect(added.actions).toEqual([
      expect.objectContaining({ type: 'cart.add', gpuId: first.id, quantity: 1, ok: true, previousQuantity: 0 }),
    ]);
    expect(added.actions[0]!.cart!.items.map((i) => i.gpuId)).toEqual([first.id]);
    expect(added.text).toContain(first.name);
    expect(added.text).toContain('](/checkout)');
    const rest = await api(app.url, '/api/cart', { token: user.token });
    expect((rest.body as Cart).items).toEqual([expect.objectContaining({ gpuId: first.id, quantity: 1 })]);
    await expect.poll(() => carts.at(-1)?.items.map((i) => i.gpuId)).toEqual([first.id]);

    const removed = await say(tab1, 'quítala del carrito', list.ack.conversationId);
    expect(removed.actions).toEqual([expect.objectContaining({ type: 'cart.remove', gpuId: first.id, ok: true })]);
    expect(((await api(app.url, '/api/cart', { token: user.token })).body as Cart).items).toEqual([]);
    await expect.poll(() => carts.at(-1)?.items.length).toBe(0);
  });

  it('tells a guest to sign in and changes nothing', async () => {
    const guest = await connect({ guestId: randomUUID() });
    const carts: Cart[] = [];
    guest.socket.on('cart:update', (c) => carts.push(c));
    const before = await app.platform.db.orm.em
      .fork()
      .execute<{ n: string }[]>(`select count(*)::text as n from cart_items`);
    const list = await say(guest, 'best card for 1080p gaming under $300');
    const added = await say(guest, 'add the first one to my cart', list.ack.conversationId);
    expect(added.actions).toEqual([
      expect.objectContaining({ type: 'cart.add', gpuId: list.products[0]!.id, ok: false, code: 'sign_in_required' }),
    ]);
    expect(added.text).toContain('](/login)');
    const after = await app.platform.db.orm.em
      .fork()
      .execute<{ n: string }[]>(`select count(*)::text as n from cart_items`);
    expect(after[0]!.n).toBe(before[0]!.n);
    expect(carts).toEqual([]);
  });

  it('refuses an out-of-stock card clearly and leaves the cart as it was', async () => {
    const user = await createUser(app);
    const tab = await connect({ token: user.token });
    const list = await say(tab, 'una tarjeta para streaming bajo $600');
    const first = list.products[0]!;
    await app.platform.db.orm.em.fork().execute(`update gpus set stock = 0 where id = ?`, [first.id]);
    const refused = await say(tab, 'agrega la primera al carrito', list.ack.conversationId);
    expect(refused.actions).toEqual([
      expect.objectContaining({ type: 'cart.add', gpuId: first.id, ok: false, code: 'out_of_stock' }),
    ]);
    expect(refused.text).toMatch(/sin stock/);
    expect(((await api(app.url, '/api/cart', { token: user.token })).body as Cart).items).toEqual([]);
  });
});
