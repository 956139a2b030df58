// The LLM planner: Llama-3 on Groq plans with OpenAI-compatible tool calling. Each round
// streams; text goes to the shopper as it comes, tool calls are validated and run by the
// server, and their results go back as `tool` messages (JSON data with the call's
// tool_call_id) after the assistant message that carried the calls. At most
// MAX_TOOL_ROUNDS rounds may call tools; the next one must answer in text, and a model that
// still will not is stopped cleanly with an answer written from the results. An invalid call
// is a tool error the model sees, never a crash.
import type { Logger } from '../../../platform/logger.js';
import { assistantToolRounds } from '../../../platform/metrics.js';
import { composeAnswer } from '../answer/compose-answer.js';
import type { TurnKind } from '../conversation/state.js';
import {
  estimatePromptTokens,
  estimateTokens,
  type LlmMessage,
  type LlmProvider,
  type LlmToolCall,
  type LlmUsage,
} from '../llm/provider.js';
import { buildPrompt, toolResultContent } from '../prompt/build-prompt.js';
import type { LlmToolDefinition } from '../llm/provider.js';
import { MAX_CALLS_PER_ROUND, MAX_TOOL_ROUNDS } from './limits.js';
import type { Planner, PlanOutcome, PlannerContext } from './planner.js';

function addUsage(total: LlmUsage | null, u: LlmUsage | null): LlmUsage | null {
  if (!u) return total;
  if (!total) return { ...u };
  return {
    promptTokens: total.promptTokens + u.promptTokens,
    completionTokens: total.completionTokens + u.completionTokens,
    estimated: total.estimated || u.estimated,
  };
}

/** What the turn was, judged from the tools the model used. */
function kindFromCalls(ctx: PlannerContext, text: string): TurnKind {
  const names = ctx.calls.map((c) => c.name);
  if (
    names.some((n) => n === 'add_to_cart' || n === 'remove_from_cart' || n === 'set_cart_quantity' || n === 'view_cart')
  )
    return 'cart';
  if (names.includes('compare_products')) return 'compare';
  if (names.includes('search_products')) return 'search';
  if (names.length) return 'question';
  return /\?\s*$/.test(text.trim()) ? 'clarify' : 'smalltalk';
}

export class LlmPlanner implements Planner {
  constructor(
    private readonly provider: LlmProvider,
    private readonly tools: LlmToolDefinition[],
    private readonly logger: Logger,
  ) {}

  get name(): string {
    return this.provider.name;
  }
  get model(): string {
    return this.provider.model;
  }

  async plan(ctx: PlannerContext): Promise<PlanOutcome> {
    const messages: LlmMessage[] = buildPrompt({
      language: ctx.language,
      signedIn: ctx.actor.kind === 'user',
      state: ctx.state,
      shown: ctx.shown,
      history: ctx.history,
      message: ctx.message,
    });
    let usage: LlmUsage | null = null;
    let truncated = false;
    let rounds = 0;
    let answered = false;
    for (let round = 0; round <= MAX_TOOL_ROUNDS && !answered; round++) {
      const allowTools = round < MAX_TOOL_ROUNDS;
      const stream = this.provider.stream({
        messages,
        tools: this.tools,
        toolChoice: allowTools ? 'auto' : 'none',
        signal: ctx.signal,
      });
      const calls: LlmToolCall[] = [];
      let text = '';
      try {
        for await (const delta of stream) {
          if (delta.type === 'text') {
            // Text that starts before any call is the answer: it streams to the shopper.
            if (calls.length === 0) {
              text += delta.text;
              ctx.events.text(delta.text);
            }
          } else calls.push(delta.call);
        }
      } finally {
        usage = addUsage(
          usage,
          stream.usage() ?? {
            promptTokens: estimatePromptTokens(messages),
            completionTokens: estimateTokens(text),
            estimated: true,
          },
        );
      }
      if (stream.finishReason() === 'length') truncated = true;
      if (text.trim()) {
        // Calls after the answer began cannot precede its text: they are dropped, and logged.
        if (calls.length)
          this.logger.info({ dropped: calls.map((c) => c.name) }, 'tool calls after the answer began; ignored');
        answered = true;
        break;
      }
      if (calls.length === 0) break; // an empty answer: written from the results below
      if (!allowTools) break; // asked for text, got calls: stop here
      rounds++;
      const batch = calls.slice(0, MAX_CALLS_PER_ROUND);
      messages.push({
        role: 'assistant',
        content: null,
        tool_calls: batch.map((c) => ({
          id: c.id,
          type: 'function',
          function: { name: c.name, arguments: c.arguments },
        })),
      });
      for (const c of batch) {
        const done = await ctx.call(c.name, c.arguments, c.id);
        messages.push({ role: 'tool', tool_call_id: c.id, content: toolResultContent(done.result) });
      }
    }
    assistantToolRounds.observe(rounds);
    if (!answered) {
      // Out of rounds: answer from what the tools returned rather than loop or go silent.
      this.logger.warn({ rounds, calls: ctx.calls.length }, 'LLM kept calling tools; answering from the results');
      const text = composeAnswer({
        language: ctx.language,
        understood: null,
        calls: ctx.calls,
        products: ctx.events.record.products,
        constraints: null,
        signedIn: ctx.actor.kind === 'user',
      });
      ctx.events.text(text);
    }
    return {
      kind: kindFromCalls(ctx, ctx.events.record.text),
      usage,
      servedBy: { provider: this.provider.name, model: this.provider.model },
      truncated,
      rounds,
    };
  }
}
