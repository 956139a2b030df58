// The evaluation's world: the whole product in-process on its embedded defaults (PGlite,
// in-memory Redis replacements, the offline planner, the hashing embedder unless
// EMBEDDINGS/MODEL_DIR say otherwise), the live catalog as the REST API shows it, and real
// Socket.IO shoppers (signed-in or guests) who hold conversations over the contract.
import { randomUUID } from 'node:crypto';
import type {
  Cart,
  ChatActionEvent,
  ChatComparisonEvent,
  ChatDoneEvent,
  ChatToolEvent,
  Gpu,
  GpuList,
} from '@gpu/shared';
import { connectChat, recordChat, sendChat, type ChatSocket } from '../../server/test/assistant/chat-client.js';
import { startTestApp, type TestApp } from '../../server/test/support/app.js';
import { createUser } from '../../server/test/support/users.js';

export interface TurnResult {
  say: string;
  text: string;
  products: Gpu[];
  comparison: ChatComparisonEvent | null;
  actions: ChatActionEvent[];
  suggestions: string[];
  tools: ChatToolEvent[];
  done: ChatDoneEvent;
  ms: number;
}

export interface Shopper {
  kind: 'user' | 'guest';
  say(message: string): Promise<TurnResult>;
  cart(): Promise<Cart | null>;
  close(): void;
}

export interface World {
  app: TestApp;
  catalog: Gpu[];
  shopper(kind: 'user' | 'guest'): Promise<Shopper>;
  close(): Promise<void>;
}

async function loadCatalog(url: string): Promise<Gpu[]> {
  const all: Gpu[] = [];
  for (let page = 1; ; page++) {
    const res = await fetch(`${url}/api/gpus?pageSize=100&page=${page}`);
    const body = (await res.json()) as GpuList;
    all.push(...body.items);
    if (all.length >= body.total || body.items.length === 0) return all;
  }
}

export async function startWorld(): Promise<World> {
  const app = await startTestApp({
    redis: false,
    // Evaluation traffic is not abuse: lift the per-shopper limits for this process.
    env: { CHAT_DAILY_TOKEN_BUDGET: '0', RATE_LIMIT_ALLOWLIST: '127.0.0.1,::1,::ffff:127.0.0.1' },
  });
  const catalog = await loadCatalog(app.url);
  const sockets: ChatSocket[] = [];
  return {
    app,
    catalog,
    async shopper(kind) {
      const user = kind === 'user' ? await createUser(app) : null;
      const socket = await connectChat(app.url, user ? { token: user.token } : { guestId: randomUUID() });
      sockets.push(socket);
      const rec = recordChat(socket);
      let conversationId: string | undefined;
      return {
        kind,
        async say(message) {
          const t0 = performance.now();
          const ack = await sendChat(socket, { message, ...(conversationId ? { conversationId } : {}) });
          if (!ack.ok) throw new Error(`chat:send refused: ${ack.error.code} ${ack.error.message}`);
          conversationId = ack.conversationId;
          const done = await rec.done(ack.messageId, 60_000);
          const id = ack.messageId;
          return {
            say: message,
            text: rec.text(id),
            products: rec.of(id, 'products')[0]?.products ?? [],
            comparison: rec.of(id, 'comparison')[0] ?? null,
            actions: rec.of(id, 'action'),
            suggestions: rec.of(id, 'suggestions')[0]?.suggestions ?? [],
            tools: rec.of(id, 'tool'),
            done,
            ms: performance.now() - t0,
          };
        },
        async cart() {
          if (!user) return null;
          const res = await fetch(`${app.url}/api/cart`, { headers: { authorization: `Bearer ${user.token}` } });
          return (await res.json()) as Cart;
        },
        close: () => socket.disconnect(),
      };
    },
    async close() {
      for (const s of sockets) s.disconnect();
      await app.close();
    },
  };
}
