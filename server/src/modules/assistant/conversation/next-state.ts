// The state a turn leaves behind, derived the same way for both planners: the constraints
// and search text come from the search the turn ran (the offline planner's understanding, or
// the arguments the LLM used), the cards shown are the list the shopper just saw, and the
// focus is the card the turn was about.
import type { Gpu, SearchProductsArgs } from '@gpu/shared';
import type { Language } from '../query/constraints.js';
import { constraintsFromSearch } from '../tools/search-products.js';
import type { ExecutedCall } from '../tools/registry.js';
import { fromQueryConstraints, type ConversationState, type TurnKind } from './state.js';
import type { Understood } from './understand-turn.js';

export const MAX_SHOWN = 10;

export interface TurnFacts {
  language: Language;
  kind: TurnKind;
  /** The offline understanding, when the offline planner answered. */
  understood: Understood | null;
  calls: ExecutedCall[];
  /** The products the answer showed, in order. */
  products: Gpu[];
}

/** The last list search the LLM ran (a one-result lookup by name is not a new request). */
function lastListSearch(calls: ExecutedCall[]): SearchProductsArgs | null {
  for (const c of [...calls].reverse()) {
    if (c.name !== 'search_products' || !c.result.ok || !c.args) continue;
    const args = c.args as SearchProductsArgs;
    if ((args.limit ?? 5) >= 2) return args;
  }
  return null;
}

export function nextState(prev: ConversationState, t: TurnFacts): ConversationState {
  const next: ConversationState = {
    ...prev,
    language: t.language,
    turns: prev.turns + 1,
    lastKind: t.kind,
    constraints: { ...prev.constraints },
  };
  const u = t.understood;
  if (u?.kind === 'search') {
    next.constraints = fromQueryConstraints(u.constraints);
    next.query = u.query.slice(0, 300);
    next.sort = u.sort && u.sort !== 'relevance' ? u.sort : null;
  } else if (!u) {
    const args = lastListSearch(t.calls);
    if (args) {
      const c = fromQueryConstraints(constraintsFromSearch(args, t.language));
      // The shopper's hardware is a fact about their PC: it stays unless replaced.
      next.constraints = {
        ...c,
        psuWatts: c.psuWatts ?? prev.constraints.psuWatts,
        caseMaxLengthMm: c.caseMaxLengthMm ?? prev.constraints.caseMaxLengthMm,
      };
      next.query = args.query?.slice(0, 300) ?? prev.query;
      next.sort = args.sort && args.sort !== 'relevance' ? args.sort : null;
    }
  }

  const ids = t.products.map((p) => p.id);
  const inPrev = ids.every((id) => prev.shown.includes(id));
  // A list the shopper just saw becomes what "la primera" means; so does a card asked about
  // by name when it was not on screen.
  const listTurn = t.kind === 'search' || ((t.kind === 'compare' || t.kind === 'question') && !inPrev);
  if (listTurn && ids.length) next.shown = ids.slice(0, MAX_SHOWN);

  const action = t.calls
    .flatMap((c) => (c.result.ok && c.result.effects.action?.ok ? [c.result.effects.action] : []))
    .at(-1);
  next.lastAction = action && t.kind === 'cart' ? (action.type.slice(5) as 'add' | 'set' | 'remove') : null;
  if (action) next.focus = action.gpuId;
  else if (ids[0] && (t.kind === 'search' || t.kind === 'question' || t.kind === 'compare')) next.focus = ids[0];
  return next;
}
