// Understanding one turn of a conversation, deterministically: what the shopper asks for
// (a search, a refinement, a ranking of the cards shown, a comparison, a question about a
// card, a cart action, checkout, nothing specific yet, or something outside the store),
// which products they refer to, and the constraints in force afterwards. The offline
// planner turns the result into tool calls; unit tests pin the phrasings down.
import type { Gpu, SearchSort } from '@gpu/shared';
import { modelOf, nameIsModel, toNamedModel } from '../../catalog/gpu-models.js';
import { emptyConstraints, type Language, type QueryConstraints } from '../query/constraints.js';
import * as cue from '../query/intent-cues.js';
import { detectLanguage } from '../query/language.js';
import { foldText } from '../query/normalize.js';
import { parseQuery } from '../query/parse-query.js';
import { parseQuantity, parseReferences, parseSetQuantity, type References } from '../query/references.js';
import { applyRelative, freshConstraints, mergeConstraints, type Relative } from './refine.js';
import { toQueryConstraints, type ConversationState } from './state.js';

/** A product the shopper refers to: one of the cards shown, the one in focus, or a model by name. */
export type Target = { kind: 'product'; id: string } | { kind: 'model'; model: string };

export type Understood =
  | {
      kind: 'search';
      mode: 'new' | 'refine';
      constraints: QueryConstraints;
      /** Free text for retrieval (a refinement searches with the text it refines). */
      query: string;
      sort: SearchSort | null;
      relative: Relative | null;
      /** The card a relative ask was measured against. */
      anchor: Gpu | null;
    }
  | { kind: 'rank-shown'; sort: SearchSort; ids: string[] }
  | { kind: 'compare'; targets: Target[] }
  | { kind: 'question'; topic: cue.ProductTopic; target: Target; hardware: Hardware }
  | { kind: 'cart'; action: 'add' | 'set' | 'remove' | 'view'; targets: Target[]; quantity: number | null }
  | { kind: 'checkout' }
  | { kind: 'clarify' }
  /** Still vague right after a clarifying question: show good picks instead of asking again. */
  | { kind: 'picks' }
  | { kind: 'smalltalk'; what: 'greeting' | 'thanks' | 'store-info' }
  | { kind: 'out-of-scope' };

export interface Hardware {
  psuWatts: number | null;
  caseMaxLengthMm: number | null;
}

export interface TurnUnderstanding {
  language: Language;
  understood: Understood;
}

export interface TurnInput {
  message: string;
  state: ConversationState;
  /** The products of state.shown, in order (missing ones left out). */
  shown: Gpu[];
}

/** A relative ask, unless the message gives the figure itself ("que consuma menos de 250 W"). */
function relativeAsk(folded: string, superlative: SearchSort | null, parsed: QueryConstraints): Relative | null {
  if (cue.CHEAPER.test(folded) && superlative !== 'price' && parsed.budgetMax === null) return 'cheaper';
  if (cue.MORE_POWERFUL.test(folded) && superlative !== '-performance') return 'more-powerful';
  if (cue.LESS_POWER.test(folded) && superlative !== 'power' && parsed.maxBoardPowerW === null) return 'less-power';
  if (cue.MORE_VRAM.test(folded) && superlative !== '-vramGb' && parsed.minVramGb === null) return 'more-vram';
  if (cue.SMALLER.test(folded)) return 'smaller';
  return null;
}

function superlativeOf(folded: string): SearchSort | null {
  return cue.SUPERLATIVES.find(([, re]) => re.test(folded))?.[0] ?? null;
}

/** Positions, demonstratives and model names, resolved against the cards shown. */
/** The card shown that ranks first by `sort` ("the cheaper one" of two compared cards). */
function extremeOf(shown: Gpu[], sort: SearchSort): Gpu | undefined {
  const perf = (p: Gpu) => (typeof p.specs.perfIndex === 'number' ? p.specs.perfIndex : -1);
  const power = (p: Gpu) => (typeof p.specs.boardPowerW === 'number' ? p.specs.boardPowerW : Infinity);
  const key: Record<string, (p: Gpu) => number> = {
    price: (p) => -p.price,
    '-price': (p) => p.price,
    '-vramGb': (p) => p.vramGb,
    '-performance': perf,
    '-value': (p) => perf(p) / p.price,
    power: (p) => -power(p),
  };
  const k = key[sort];
  return k ? [...shown].sort((a, b) => k(b) - k(a))[0] : undefined;
}

