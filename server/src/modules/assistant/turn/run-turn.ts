// One answer, start to finish: read the conversation's state and the cards it shows,
// understand the message, let a planner (Groq with tool calling, or the offline rules) run
// tools and write the answer, send follow-ups, check grounding, store the answer with the new
// state and its usage, then `done`. Every event goes to the live sink and to the message's
// stream. Never throws: failures end in a `done` with "error".
import type { ChatDoneEvent, FinishReason, Gpu, Grounding } from '@gpu/shared';
import type { Logger } from '../../../platform/logger.js';
import { assistantTurns, llmRequests } from '../../../platform/metrics.js';
import type { Actor } from '../../auth/actor.js';
import { composeAnswer } from '../answer/compose-answer.js';
import { suggestFollowUps } from '../answer/suggestions.js';
import type { ChatRepository } from '../chat-repository.js';
import type { ChatSink } from '../chat-sink.js';
import { nextState } from '../conversation/next-state.js';
import { readState, type TurnKind } from '../conversation/state.js';
import { understandTurn, type Understood } from '../conversation/understand-turn.js';
import { checkGrounding } from '../grounding.js';
import { LlmUnavailableError, type LlmUsage } from '../llm/provider.js';
import type { OfflinePlanner } from '../planner/offline-planner.js';
import type { Planner, PlanOutcome, PlannerContext } from '../planner/planner.js';
import { HISTORY_MESSAGES } from '../prompt/build-prompt.js';
import type { MessageStreamStore } from '../streaming/stream-store.js';
import { ToolRunner, type ExecutedCall } from '../tools/registry.js';
import type { ProductReader, Tool } from '../tools/tool.js';
import { recordGenerationMetrics } from '../usage-metrics.js';
import { TurnEvents } from './turn-events.js';
import { turnAnalytics } from './turn-analytics.js';

export type AbortCause = 'stopped' | 'client-gone' | 'timeout' | 'shutdown';

/** The reason given to AbortController.abort(): why a generation ended early. */
export class GenerationAborted extends Error {
  override name = 'AbortError';
  constructor(readonly why: AbortCause) {
    super(`generation aborted: ${why}`);
  }
}

export interface TurnDeps {
  /** Groq when configured; the offline planner answers otherwise and when it is down. */
  llm: Planner | null;
  offline: OfflinePlanner;
  tools: Tool[];
  products: ProductReader;
  store: MessageStreamStore;
  repo: ChatRepository;
  logger: Logger;
  coalesceMs?: number;
}

export interface TurnJob {
  actor: Actor;
  conversationId: string;
  questionId: string;
  messageId: string;
  message: string;
  /** The conversation was created for this message (its state is the default, `{}`, and it has
   * no turns before this one), so neither is read back. */
  newConversation?: boolean;
  /** performance.now() when the question arrived: time to first token counts from here. */
  receivedAt: number;
  signal: AbortSignal;
  sink?: ChatSink;
  /** Runs right before `done` goes out (the shopper's lock is released, so a client that
   * asks again the moment it sees `done` is not refused). */
  beforeDone?: () => Promise<void>;
}

function finishReasonFor(signal: AbortSignal): FinishReason {
  const reason: unknown = signal.reason;
  const cause = reason instanceof GenerationAborted ? reason.why : null;
  return cause === 'stopped' || cause === 'client-gone' ? 'cancelled' : 'error';
}

const SIDE_EFFECTS = new Set(['add_to_cart', 'set_cart_quantity', 'remove_from_cart']);

