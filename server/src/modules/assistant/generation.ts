// One answer, start to finish: understand the question, retrieve products, send them,
// stream the provider's text in coalesced chunks, check grounding, persist the message and
// its usage, then `done`. Every event goes to the live sink (the asking connection) and to
// the message's stream (for resumes). Never throws: failures end in a `done` with "error".
import type { ChatDoneEvent, ChatProductsEvent, FinishReason, Grounding, Gpu } from '@gpu/shared';
import type { Actor } from '../auth/actor.js';
import type { Logger } from '../../platform/logger.js';
import type { ChatRepository } from './chat-repository.js';
import { checkCompatibility, needsCompatibility } from './compatibility.js';
import { checkGrounding } from './grounding.js';
import { served } from './llm/fallback-provider.js';
import { estimatePromptTokens, estimateTokens, type AnswerFacts, type LlmProvider } from './llm/provider.js';
import { buildPrompt, HISTORY_MESSAGES } from './prompt/build-prompt.js';
import type { QueryConstraints } from './query/constraints.js';
import { parseQuery } from './query/parse-query.js';
import { toGpu, type AssetUrl } from './retrieval/product-row.js';
import type { ProductRetriever, RetrievalResult } from './retrieval/retriever.js';
import type { ChatSink } from './chat-sink.js';
import type { MessageStreamStore, StreamEntry } from './streaming/stream-store.js';
import { TokenCoalescer } from './streaming/token-coalescer.js';
import { recordGenerationMetrics } from './usage-metrics.js';

export type AbortCause = 'stopped' | 'client-gone' | 'timeout' | 'shutdown';

/** The reason given to AbortController.abort(): why a generation ended early. */
export class GenerationAborted extends Error {
  override name = 'AbortError';
  constructor(readonly why: AbortCause) {
    super(`generation aborted: ${why}`);
  }
}

export interface GenerationDeps {
  retriever: ProductRetriever;
  provider: LlmProvider;
  store: MessageStreamStore;
  repo: ChatRepository;
  assetUrl: AssetUrl;
  logger: Logger;
  coalesceMs?: number;
}

export interface GenerationJob {
  actor: Actor;
  conversationId: string;
  questionId: string;
  messageId: string;
  message: string;
  /** performance.now() when the question arrived: time to first token counts from here. */
  receivedAt: number;
  signal: AbortSignal;
  sink?: ChatSink;
}

const noResults: RetrievalResult = { products: [], overBudget: false, outOfStockIds: [], missingModels: [] };

function finishReasonFor(signal: AbortSignal): FinishReason {
  const reason: unknown = signal.reason;
  const cause = reason instanceof GenerationAborted ? reason.why : null;
  return cause === 'stopped' || cause === 'client-gone' ? 'cancelled' : 'error';
}

function analytics(job: GenerationJob, c: QueryConstraints, r: RetrievalResult, products: Gpu[]) {
  return {
    query: job.message.slice(0, 300),
    language: c.language,
    constraints: {
      budgetMax: c.budgetMax,
      budgetMin: c.budgetMin,
      minVramGb: c.minVramGb,
      brands: c.brands,
      excludeBrands: c.excludeBrands,
      useCases: c.useCases,
      models: c.models.map((m) => m.display),
      psuWatts: c.psuWatts,
      caseMaxLengthMm: c.caseMaxLengthMm,
    },
    productIds: products.map((p) => p.id),
    resultCount: products.length,
    overBudget: r.overBudget,
    budget: c.budgetMax,
    outOfStockProductIds: r.outOfStockIds,
    missingModels: r.missingModels,
  };
}

