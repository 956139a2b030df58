// Groq, streamed, with OpenAI-compatible tool calling. The request is ours
// (completions-request.ts: node:http, a keep-alive pool) and so is the event stream's reading
// (sse-parser.ts, in one loop per answer): groq-sdk's fetch body and its layered async
// generators cost more per token than the rest of the path from upstream to socket (see
// docs/performance.md). Text is yielded as it arrives, one delta per network chunk; tool
// calls are assembled by index (Groq sends each whole, other compatible servers in fragments)
// and yielded when the completion ends. One retry (429/5xx/refused) before the first byte,
// honouring Retry-After; the caller's AbortSignal closes the upstream HTTP request; a stream
// silent for `timeoutMs` is aborted (LlmStallError). Usage comes from `x_groq.usage` in the
// last chunk, or an OpenAI-style `usage` chunk, else is estimated.
import type { IncomingMessage } from 'node:http';
import type { Logger } from '../../../platform/logger.js';
import { abortableSleep } from '../../../platform/abortable-sleep.js';
import {
  estimatePromptTokens,
  estimateTokens,
  LlmUnavailableError,
  type LlmDelta,
  type LlmProvider,
  type LlmRequest,
  type LlmStream,
  type LlmToolCall,
  type LlmUsage,
} from './provider.js';
import {
  apiErrorMessage,
  CompletionsRequest,
  UpstreamConnectionError,
  UpstreamStatusError,
} from './completions-request.js';
import { retryDelayMs } from './retry-after.js';
import { SseParser } from './sse-parser.js';

/** The stream opened but then produced nothing for too long. */
export class LlmStallError extends Error {
  override name = 'LlmStallError';
}

export interface GroqProviderOptions {
  apiKey: string;
  model: string;
  /** Requests go to `<baseURL>/openai/v1/chat/completions` (default https://api.groq.com). */
  baseURL?: string;
  timeoutMs: number;
  maxTokens?: number;
  temperature?: number;
  logger: Logger;
}

interface UsageShape {
  prompt_tokens?: number;
  completion_tokens?: number;
}
interface ToolCallDelta {
  index?: number;
  id?: string;
  function?: { name?: string; arguments?: string };
}
interface ChunkShape {
  choices?: { delta?: { content?: string | null; tool_calls?: ToolCallDelta[] }; finish_reason?: string | null }[];
  x_groq?: { usage?: UsageShape | null } | null;
  usage?: UsageShape | null;
  error?: object;
}
interface StreamState {
  usage: LlmUsage | null;
  finishReason: string | null;
}

/** An error the API reported inside the event stream (`data: {"error": ...}`). */
export class LlmStreamError extends Error {
  override name = 'LlmStreamError';
}

export class GroqProvider implements LlmProvider {
  readonly name = 'groq';
  readonly model: string;
  private readonly request: CompletionsRequest;

  constructor(private readonly opts: GroqProviderOptions) {
    this.model = opts.model;
    this.request = new CompletionsRequest({ apiKey: opts.apiKey, baseURL: opts.baseURL, timeoutMs: opts.timeoutMs });
  }

  stream(req: LlmRequest): LlmStream {
    const state: StreamState = { usage: null, finishReason: null };
    return {
      usage: () => state.usage,
      finishReason: () => state.finishReason,
      [Symbol.asyncIterator]: () => this.iterate(req, state),
    };
  }