function targetsOf(refs: References, shown: Gpu[], focus: string | null, folded: string): Target[] {
  const out: Target[] = [];
  const push = (t: Target) => {
    if (!out.some((o) => JSON.stringify(o) === JSON.stringify(t))) out.push(t);
  };
  // "the cheaper one", "la más potente": ranked among the cards shown.
  const described = cue.DESCRIBED.find(([, re]) => re.test(folded))?.[0];
  const ranked = described && shown.length > 1 ? extremeOf(shown, described) : undefined;
  if (ranked && !refs.indexes.length) push({ kind: 'product', id: ranked.id });
  // "la otra", "the other one": the card shown that is not in focus.
  if (refs.other && !refs.indexes.length) {
    const other = shown.find((p) => p.id !== focus);
    if (other) push({ kind: 'product', id: other.id });
  }
  for (const i of refs.indexes) {
    const p = i < 0 ? shown[shown.length + i] : shown[i];
    if (p) push({ kind: 'product', id: p.id });
  }
  for (const model of refs.models) {
    const p = shown.find((g) => nameIsModel(g.name, model));
    push(p ? { kind: 'product', id: p.id } : { kind: 'model', model });
  }
  if (!out.length && refs.demonstrative) {
    const id = focus ?? shown[0]?.id;
    if (id) push({ kind: 'product', id });
  }
  return out;
}

const hasSlots = (c: QueryConstraints) =>
  c.budgetMax !== null ||
  c.budgetMin !== null ||
  c.minVramGb !== null ||
  c.brands.length > 0 ||
  c.excludeBrands.length > 0 ||
  c.useCases.length > 0 ||
  c.psuWatts !== null ||
  c.caseMaxLengthMm !== null ||
  c.inStockOnly ||
  c.maxBoardPowerW !== null;