export async function runGeneration(deps: GenerationDeps, job: GenerationJob): Promise<ChatDoneEvent> {
  const log = deps.logger.child({ messageId: job.messageId });
  const { messageId } = job;
  let appended: Promise<void> = Promise.resolve();
  const publish = (entry: StreamEntry) => {
    try {
      if (entry.type === 'products') job.sink?.products(entry.event);
      else if (entry.type === 'token') job.sink?.token(entry.event);
      else job.sink?.done(entry.event);
    } catch (err) {
      log.warn({ err }, 'live delivery failed');
    }
    // Appends are chained so the stream keeps the order of the events.
    appended = appended
      .then(() => deps.store.append(messageId, entry))
      .catch((err: Error) => log.warn({ err: err.message }, 'stream append failed'));
  };

  const constraints = parseQuery(job.message);
  // Independent of retrieval: fetched alongside it.
  const history = deps.repo.history(job.conversationId, [job.questionId, messageId], HISTORY_MESSAGES).catch(() => []);
  let retrieval = noResults;
  try {
    retrieval = await deps.retriever.retrieve(job.message, constraints);
  } catch (err) {
    log.error({ err }, 'retrieval failed; answering without products');
  }
  const products = retrieval.products.map((r) => toGpu(r, deps.assetUrl));
  const budget = constraints.budgetMax;
  const productsEvent: ChatProductsEvent = {
    messageId,
    products,
    notes: { overBudget: retrieval.overBudget || (budget !== null && products.some((p) => p.price > budget)), budget },
  };
  publish({ type: 'products', event: productsEvent });

  const facts: AnswerFacts = {
    query: job.message,
    constraints,
    products,
    overBudget: retrieval.overBudget,
    compatibility: needsCompatibility(constraints) ? products.map((p) => checkCompatibility(p, constraints)) : [],
    missingModels: retrieval.missingModels,
  };
  const messages = buildPrompt({ facts, history: await history, message: job.message });

  const stream = served(deps.provider, { messages, facts, signal: job.signal });
  const coalescer = new TokenCoalescer(
    (seq, text) => publish({ type: 'token', event: { messageId, seq, text } }),
    deps.coalesceMs,
  );
  let text = '';
  let firstTokenAt: number | null = null;
  let finishReason: FinishReason = 'stop';
  try {
    for await (const chunk of stream) {
      firstTokenAt ??= performance.now();
      text += chunk;
      coalescer.push(chunk);
    }
  } catch (err) {
    finishReason = job.signal.aborted ? finishReasonFor(job.signal) : 'error';
    if (!job.signal.aborted || finishReason === 'error')
      log.warn({ err: (err as Error).message }, 'generation ended early');
  }
  // A provider that ends quietly on abort still ended early.
  if (finishReason === 'stop' && job.signal.aborted) finishReason = finishReasonFor(job.signal);
  if (finishReason === 'stop' && stream.truncated?.()) finishReason = 'length';
  coalescer.flush();
  const endedAt = performance.now();

  const { provider, model } = stream.servedBy();
  const usage = stream.usage() ?? {
    promptTokens: estimatePromptTokens(messages),
    completionTokens: estimateTokens(text),
    estimated: true,
  };
  const grounding: Grounding | undefined = text
    ? checkGrounding(text, products, { allowedAmounts: [constraints.budgetMax, constraints.budgetMin] })
    : undefined;
  const done: ChatDoneEvent = {
    messageId,
    finishReason,
    provider,
    model,
    usage: { promptTokens: usage.promptTokens, completionTokens: usage.completionTokens },
    ...(grounding ? { grounding } : {}),
  };
  const ttftMs = firstTokenAt === null ? null : Math.round(firstTokenAt - job.receivedAt);
  const durationMs = Math.round(endedAt - job.receivedAt);

  // Persist before `done`: whoever sees `done` finds the answer in the history.
  try {
    await deps.repo.finish(
      messageId,
      {
        content: text,
        productIds: products.map((p) => p.id),
        finishReason,
        meta: {
          ...analytics(job, constraints, retrieval, products),
          provider,
          model,
          usage: done.usage,
          grounding: grounding ?? null,
          chunks: coalescer.count,
        },
      },
      {
        messageId,
        actor: job.actor,
        provider,
        model,
        promptTokens: usage.promptTokens,
        completionTokens: usage.completionTokens,
        timeToFirstTokenMs: ttftMs,
        durationMs,
        finishReason,
      },
    );
  } catch (err) {
    log.error({ err }, 'could not persist the answer');
  }
  publish({ type: 'done', event: done });
  recordGenerationMetrics({ provider, model, usage, ttftMs, firstTokenAt, endedAt, finishReason, grounding });
  await appended;
  return done;
}
