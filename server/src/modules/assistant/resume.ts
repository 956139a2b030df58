// Resuming an answer: filter a message's stream to what the client has not seen (tokens
// with seq > afterSeq; steps, products, comparison, actions and suggestions are replayed in
// order), and end it cleanly even when the generating instance died (no `done` before the
// deadline); or, once the stream has expired, rebuild the finished answer from the database.
import type { ChatDoneEvent } from '@gpu/shared';
import type { OwnedMessage } from './chat-repository.js';
import { streamExpired } from './chat-errors.js';
import type { StreamEntry } from './streaming/stream-store.js';
import type { ProductReader } from './tools/tool.js';

export async function* resumeEntries(
  source: AsyncIterable<StreamEntry>,
  afterSeq: number,
  messageId: string,
  signal: AbortSignal,
): AsyncIterable<StreamEntry> {
  let lastSeq = afterSeq;
  for await (const entry of source) {
    if (entry.type === 'token') {
      if (entry.event.seq <= lastSeq) continue;
      lastSeq = entry.event.seq;
    }
    yield entry;
    if (entry.type === 'done') return;
  }
  if (signal.aborted) return;
  // The stream ended without `done`: its generator is gone.
  yield {
    type: 'done',
    event: {
      messageId,
      finishReason: 'error',
      provider: 'unknown',
      model: 'unknown',
      usage: { promptTokens: 0, completionTokens: 0 },
    },
  };
}

export async function replayFromDatabase(
  deps: { products: ProductReader },
  msg: OwnedMessage,
  afterSeq: number,
): Promise<AsyncIterable<StreamEntry>> {
  const meta = msg.meta as {
    provider?: string;
    model?: string;
    usage?: ChatDoneEvent['usage'];
    grounding?: ChatDoneEvent['grounding'] | null;
    chunks?: number;
    language?: string;
    overBudget?: boolean;
    budget?: number | null;
  };
  const chunks = meta.chunks ?? 0;
  // Without the stream, chunk boundaries are lost: only "nothing seen" or "everything seen" can be served.
  if (afterSeq >= 0 && afterSeq < chunks - 1) throw streamExpired();
  const products = await deps.products(msg.productIds, meta.language === 'en' ? 'en' : 'es');
  const done: ChatDoneEvent = {
    messageId: msg.id,
    finishReason: msg.finishReason ?? 'error',
    provider: meta.provider ?? 'unknown',
    model: meta.model ?? 'unknown',
    usage: meta.usage ?? { promptTokens: 0, completionTokens: 0 },
    ...(meta.grounding ? { grounding: meta.grounding } : {}),
  };
  const messageId = msg.id;
  const entries: StreamEntry[] = [
    ...msg.tools.map((e): StreamEntry => ({ type: 'tool', event: { messageId, ...e } })),
    ...msg.actions.map((e): StreamEntry => ({ type: 'action', event: { messageId, ...e } })),
    {
      type: 'products',
      event: { messageId, products, notes: { overBudget: meta.overBudget ?? false, budget: meta.budget ?? null } },
    },
  ];
  if (msg.comparison) entries.push({ type: 'comparison', event: { messageId, ...msg.comparison } });
  if (afterSeq < 0 && msg.content) entries.push({ type: 'token', event: { messageId, seq: 0, text: msg.content } });
  if (msg.suggestions.length) entries.push({ type: 'suggestions', event: { messageId, suggestions: msg.suggestions } });
  entries.push({ type: 'done', event: done });
  return (async function* () {
    yield* entries;
  })();
}