  private async *iterate(req: LlmRequest, state: StreamState): AsyncGenerator<LlmDelta> {
    const { timeoutMs } = this.opts;
    // Our own controller: aborted by the caller's signal or by the stall timer.
    const controller = new AbortController();
    const onAbort = () => controller.abort(req.signal.reason);
    req.signal.addEventListener('abort', onAbort, { once: true });
    let stalled = false;
    let timer: NodeJS.Timeout | undefined;
    // Re-armed on every chunk: refresh() moves the one timer instead of making a new one per chunk.
    const arm = () => {
      if (timer) timer.refresh();
      else
        timer = setTimeout(() => {
          stalled = true;
          controller.abort(new LlmStallError(`no data from the LLM for ${timeoutMs} ms`));
        }, timeoutMs);
    };
    let text = '';
    let reported: UsageShape | undefined;
    const calls = new Map<number, { id: string; name: string; arguments: string }>();
    try {
      const response = await this.open(req, controller.signal);
      arm();
      const sse = new SseParser();
      // After [DONE] the rest of the body is read (the server ends it) and ignored.
      let finished = false;
      for await (const bytes of response as AsyncIterable<Buffer>) {
        // The text of every event in this network chunk goes out as one delta: a loop that
        // fell behind reads several events at once, and each delta costs the consumers a few
        // promises and a coalescer push.
        let batch = '';
        for (const message of sse.push(bytes)) {
          if (finished) continue;
          if (message.data.startsWith('[DONE]')) {
            finished = true;
            continue;
          }
          const chunk = JSON.parse(message.data) as ChunkShape;
          // An error reported inside the stream: the text before it still goes out first.
          if (chunk.error) {
            if (batch) yield { type: 'text', text: batch };
            throw new LlmStreamError(apiErrorMessage(chunk.error) ?? JSON.stringify(chunk.error).slice(0, 200));
          }
          arm();
          const choice = chunk.choices?.[0];
          state.finishReason = choice?.finish_reason ?? state.finishReason;
          reported = chunk.x_groq?.usage ?? chunk.usage ?? reported;
          for (const d of choice?.delta?.tool_calls ?? []) {
            const index = d.index ?? calls.size;
            const call = calls.get(index) ?? { id: '', name: '', arguments: '' };
            if (d.id) call.id = d.id;
            if (d.function?.name) call.name += d.function.name;
            if (d.function?.arguments) call.arguments += d.function.arguments;
            calls.set(index, call);
          }
          const content = choice?.delta?.content;
          if (content) {
            text += content;
            batch += content;
          }
        }
        if (batch) yield { type: 'text', text: batch };
      }
      // An aborted body read ends here or in the catch below: say why it ended.
      if (stalled) throw new LlmStallError(`no data from the LLM for ${timeoutMs} ms`);
      if (req.signal.aborted) throw req.signal.reason;
      for (const [index, call] of [...calls].sort(([a], [b]) => a - b)) {
        const tool: LlmToolCall = { id: call.id || `call_${index}`, name: call.name, arguments: call.arguments };
        text += call.arguments;
        yield { type: 'tool_call', call: tool };
      }
    } catch (err) {
      if (stalled) throw new LlmStallError(`no data from the LLM for ${timeoutMs} ms`);
      if (req.signal.aborted) throw req.signal.reason;
      throw err;
    } finally {
      clearTimeout(timer);
      req.signal.removeEventListener('abort', onAbort);
      // Ends the HTTP request if the consumer stopped early (break/return).
      controller.abort();
      state.usage = {
        promptTokens: reported?.prompt_tokens ?? estimatePromptTokens(req.messages),
        completionTokens: reported?.completion_tokens ?? estimateTokens(text),
        estimated: reported === undefined,
      };
    }
  }

  /** Opens the stream (the raw response: its body is read by `iterate`); one retry on
   * 429/5xx/connection failure. Errors become LlmUnavailableError. */
  private async open(req: LlmRequest, signal: AbortSignal): Promise<IncomingMessage> {
    const body = {
      model: this.model,
      messages: req.messages,
      stream: true,
      temperature: this.opts.temperature ?? 0.3,
      max_completion_tokens: this.opts.maxTokens ?? 800,
      ...(req.tools?.length
        ? { tools: req.tools, tool_choice: req.toolChoice ?? 'auto', parallel_tool_calls: true }
        : {}),
    };
    for (let attempt = 0; ; attempt++) {
      try {
        return await this.request.open(body, signal);
      } catch (err) {
        if (signal.aborted) throw signal.reason;
        const status = err instanceof UpstreamStatusError ? err.status : undefined;
        // A refused connection is worth one more try; a timeout already cost LLM_TIMEOUT_MS.
        const retryable =
          status === 429 || (status !== undefined && status >= 500) || err instanceof UpstreamConnectionError;
        const wait =
          retryable && attempt === 0
            ? retryDelayMs(err instanceof UpstreamStatusError ? err.headers : undefined)
            : null;
        this.opts.logger.warn(
          { status, attempt, retryInMs: wait, err: (err as Error).message.slice(0, 200) },
          'LLM request failed',
        );
        if (wait === null) throw new LlmUnavailableError((err as Error).message.slice(0, 200), status);
        await abortableSleep(wait, signal);
      }
    }
  }
}
