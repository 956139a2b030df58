// What a planner gets for one turn and what it gives back. Two planners share it: the LLM
// (Groq tool calling) and the offline planner (rules). Both run tools only through `call`,
// which validates, emits `chat:tool`, and records what the shopper will see.
import type { Gpu, ToolName } from '@gpu/shared';
import type { Actor } from '../../auth/actor.js';
import type { ConversationState, TurnKind } from '../conversation/state.js';
import type { TurnUnderstanding } from '../conversation/understand-turn.js';
import type { LlmUsage } from '../llm/provider.js';
import type { HistoryTurn } from '../prompt/build-prompt.js';
import type { Language } from '../query/constraints.js';
import type { ExecutedCall } from '../tools/registry.js';
import type { TurnEvents } from '../turn/turn-events.js';

export interface PlannerContext {
  actor: Actor;
  language: Language;
  message: string;
  state: ConversationState;
  /** The products of state.shown, in order. */
  shown: Gpu[];
  history: HistoryTurn[];
  /** The deterministic reading of the turn (the LLM planner uses only its language). */
  understanding: TurnUnderstanding;
  events: TurnEvents;
  signal: AbortSignal;
  /** Runs a tool: validated, announced with `chat:tool`, its effects recorded. */
  call(name: ToolName | string, args: unknown, id?: string): Promise<ExecutedCall>;
  /** Every call made so far this turn, in order. */
  readonly calls: ExecutedCall[];
}

export interface PlanOutcome {
  kind: TurnKind;
  usage: LlmUsage | null;
  servedBy: { provider: string; model: string };
  /** 'length' when the model was cut at its token limit. */
  truncated: boolean;
  /** LLM rounds used (0 for the offline planner). */
  rounds: number;
}

export interface Planner {
  readonly name: string;
  readonly model: string;
  plan(ctx: PlannerContext): Promise<PlanOutcome>;
}