export async function runTurn(deps: TurnDeps, job: TurnJob): Promise<ChatDoneEvent> {
  const { messageId } = job;
  const log = deps.logger.child({ messageId });
  const events = new TurnEvents({
    messageId,
    store: deps.store,
    sink: job.sink,
    logger: log,
    coalesceMs: deps.coalesceMs,
  });

  // The conversation so far: its state, the cards it shows, recent turns (for the LLM). A
  // conversation created for this message has the default state and no earlier turns: two
  // reads fewer for every first message.
  const [rawState, history] = job.newConversation
    ? [null, []]
    : await Promise.all([
        deps.repo.state(job.conversationId).catch(() => null),
        deps.llm
          ? deps.repo.history(job.conversationId, [job.questionId, messageId], HISTORY_MESSAGES).catch(() => [])
          : Promise.resolve([]),
      ]);
  const state = readState(rawState);
  const shown = state.shown.length ? await deps.products(state.shown, state.language).catch(() => [] as Gpu[]) : [];
  const understanding = understandTurn({ message: job.message, state, shown: shown.filter((p) => p.isActive) });
  const language = understanding.language;

  const calls: ExecutedCall[] = [];
  let plannerName: 'llm' | 'offline' = deps.llm ? 'llm' : 'offline';
  const runners = new Map<string, ToolRunner>();
  const runner = () => {
    let r = runners.get(plannerName);
    if (!r)
      runners.set(
        plannerName,
        (r = new ToolRunner(deps.tools, { planner: plannerName, logger: log, emit: (e) => events.tool(e) })),
      );
    return r;
  };
  const ctx: PlannerContext = {
    actor: job.actor,
    language,
    message: job.message,
    state,
    shown,
    history,
    understanding,
    events,
    signal: job.signal,
    calls,
    async call(name, args, id) {
      const executed = await runner().run(
        { id: id ?? `call_${calls.length + 1}`, name, arguments: args },
        { actor: job.actor, language, signal: job.signal },
      );
      calls.push(executed);
      if (executed.result.ok) {
        const e = executed.result.effects;
        if (e.products) events.addProducts(e.products);
        if (e.comparison) events.comparison(e.comparison);
        if (e.action) events.action(e.action);
        if (e.search) events.notes({ overBudget: e.search.overBudget, budget: e.search.budget });
      }
      return executed;
    },
  };

  let outcome: PlanOutcome | null = null;
  let finishReason: FinishReason = 'stop';
  let understood: Understood | null = null;
  let servedBy = { provider: (deps.llm ?? deps.offline).name, model: (deps.llm ?? deps.offline).model };
  try {
    if (deps.llm) {
      try {
        outcome = await deps.llm.plan(ctx);
      } catch (err) {
        if (!(err instanceof LlmUnavailableError) || job.signal.aborted || events.started) throw err;
        log.warn({ err: err.message }, 'LLM unavailable; answering offline');
        llmRequests.inc({ provider: deps.llm.name, outcome: 'fallback' });
        plannerName = 'offline';
        if (calls.length === 0) {
          understood = understanding.understood;
          outcome = await deps.offline.plan(ctx);
        } else {
          // Tools already ran (maybe a cart change): answer from their results, never twice.
          events.text(
            composeAnswer({
              language,
              understood: null,
              calls,
              products: events.record.products,
              constraints: null,
              signedIn: job.actor.kind === 'user',
            }),
          );
          outcome = {
            kind: 'search',
            usage: null,
            servedBy: { provider: deps.offline.name, model: deps.offline.model },
            truncated: false,
            rounds: 0,
          };
        }
      }
    } else {
      understood = understanding.understood;
      outcome = await deps.offline.plan(ctx);
    }
    servedBy = outcome.servedBy;
    if (outcome.truncated) finishReason = 'length';
  } catch (err) {
    finishReason = job.signal.aborted ? finishReasonFor(job.signal) : 'error';
    if (finishReason === 'error') log.warn({ err: (err as Error).message }, 'answer ended early');
  }
  if (finishReason === 'stop' && job.signal.aborted) finishReason = finishReasonFor(job.signal);

  const kind: TurnKind = outcome?.kind ?? 'search';
  const products = events.record.products;
  const cartChanged = calls.some((c) => SIDE_EFFECTS.has(c.name) && c.result.ok && c.result.effects.action?.ok);
  const suggestions =
    finishReason === 'stop' || finishReason === 'length'
      ? suggestFollowUps({
          kind,
          language,
          products,
          signedIn: job.actor.kind === 'user',
          cartChanged,
          budgetMax: state.constraints.budgetMax,
        })
      : [];
  events.end(suggestions);
  const endedAt = performance.now();

  const text = events.record.text;
  // The cards already on screen are live catalog rows too (a refinement names its anchor).
  const grounding: Grounding | undefined = text
    ? checkGrounding(text, groundingProducts(calls, [...shown, ...products]), {
        allowedAmounts: allowedAmounts(calls, state.constraints.budgetMax, state.constraints.budgetMin),
      })
    : undefined;
  const usage: LlmUsage = outcome?.usage ?? { promptTokens: 0, completionTokens: 0, estimated: true };
  const done: ChatDoneEvent = {
    messageId,
    finishReason,
    provider: servedBy.provider,
    model: servedBy.model,
    usage: { promptTokens: usage.promptTokens, completionTokens: usage.completionTokens },
    ...(grounding ? { grounding } : {}),
  };
  const firstTokenAt = events.firstTokenAt;
  const ttftMs = firstTokenAt === null ? null : Math.round(firstTokenAt - job.receivedAt);

  // Persist before `done`: whoever sees `done` finds the answer and the new state stored.
  const stop = finishReason === 'stop' || finishReason === 'length';
  try {
    await deps.repo.finish(
      messageId,
      {
        content: text,
        productIds: products.map((p) => p.id),
        finishReason,
        meta: {
          ...turnAnalytics({ job, kind, understood: understood ?? understanding.understood, calls, products }),
          planner: plannerName,
          language,
          provider: servedBy.provider,
          model: servedBy.model,
          usage: done.usage,
          grounding: grounding ?? null,
          chunks: events.record.chunks,
          overBudget: events.record.notes.overBudget,
          budget: events.record.notes.budget,
          rounds: outcome?.rounds ?? 0,
        },
        extras: {
          comparison: events.record.comparison,
          actions: events.record.actions,
          suggestions: events.record.suggestions,
          tools: events.record.tools,
        },
        // A turn that was cut short leaves the conversation as it was.
        ...(stop
          ? {
              state: {
                conversationId: job.conversationId,
                value: nextState(state, { language, kind, understood, calls, products }),
              },
            }
          : {}),
      },
      {
        messageId,
        actor: job.actor,
        provider: servedBy.provider,
        model: servedBy.model,
        promptTokens: usage.promptTokens,
        completionTokens: usage.completionTokens,
        timeToFirstTokenMs: ttftMs,
        durationMs: Math.round(endedAt - job.receivedAt),
        finishReason,
      },
    );
  } catch (err) {
    log.error({ err }, 'could not persist the answer');
  }
  await job.beforeDone?.().catch((err: Error) => log.warn({ err: err.message }, 'before-done hook failed'));
  events.done(done);
  assistantTurns.inc({ planner: plannerName, kind });
  recordGenerationMetrics({
    provider: servedBy.provider,
    model: servedBy.model,
    usage,
    ttftMs,
    firstTokenAt,
    endedAt,
    finishReason,
    grounding,
  });
  await events.settled();
  return done;
}

