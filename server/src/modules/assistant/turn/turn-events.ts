// The events of one answer, in the order the contract fixes: `chat:tool` as steps run,
// `chat:action` as cart tools finish, then `chat:products` (the products the tools returned)
// and `chat:comparison` right before the first `chat:token`, tokens coalesced with contiguous
// seq, `chat:suggestions` after the last token, `chat:done` last. Each event goes to the live
// sink and is appended, in order, to the message's stream (for resumes); the record is what
// the history keeps. One write to the stream is in flight at a time: what is published
// meanwhile waits and goes as one batch (under load, a write per event would be a Redis
// round trip per event, each queued behind the others).
import type { ChatActionEvent, ChatComparisonEvent, ChatDoneEvent, ChatToolEvent, Gpu } from '@gpu/shared';
import type { Logger } from '../../../platform/logger.js';
import type { ChatSink } from '../chat-sink.js';
import type { MessageStreamStore, StreamEntry } from '../streaming/stream-store.js';
import { TokenCoalescer } from '../streaming/token-coalescer.js';

export interface TurnRecord {
  text: string;
  products: Gpu[];
  comparison: Omit<ChatComparisonEvent, 'messageId'> | null;
  actions: Omit<ChatActionEvent, 'messageId'>[];
  suggestions: string[];
  tools: Omit<ChatToolEvent, 'messageId'>[];
  chunks: number;
  notes: { overBudget: boolean; budget: number | null };
}

export class TurnEvents {
  /** Published, not yet handed to the store. */
  private queue: StreamEntry[] = [];
  /** The write loop, while one runs. */
  private appending: Promise<void> | null = null;
  private readonly coalescer: TokenCoalescer;
  private flushed = false;
  private firstTextAt: number | null = null;
  readonly record: TurnRecord = {
    text: '',
    products: [],
    comparison: null,
    actions: [],
    suggestions: [],
    tools: [],
    chunks: 0,
    notes: { overBudget: false, budget: null },
  };

  constructor(
    private readonly deps: {
      messageId: string;
      store: MessageStreamStore;
      sink?: ChatSink;
      logger: Logger;
      coalesceMs?: number;
    },
  ) {
    this.coalescer = new TokenCoalescer(
      (seq, text) => this.publish({ type: 'token', event: { messageId: deps.messageId, seq, text } }),
      deps.coalesceMs,
    );
  }

  private publish(entry: StreamEntry): void {
    try {
      this.deps.sink?.emit(entry);
    } catch (err) {
      this.deps.logger.warn({ err, messageId: this.deps.messageId }, 'live delivery failed');
    }
    this.queue.push(entry);
    this.appending ??= this.drain();
  }

  /** Writes the queue in order, a batch per write, until it is empty. Never rejects. */
  private async drain(): Promise<void> {
    while (this.queue.length) {
      const batch = this.queue;
      this.queue = [];
      try {
        await this.deps.store.appendMany(this.deps.messageId, batch);
      } catch (err) {
        this.deps.logger.warn({ err: (err as Error).message }, 'stream append failed');
      }
    }
    this.appending = null;
  }

  tool(e: Omit<ChatToolEvent, 'messageId'>): void {
    this.record.tools.push(e);
    this.publish({ type: 'tool', event: { messageId: this.deps.messageId, ...e } });
  }

  action(e: Omit<ChatActionEvent, 'messageId'>): void {
    this.record.actions.push(e);
    this.publish({ type: 'action', event: { messageId: this.deps.messageId, ...e } });
  }

  /** Products the answer shows, in order; added until the first token (later ones are ignored). */
  addProducts(list: Gpu[]): void {
    if (this.flushed) return;
    for (const p of list) if (!this.record.products.some((q) => q.id === p.id)) this.record.products.push(p);
  }

  /** Replaces the products to show (a ranking of the cards shown puts the winner first). */
  setProducts(list: Gpu[]): void {
    if (!this.flushed) this.record.products = [...list];
  }

  comparison(c: Omit<ChatComparisonEvent, 'messageId'>): void {
    if (!this.flushed) this.record.comparison = c;
  }

  notes(n: { overBudget: boolean; budget: number | null }): void {
    this.record.notes = n;
  }

  /** Sends what must precede the answer's text: products, then the comparison. */
  flush(): void {
    if (this.flushed) return;
    this.flushed = true;
    const messageId = this.deps.messageId;
    this.publish({ type: 'products', event: { messageId, products: this.record.products, notes: this.record.notes } });
    if (this.record.comparison) this.publish({ type: 'comparison', event: { messageId, ...this.record.comparison } });
  }

  get started(): boolean {
    return this.flushed;
  }

  /** performance.now() of the first text, or null. */
  get firstTokenAt(): number | null {
    return this.firstTextAt;
  }

  text(chunk: string): void {
    if (!chunk) return;
    this.flush();
    this.firstTextAt ??= performance.now();
    this.record.text += chunk;
    this.coalescer.push(chunk);
  }

  /** After the last token: the follow-ups (the answer is complete; `done` comes once it is stored). */
  end(suggestions: string[]): void {
    this.flush();
    this.coalescer.flush();
    this.record.chunks = this.coalescer.count;
    if (suggestions.length) {
      this.record.suggestions = suggestions;
      this.publish({ type: 'suggestions', event: { messageId: this.deps.messageId, suggestions } });
    }
  }

  done(event: ChatDoneEvent): void {
    this.publish({ type: 'done', event });
  }

  /** Resolves when every event is in the stream. */
  settled(): Promise<void> {
    return this.appending ?? Promise.resolve();
  }
}
