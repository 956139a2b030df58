// Part 4: one offline turn, tools included, through a real server process on the embedded
// defaults (no GROQ_API_KEY): chat:send -> first chat:tool, -> chat:products, -> first token,
// -> chat:done. Shoppers hold five-turn conversations (request, refinement, ranking of the
// cards shown, comparison, a product question), one turn at a time, so the times are the
// server's own. Each guest holds one conversation, so per-shopper limits never bite.
import { randomUUID } from 'node:crypto';
import { connectChat, recordChat, sendChat } from '../../../server/test/assistant/chat-client.js';
import { startServerProcess, type ServerProcess } from '../../../server/test/support/processes.js';
import { fmt, summarize } from './stats.js';

export const CONVERSATION = [
  'GPU para 4K gaming bajo $1000',
  '¿y algo más barato?',
  '¿cuál de esas tiene más VRAM?',
  'compara las dos primeras',
  '¿cuánto consume la primera?',
];

export async function startOfflineServer(env: Record<string, string>): Promise<ServerProcess> {
  return startServerProcess(
    {
      ...env,
      LOG_LEVEL: 'warn',
      CHAT_DAILY_TOKEN_BUDGET: '0',
      JWT_SECRET: 'bench-secret-bench-secret-bench-secret-0123',
    },
    { readyTimeoutMs: 180_000 },
  );
}

export async function benchOfflineTurns(url: string, conversations: number) {
  const tool: number[] = [];
  const products: number[] = [];
  const token: number[] = [];
  const done: number[] = [];
  for (let i = 0; i < conversations; i++) {
    const socket = await connectChat(url, { guestId: randomUUID() });
    const rec = recordChat(socket);
    let conversationId: string | undefined;
    for (const message of CONVERSATION) {
      const t0 = performance.now();
      const ack = await sendChat(socket, { message, ...(conversationId ? { conversationId } : {}) });
      if (!ack.ok) throw new Error(`chat:send refused: ${ack.error.code}`);
      conversationId = ack.conversationId;
      const id = ack.messageId;
      await rec.until(() => rec.kinds(id).includes('tool'));
      tool.push(performance.now() - t0);
      await rec.products(id);
      products.push(performance.now() - t0);
      await rec.until(() => rec.kinds(id).includes('token'));
      token.push(performance.now() - t0);
      await rec.done(id);
      done.push(performance.now() - t0);
    }
    socket.disconnect();
  }
  const row = (step: string, v: number[]) => {
    const s = summarize(v);
    const sorted = [...v].sort((a, b) => a - b);
    const p95 = sorted[Math.min(sorted.length - 1, Math.ceil(0.95 * sorted.length) - 1)] ?? NaN;
    return { step, n: s.n, 'p50 ms': fmt(s.p50), 'p95 ms': fmt(p95), 'p99 ms': fmt(s.p99) };
  };
  return [
    row('chat:send -> first chat:tool', tool),
    row('chat:send -> chat:products', products),
    row('chat:send -> first chat:token', token),
    row('chat:send -> chat:done (full turn)', done),
  ];
}
