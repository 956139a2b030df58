// The assistant's chat service: checks a shopper's limits, records the question, runs the
// answer in the background (generation.ts), and lets its owner stop it or resume it from
// any instance. Plain TypeScript: sockets and HTTP routes pass a ChatSink and an actor.
import { randomUUID } from 'node:crypto';
import { maxChatMessageChars, type ChatDoneEvent, type ChatResumeInput, type ChatSendInput } from '@gpu/shared';
import { actorKey, type Actor } from '../auth/actor.js';
import type { EventBus } from '../../platform/bus.js';
import { notFound, rateLimited } from '../../platform/errors.js';
import type { Logger } from '../../platform/logger.js';
import { activeGenerations } from '../../platform/metrics.js';
import { consume, type LimiterFactory } from '../../platform/rate-limit.js';
import { generationInProgress, messageTooLong, tokenBudgetExceeded } from './chat-errors.js';
import type { Exchange } from './chat-repository.js';
import type { ChatSink } from './chat-sink.js';
import { GenerationAborted, runTurn, type AbortCause, type TurnDeps } from './turn/run-turn.js';
import { StartGate } from './turn/start-gate.js';
import { replayFromDatabase, resumeEntries } from './resume.js';
import type { AnswerLeases } from './streaming/answer-leases.js';
import type { GenerationLocks } from './streaming/generation-locks.js';
import type { StreamEntry } from './streaming/stream-store.js';

export interface ChatServiceDeps extends TurnDeps {
  locks: GenerationLocks;
  limiter: LimiterFactory;
  bus: EventBus;
  logger: Logger;
  /** Tokens per actor per UTC day; 0 disables the check. */
  dailyTokenBudget: number;
  messagesPerMinute?: number;
  /** An abandoned or runaway generation is cut off after this long. */
  maxGenerationMs?: number;
  /** Limits shared by several actors (guests of one IP): checked before, charged after each answer. */
  quota?: ChatQuota;
  /** Leases on running answers (Redis), so a dead instance's answers get finished elsewhere. */
  leases?: AnswerLeases;
}

export interface ChatQuota {
  admit(actor: Actor): Promise<void>;
  charge(actor: Actor, usedTokens: number): Promise<void>;
}

export interface StartedChat {
  conversationId: string;
  messageId: string;
  /** Resolves with the final event; never rejects. */
  done: Promise<ChatDoneEvent>;
}

interface Running {
  controller: AbortController;
  actorKey: string;
}

export const DEFAULT_MAX_GENERATION_MS = 120_000;

export class ChatService {
  private readonly running = new Map<string, Running>();
  private readonly starts = new StartGate();
  private readonly rate;
  private readonly maxGenerationMs: number;
  private readonly unsubscribe: () => void;

  constructor(private readonly deps: ChatServiceDeps) {
    this.rate = deps.limiter({ keyPrefix: 'chat-msg', points: deps.messagesPerMinute ?? 20, duration: 60 });
    this.maxGenerationMs = deps.maxGenerationMs ?? DEFAULT_MAX_GENERATION_MS;
    this.unsubscribe = deps.bus.subscribe('chat.stop-requested', (e) => this.abortLocal(e.messageId, 'stopped'));
  }

  /** What /health reports: the configured provider (answers may still fall back to offline). */
  get llm(): { provider: string; model: string } {
    const planner = this.deps.llm ?? this.deps.offline;
    return { provider: planner.name, model: planner.model };
  }

  /** Answers being generated on this instance. */
  get activeCount(): number {
    return this.running.size;
  }

