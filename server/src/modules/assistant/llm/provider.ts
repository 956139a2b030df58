// One interface for the LLM: a provider streams a chat completion with OpenAI-compatible
// tool calling (text deltas, then any tool calls) and reports usage and why it stopped.
// The implementation is Groq (groq-provider.ts, over its OpenAI-compatible HTTP API); without a key the offline planner answers instead
// (planner/offline-planner.ts), with the same tools and events.

export interface LlmToolCall {
  id: string;
  name: string;
  /** The JSON string the model wrote; validated before anything runs. */
  arguments: string;
}

export type LlmMessage =
  | { role: 'system' | 'user'; content: string }
  | {
      role: 'assistant';
      content: string | null;
      tool_calls?: { id: string; type: 'function'; function: { name: string; arguments: string } }[];
    }
  | { role: 'tool'; tool_call_id: string; content: string };

export interface LlmToolDefinition {
  type: 'function';
  function: { name: string; description: string; parameters: Record<string, unknown> };
}

export interface LlmRequest {
  messages: LlmMessage[];
  tools?: LlmToolDefinition[];
  /** 'none' forces a text answer (the last round). */
  toolChoice?: 'auto' | 'none';
  /** Aborting closes the upstream request (chat:stop, timeouts, a gone HTTP client). */
  signal: AbortSignal;
}

export type LlmDelta = { type: 'text'; text: string } | { type: 'tool_call'; call: LlmToolCall };

export interface LlmUsage {
  promptTokens: number;
  completionTokens: number;
  /** True when counted by us (chars/4), not reported by the provider. */
  estimated: boolean;
}

export interface LlmStream extends AsyncIterable<LlmDelta> {
  /** Known once iteration has finished (or failed); null before. */
  usage(): LlmUsage | null;
  /** Why the completion ended: 'length' when cut at the token limit, 'tool_calls' for calls. */
  finishReason(): string | null;
}

export interface LlmProvider {
  readonly name: string;
  readonly model: string;
  stream(req: LlmRequest): LlmStream;
}

/** The provider failed before producing any output: the caller may fall back. */
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
  messages.reduce(
    (n, m) =>
      n +
      estimateTokens(typeof m.content === 'string' ? m.content : '') +
      ('tool_calls' in m && m.tool_calls ? estimateTokens(JSON.stringify(m.tool_calls)) : 0) +
      4,
    0,
  );
