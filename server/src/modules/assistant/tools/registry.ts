// The tool set both planners use, and the one place a call is checked and run: its name
// must be a tool, its arguments (an object, or the JSON string an LLM sends) must pass the
// shared schema, and it runs under the turn's abort signal. Every call emits `chat:tool`
// started then done/error, is logged and counted; a failure is a result, never a throw.
import { toolArgsSchemas, isToolName, type ChatToolEvent, type ToolName } from '@gpu/shared';
import { z } from 'zod';
import type { Logger } from '../../../platform/logger.js';
import { assistantToolCalls, assistantToolDuration } from '../../../platform/metrics.js';
import { addToCartTool, removeFromCartTool, setCartQuantityTool, viewCartTool } from './cart-tools.js';
import { checkCompatibilityTool, compareProductsTool, getProductsTool } from './product-tools.js';
import { searchProductsTool } from './search-products.js';
import { toolSummary } from './tool-summary.js';
import type { Tool, ToolContext, ToolDeps, ToolResult } from './tool.js';

export function createTools(deps: ToolDeps): Tool[] {
  return [
    searchProductsTool(deps),
    getProductsTool(deps),
    compareProductsTool(deps),
    checkCompatibilityTool(deps),
    addToCartTool(deps),
    setCartQuantityTool(deps),
    removeFromCartTool(deps),
    viewCartTool(deps),
  ] as Tool[];
}

/** OpenAI-compatible `tools` for the LLM request, from the same zod schemas. */
export function toolDefinitions(tools: Tool[]) {
  return tools.map((t) => {
    const { $schema: _s, ...parameters } = z.toJSONSchema(toolArgsSchemas[t.name], { io: 'output' }) as Record<
      string,
      unknown
    >;
    return {
      type: 'function' as const,
      function: { name: t.name, description: t.description, parameters: stripPatterns(parameters) },
    };
  });
}

/** UUID regexes add nothing for the model but tokens: `format: uuid` says it. */
function stripPatterns(schema: unknown): Record<string, unknown> {
  return JSON.parse(JSON.stringify(schema), (key, value: unknown) => (key === 'pattern' ? undefined : value));
}

export interface ToolCall {
  id: string;
  name: string;
  /** Parsed arguments, or the raw JSON string the model sent. */
  arguments: unknown;
}

export interface ExecutedCall {
  id: string;
  name: string;
  /** The validated arguments (undefined when they did not validate). */
  args: Record<string, unknown> | undefined;
  result: ToolResult;
}

export class ToolRunner {
  private readonly byName = new Map<string, Tool>();

  constructor(
    tools: Tool[],
    private readonly opts: {
      planner: 'llm' | 'offline';
      logger: Logger;
      emit: (e: Omit<ChatToolEvent, 'messageId'>) => void;
    },
  ) {
    for (const t of tools) this.byName.set(t.name, t);
  }

  async run(call: ToolCall, ctx: ToolContext): Promise<ExecutedCall> {
    const { emit, logger, planner } = this.opts;
    const name = call.name;
    emit({ name, status: 'started', callId: call.id });
    const end = (result: ToolResult, args?: Record<string, unknown>, outcome?: string): ExecutedCall => {
      const status = result.ok ? 'done' : 'error';
      emit({ name, status, callId: call.id, summary: toolSummary(name, result, ctx.language) });
      assistantToolCalls.inc({
        tool: isToolName(name) ? name : 'unknown',
        outcome: outcome ?? (result.ok ? 'ok' : 'error'),
        planner,
      });
      return { id: call.id, name, args, result };
    };

    const tool = this.byName.get(name);
    if (!isToolName(name) || !tool) {
      logger.warn({ tool: name }, 'assistant called an unknown tool');
      return end(
        { ok: false, code: 'unknown_tool', message: `There is no tool named "${name}"` },
        undefined,
        'unknown_tool',
      );
    }
    let raw = call.arguments;
    if (typeof raw === 'string') {
      try {
        raw = raw.trim() ? JSON.parse(raw) : {};
      } catch {
        return end(
          { ok: false, code: 'invalid_arguments', message: 'arguments are not valid JSON' },
          undefined,
          'invalid_arguments',
        );
      }
    }
    const parsed = toolArgsSchemas[name as ToolName].safeParse(raw ?? {});
    if (!parsed.success) {
      const message = parsed.error.issues
        .slice(0, 5)
        .map((i) => `${i.path.join('.') || '(arguments)'}: ${i.message}`)
        .join('; ');
      logger.info({ tool: name, message }, 'tool call with invalid arguments');
      return end({ ok: false, code: 'invalid_arguments', message }, undefined, 'invalid_arguments');
    }
    const args = parsed.data as Record<string, unknown>;
    const timer = assistantToolDuration.startTimer({ tool: name });
    try {
      if (ctx.signal.aborted) throw ctx.signal.reason;
      const result = await (tool as Tool<ToolName>).run(args as never, ctx);
      return end(result, args);
    } catch (err) {
      if (ctx.signal.aborted) throw err;
      logger.error({ err, tool: name }, 'tool failed');
      return end(
        { ok: false, code: 'tool_failed', message: 'The tool failed; try again or answer without it' },
        args,
        'error',
      );
    } finally {
      timer();
    }
  }
}