/** Every product a tool returned this turn (a grounded answer may name any of them). */
function groundingProducts(calls: ExecutedCall[], shown: Gpu[]): { name: string; price: number }[] {
  const out = new Map<string, { name: string; price: number }>();
  for (const p of shown) out.set(p.id, p);
  for (const c of calls) {
    if (!c.result.ok) continue;
    for (const p of c.result.effects.products ?? []) out.set(p.id, p);
    for (const i of c.result.effects.cart?.items ?? []) out.set(i.gpuId, { name: i.name, price: i.price });
  }
  return [...out.values()];
}

const num = (v: unknown): number | null => (typeof v === 'number' ? v : null);

/** Amounts an answer may quote that are not product prices: budgets, cart totals and line totals. */
function allowedAmounts(calls: ExecutedCall[], ...budgets: (number | null)[]): (number | null)[] {
  const amounts = [...budgets];
  for (const c of calls) {
    if (!c.result.ok) continue;
    const e = c.result.effects;
    // The budget a search ran with, bounds included ("between $300 and $450").
    if (c.name === 'search_products' && c.args) amounts.push(num(c.args.maxPrice), num(c.args.minPrice));
    if (e.cart) amounts.push(e.cart.total, ...e.cart.items.map((i) => Math.round(i.price * i.quantity * 100) / 100));
  }
  return amounts;
}