export function understandTurn(input: TurnInput): TurnUnderstanding {
  const { message, state, shown } = input;
  // "ah, y también...", "hmm show me...": fillers say nothing about the request.
  const folded = foldText(message).replace(cue.FILLER, '').trim() || foldText(message);
  const language = detectLanguage(message, state.turns > 0 ? state.language : undefined);
  const parsed = parseQuery(message, { language });
  const refs = parseReferences(folded);
  const targets = targetsOf(refs, shown, state.focus, folded);
  const focusTarget: Target | null = state.focus ? { kind: 'product', id: state.focus } : null;
  const done = (understood: Understood): TurnUnderstanding => ({ language, understood });
  const words = folded.split(/\s+/).filter(Boolean).length;

  // Small talk first: "hola", "gracias", "¿hacen envíos?".
  if (cue.GREETING.test(folded)) return done({ kind: 'smalltalk', what: 'greeting' });
  if (cue.THANKS.test(folded)) return done({ kind: 'smalltalk', what: 'thanks' });

  // Cart actions and checkout (checkout itself never happens from chat).
  const cartContext = cue.CART_NOUN.test(folded) || targets.length > 0 || refs.demonstrative;
  const quantity = parseQuantity(folded);
  const afterCart = state.lastKind === 'cart';
  if (cue.CART_REMOVE.test(folded) && (cue.CART_NOUN.test(folded) || targets.length > 0)) {
    return done({ kind: 'cart', action: 'remove', targets: targets.length ? targets : [], quantity: null });
  }
  if (cue.CART_SET.test(folded) && (cartContext || afterCart)) {
    const t = targets.length ? targets : focusTarget ? [focusTarget] : [];
    return done({ kind: 'cart', action: 'set', targets: t, quantity: parseSetQuantity(folded) ?? quantity ?? 1 });
  }
  // "quiero comprar una RX 9070": a model, not one of the cards shown, is searched first so
  // the shopper picks the variant; the card itself is added from the list.
  const onlyModels = targets.length > 0 && targets.every((t) => t.kind === 'model');
  if (cue.CART_ADD.test(folded) && cartContext && !cue.COMPARE.test(folded) && !onlyModels) {
    const t = targets.length
      ? targets
      : focusTarget
        ? [focusTarget]
        : shown[0]
          ? [{ kind: 'product' as const, id: shown[0].id }]
          : [];
    return done({ kind: 'cart', action: 'add', targets: t, quantity });
  }
  if (cue.CART_VIEW.test(folded)) return done({ kind: 'cart', action: 'view', targets: [], quantity: null });
  if (cue.CHECKOUT.test(folded)) return done({ kind: 'checkout' });
  // Right after a cart change, "y la primera también" / "the second one too" does it again.
  const repeat = afterCart && state.lastAction && state.lastAction !== 'set';
  if (repeat && targets.length && (cue.ALSO.test(folded) || cue.CONTINUES.test(folded)) && !cue.COMPARE.test(folded)) {
    return done({ kind: 'cart', action: state.lastAction!, targets, quantity });
  }

  // Comparisons: "compara las dos primeras", "RTX 4070 SUPER vs RX 7800 XT", "¿la 4070 o la 7800 XT?".
  const twoModels = refs.models.length >= 2 && cue.ALTERNATIVE.test(folded) && cue.QUESTION.test(folded);
  if (cue.COMPARE.test(folded) || twoModels) {
    if (targets.length >= 2) return done({ kind: 'compare', targets: targets.slice(0, 4) });
    if (targets.length === 1 && focusTarget && JSON.stringify(targets[0]) !== JSON.stringify(focusTarget)) {
      return done({ kind: 'compare', targets: [focusTarget, targets[0]!] });
    }
    if (shown.length >= 2 && (targets.length === 0 || refs.amongShown)) {
      return done({ kind: 'compare', targets: shown.slice(0, 3).map((p) => ({ kind: 'product', id: p.id })) });
    }
  }

  const superlative = superlativeOf(folded);
  const relative = relativeAsk(folded, superlative, parsed);
  const wholeCatalog = cue.WHOLE_CATALOG.test(folded);

  // "¿cuál de esas tiene más VRAM?": rank the cards shown.
  const whichQuestion = /\b(?:cual|cuales|which)\b/.test(folded) && !cue.GPU_NOUN.test(folded);
  if (superlative && shown.length > 1 && !wholeCatalog && (refs.amongShown || (whichQuestion && !hasSlots(parsed)))) {
    return done({ kind: 'rank-shown', sort: superlative, ids: shown.map((p) => p.id) });
  }

  // A question about one card: "¿cuánto consume la primera?", "does it fit a 300 mm case?",
  // "¿qué fuente necesito para una RTX 4090?", "háblame de la segunda", "tell me about #2".
  const topic = cue.TOPICS.find(([, re]) => re.test(folded))?.[0] ?? null;
  const hardware: Hardware = { psuWatts: parsed.psuWatts, caseMaxLengthMm: parsed.caseMaxLengthMm };
  const single = targets.length === 1 ? targets[0]! : null;
  const searchLike = cue.GPU_NOUN.test(folded) && (hasSlots(parsed) || cue.REQUEST_VERB.test(folded));
  const question = cue.QUESTION.test(folded);
  // A model by name that is not on screen ("rtx 4060 options?", "got any RX 7900 XTX in
  // stock?", "tarjetas RTX 5070") is a search for its variants, unless the message asks a
  // specific spec of it ("¿cuánto consume la RTX 4090?", "does an RTX 4090 fit 300 mm?").
  const SPEC_TOPICS: cue.ProductTopic[] = ['power', 'psu', 'length', 'connectors', 'outputs', 'vram'];
  const asksForModel = single?.kind === 'model' && !(topic && SPEC_TOPICS.includes(topic));
  // A card pointed at in a question is asked about, even if the question carries hardware
  // ("would the 2nd one work with a 650 W PSU?").
  const aboutOne = single !== null && !asksForModel && question && !superlative && !relative;
  if (aboutOne) return done({ kind: 'question', topic: topic ?? 'specs', target: single, hardware });
  if (!superlative && !relative && !searchLike && !asksForModel) {
    // A card named or pointed at, and nothing else asked: it is about that card.
    if (single && (topic || question || !hasSlots(parsed) || words <= 4)) {
      return done({ kind: 'question', topic: topic ?? 'specs', target: single, hardware });
    }
    // "¿y qué conectores usa?", "how long is it?": the card in focus. A slot without a
    // question mark ("que entre en 300 mm") is a refinement instead.
    if (!single && focusTarget && topic && refs.models.length === 0 && (question || !hasSlots(parsed))) {
      return done({ kind: 'question', topic, target: focusTarget, hardware });
    }
    // Several cards pointed at, nothing else asked: put them side by side.
    if (targets.length >= 2 && !hasSlots(parsed)) return done({ kind: 'compare', targets: targets.slice(0, 4) });
  }

  // "all the variants of that model": the model of the card in focus, by name.
  const focusCard = shown.find((p) => p.id === state.focus) ?? shown[0];
  if (cue.SAME_MODEL.test(folded) && focusCard && parsed.models.length === 0) {
    const model = modelOf(focusCard.name);
    if (model !== focusCard.name) parsed.models = [toNamedModel(model)];
  }

  // Otherwise a search: a new request, or a refinement of the one in force.
  const prev = toQueryConstraints(state.constraints, language);
  const slots = hasSlots(parsed) || parsed.models.length > 0;
  if (!slots && !superlative && !relative) {
    if (cue.STORE_INFO.test(folded)) return done({ kind: 'smalltalk', what: 'store-info' });
    const vague =
      cue.REQUEST_VERB.test(folded) ||
      cue.GPU_NOUN.test(folded) ||
      cue.CHEAP.test(folded) ||
      (state.lastKind === 'clarify' && cue.VAGUE_REPLY.test(folded));
    // Out of scope only when nothing at all ties the message to GPUs, the store or the
    // conversation (no domain word, no card referred to, no question about a spec).
    const related = vague || cue.DOMAIN.test(folded) || topic !== null || targets.length > 0 || refs.demonstrative;
    // A short reply to our question ("pues no sé", "whatever") is an answer, not a new topic.
    const repliesToQuestion = state.lastKind === 'clarify' && words <= 6 && !cue.QUESTION.test(folded);
    if (!related && !repliesToQuestion && words >= 2) return done({ kind: 'out-of-scope' });
    if (!cue.CHEAP.test(folded)) {
      return done(state.lastKind === 'clarify' ? { kind: 'picks' } : { kind: 'clarify' });
    }
  }

  const continues = cue.CONTINUES.test(folded) || relative !== null;
  const startsOver = cue.STARTS_OVER.test(folded) || wholeCatalog;
  const hadRequest = state.query !== null || state.shown.length > 0;
  const statesNeed = parsed.useCases.length > 0 || (cue.REQUEST_VERB.test(folded) && cue.GPU_NOUN.test(folded));
  // After a clarifying question, the reply is the request itself.
  const answersQuestion = state.lastKind === 'clarify';
  const mode: 'new' | 'refine' =
    !hadRequest || startsOver || answersQuestion
      ? 'new'
      : continues
        ? 'refine'
        : statesNeed || parsed.models.length
          ? 'new'
          : 'refine';

  // "también para 4K": the new use joins the ones in force instead of replacing them.
  if (mode === 'refine' && cue.ALSO.test(folded) && parsed.useCases.length) {
    parsed.useCases = [...new Set([...prev.useCases, ...parsed.useCases])];
  }
  let constraints =
    mode === 'refine'
      ? mergeConstraints(prev, parsed)
      : freshConstraints(wholeCatalog ? emptyConstraints(language) : prev, parsed);
  let anchor: Gpu | null = null;
  if (relative && mode === 'refine' && shown[0]) {
    const applied = applyRelative(constraints, relative, shown[0]);
    if (applied) {
      constraints = applied;
      anchor = shown[0];
    }
  }
  const query =
    mode === 'new'
      ? message
      : parsed.useCases.length
        ? `${message} ${state.query ?? ''}`.trim()
        : (state.query ?? message);
  // A sort carries over only into the next refinement of the list it ordered.
  let sort: SearchSort | null = superlative ?? (mode === 'refine' && state.lastKind === 'search' ? state.sort : null);
  if (!sort && !superlative && cue.CHEAP.test(folded) && constraints.budgetMax === null) sort = 'price';
  return done({ kind: 'search', mode, constraints, query, sort, relative: anchor ? relative : null, anchor });
}
