// One interface for answer generation: a provider streams text chunks for a prompt and
// reports usage when it ends. Implementations: Groq (groq-sdk) and the offline grounded
// responder (writes the answer from the retrieved facts, no network).
import type { Gpu } from '@gpu/shared';
import type { CompatibilityResult } from '../compatibility.js';
import type { QueryConstraints } from '../query/constraints.js';

export interface LlmMessage {
  role: 'system' | 'user' | 'assistant';
  content: string;
}

/** What the answer must be grounded in; the offline responder writes from this alone. */
export interface AnswerFacts {
  query: string;
  constraints: QueryConstraints;
  products: Gpu[];
  /** Nothing fit the budget; `products` are the nearest options above it. */
  overBudget: boolean;
  compatibility: CompatibilityResult[];
  /** Models the shopper named that the catalog does not carry. */
  missingModels: string[];
}

export interface LlmRequest {
  messages: LlmMessage[];
  facts: AnswerFacts;
  /** Aborting closes the upstream request (chat:stop, timeouts, a gone HTTP client). */
  signal: AbortSignal;
}

export interface LlmUsage {
  promptTokens: number;
  completionTokens: number;
  /** True when counted by us (chars/4), not reported by the provider. */
  estimated: boolean;
}

export interface LlmStream extends AsyncIterable<string> {
  /** Known once iteration has finished (or failed); null before. */
  usage(): LlmUsage | null;
  /** 'length' when the provider cut the answer at its token limit. */
  truncated?(): boolean;
}

export interface LlmProvider {
  readonly name: string;
  readonly model: string;
  stream(req: LlmRequest): LlmStream;
}

/** The provider failed before producing any text: the caller may fall back. */
export class LlmUnavailableError extends Error {
  override name = 'LlmUnavailableError';
  constructor(
    message: string,
    readonly status?: number,
  ) {
    super(message);
  }
}

/** Rough token count for text we did not get counts for (about four characters a token). */
export const estimateTokens = (text: string): number => Math.ceil(text.length / 4);

export const estimatePromptTokens = (messages: LlmMessage[]): number =>
  messages.reduce((n, m) => n + estimateTokens(m.content) + 4, 0);
