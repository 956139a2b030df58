import { it } from 'vitest';
import { startTestApp } from '../support/app.js';
import { createUser } from '../support/users.js';
import { connectChat, ok, recordChat, sendChat } from '../assistant/chat-client.js';

it('smoke', async () => {
  const app = await startTestApp({ redis: false });
  const user = await createUser(app);
  const s = await connectChat(app.url, { token: user.token });
  const all: string[] = [];
  s.onAny((ev, e) => { if (ev !== 'chat:token') all.push(`${ev} ${JSON.stringify(e).slice(0, 160)}`); });
  const chat = recordChat(s);
  let conversationId: string | undefined;
  const msgs = (process.env.MSGS ?? 'GPU para 4K gaming bajo $1000|¿y algo más barato?|¿cuál de esas tiene más VRAM?|compara las dos primeras|agrega la primera al carrito|cheapest NVIDIA card you have in stock|¿cuál es la tarjeta con más VRAM que tienen?|quiero una tarjeta de video|What would you recommend on a small budget, like 200?').split('|');
  for (const m of msgs) {
    const t0 = performance.now();
    const ack = ok(await sendChat(s, { message: m, ...(conversationId ? { conversationId } : {}) }));
    conversationId = ack.conversationId;
    const done = await chat.done(ack.messageId);
    console.log(`\n>>> ${m}  (${Math.round(performance.now() - t0)} ms, ${done.finishReason}, grounding ${done.grounding?.ok})`);
    console.log(chat.text(ack.messageId));
    const p = await chat.products(ack.messageId);
    console.log('cards:', p.products.map((g) => `${g.name} $${g.price} ${g.vramGb}GB st${g.stock}`).join(' | '));
  }
  console.log(all.filter((l) => /tool|action|suggest|compar/.test(l)).slice(-12).join('\n'));
  s.disconnect();
  await app.close();
}, 120_000);