  async start(
    actor: Actor,
    input: ChatSendInput,
    opts: { sink?: ChatSink; signal?: AbortSignal } = {},
  ): Promise<StartedChat> {
    const receivedAt = performance.now();
    const message = input.message.trim();
    if (message.length > maxChatMessageChars) throw messageTooLong(message.length);
    const key = actorKey(actor);
    const wait = await consume(this.rate, key);
    if (wait !== null) throw rateLimited(wait, 'Too many messages; wait a moment');
    const budget = this.deps.dailyTokenBudget;
    if (budget > 0 && (await this.deps.repo.tokensToday(actor)) >= budget) throw tokenBudgetExceeded(budget);

    const lockToken = randomUUID();
    if (!(await this.deps.locks.acquire(key, lockToken, this.maxGenerationMs + 30_000))) throw generationInProgress();
    let ids: Exchange;
    try {
      // Counted only for messages that would start an answer (after the lock).
      await this.deps.quota?.admit(actor);
      const target = input.conversationId ? { conversationId: input.conversationId } : { title: message.slice(0, 80) };
      ids = (await this.deps.repo.openExchange(actor, message, target)) ?? throwNotFound();
    } catch (err) {
      await this.deps.locks.release(key, lockToken).catch(() => undefined);
      throw err;
    }
    const { conversationId, answerId: messageId } = ids;

    const controller = new AbortController();
    const cap = setTimeout(() => controller.abort(new GenerationAborted('timeout')), this.maxGenerationMs);
    const onClientGone = () => controller.abort(new GenerationAborted('client-gone'));
    opts.signal?.addEventListener('abort', onClientGone, { once: true });
    this.running.set(messageId, { controller, actorKey: key });
    activeGenerations.inc();
    await this.deps.leases?.hold({ messageId, actorKey: key, lockToken }).catch(() => undefined);

    // Starts after the caller has acknowledged (a macrotask later), so the ack comes first,
    // and a few per loop turn (start-gate.ts), so a burst of questions does not stall the loop.
    const done = this.starts
      .pass()
      .then(() =>
        runTurn(this.deps, {
          actor,
          conversationId,
          questionId: ids.questionId,
          messageId,
          message,
          newConversation: !input.conversationId,
          receivedAt,
          signal: controller.signal,
          sink: opts.sink,
          beforeDone: () => this.deps.locks.release(key, lockToken),
        }),
      )
      .catch((err: unknown): ChatDoneEvent => {
        this.deps.logger.error({ err, messageId }, 'generation crashed');
        const fallback: ChatDoneEvent = {
          messageId,
          finishReason: 'error',
          provider: this.llm.provider,
          model: this.llm.model,
          usage: { promptTokens: 0, completionTokens: 0 },
        };
        opts.sink?.emit({ type: 'done', event: fallback });
        void this.deps.store.append(messageId, { type: 'done', event: fallback }).catch(() => undefined);
        return fallback;
      })
      .then(async (d) => {
        await this.deps.quota?.charge(actor, d.usage.promptTokens + d.usage.completionTokens).catch(() => undefined);
        return d;
      })
      .finally(() => {
        clearTimeout(cap);
        opts.signal?.removeEventListener('abort', onClientGone);
        this.running.delete(messageId);
        activeGenerations.dec();
        void this.deps.leases?.release(messageId).catch(() => undefined);
        void this.deps.locks.release(key, lockToken).catch(() => undefined);
      });
    return { conversationId, messageId, done };
  }

  /** Stops the owner's answer wherever it is being generated. */
  async stop(actor: Actor, messageId: string): Promise<void> {
    const msg = await this.deps.repo.ownedMessage(actor, messageId);
    if (!msg) throw notFound('Message');
    if (msg.finishReason !== null) return;
    if (!this.abortLocal(messageId, 'stopped')) await this.deps.bus.publish('chat.stop-requested', { messageId });
  }

  /**
   * The events a resuming client missed (tokens with seq > afterSeq), then the live rest,
   * then `done`. Throws not_found unless the actor owns the message.
   */
  async resume(actor: Actor, input: ChatResumeInput, signal: AbortSignal): Promise<AsyncIterable<StreamEntry>> {
    const msg = await this.deps.repo.ownedMessage(actor, input.messageId);
    if (!msg) throw notFound('Message');
    if (msg.finishReason !== null && !(await this.deps.store.exists(msg.id))) {
      return replayFromDatabase({ products: this.deps.products }, msg, input.afterSeq);
    }
    const deadline = msg.createdAt.getTime() + this.maxGenerationMs + 15_000;
    return resumeEntries(this.deps.store.follow(msg.id, { signal, deadline }), input.afterSeq, msg.id, signal);
  }

  /** Aborts every local generation (shutdown); they finish with "error". */
  async close(): Promise<void> {
    this.unsubscribe();
    for (const id of [...this.running.keys()]) this.abortLocal(id, 'shutdown');
  }

  private abortLocal(messageId: string, cause: AbortCause): boolean {
    const r = this.running.get(messageId);
    if (!r) return false;
    r.controller.abort(new GenerationAborted(cause));
    return true;
  }
}

function throwNotFound(): never {
  throw notFound('Conversation');
}
