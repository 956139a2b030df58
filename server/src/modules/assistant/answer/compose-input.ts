// What the offline answer is written from: the turn's understanding (when the offline
// planner answered), its tool calls and the products it showed.
import type { Gpu } from '@gpu/shared';
import type { Understood } from '../conversation/understand-turn.js';
import type { Language, QueryConstraints } from '../query/constraints.js';
import type { ExecutedCall } from '../tools/registry.js';
import type { ToolEffects } from '../tools/tool.js';

export interface ComposeInput {
  language: Language;
  understood: Understood | null;
  calls: ExecutedCall[];
  /** The answer's products, in the order sent. */
  products: Gpu[];
  /** The constraints a search answered (null for other turns). */
  constraints: QueryConstraints | null;
  signedIn: boolean;
}

export const effectsOf = (calls: ExecutedCall[], name?: string): ToolEffects[] =>
  calls.flatMap((c) => (c.result.ok && (!name || c.name === name) ? [c.result.effects] : []));
