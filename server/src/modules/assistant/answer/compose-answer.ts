// The offline answer, written from the turn's tool results alone (exact names and prices),
// in the shopper's language. It also closes an LLM turn that could not finish (no planner
// understanding then: the results say what happened). Every product and price it quotes
// comes from a tool result, so the grounding check holds by construction.
import type { Gpu, SearchSort } from '@gpu/shared';
import type { CompatibilityResult } from '../../catalog/compatibility.js';
import type { Understood } from '../conversation/understand-turn.js';
import type { ExecutedCall } from '../tools/registry.js';
import { perfPer100 } from '../tools/comparison-rows.js';
import { effectsOf, type ComposeInput } from './compose-input.js';
import { composeCart } from './compose-cart.js';
import { composeQuestion } from './compose-question.js';
import { bold, phrases, price, type Phrases } from './phrases.js';
import { compatibilityLines, describeRequest, MAX_PICKS, pickLine } from './product-lines.js';

const compatibilityOf = (calls: ExecutedCall[]): CompatibilityResult[] =>
  effectsOf(calls, 'check_compatibility').flatMap((e) => (e.compatibility ? [e.compatibility] : []));

function composeSearch(input: ComposeInput, t: Phrases): string {
  const u = input.understood?.kind === 'search' ? input.understood : null;
  const search = effectsOf(input.calls, 'search_products').at(-1)?.search;
  const products = input.products;
  const c = input.constraints;
  const out: string[] = [];
  if (search?.missingModels.length) out.push(t.missingModel(search.missingModels.join(', ')));
  if (!products.length) return [...out, t.noResults].join('\n');
  const overBudget = Boolean(search?.overBudget);
  const what = c ? describeRequest(c, t) : '';
  const sort: SearchSort | null = u?.sort ?? null;
  if (overBudget && search?.budget != null) out.push(t.nothingInBudget(search.budget));
  else if (sort && sort !== 'relevance') {
    const first = products[0]!;
    out.push(t.sortedFirst[sort](what, bold(first.name), price(first.price), first.vramGb));
  } else if (u?.relative && u.anchor) {
    const a = u.anchor;
    const r = t.relative;
    out.push(
      u.relative === 'cheaper'
        ? r.cheaper(a.name, price(a.price))
        : u.relative === 'more-powerful'
          ? r['more-powerful'](a.name)
          : u.relative === 'less-power'
            ? r['less-power'](a.name, a.specs.boardPowerW ?? null)
            : u.relative === 'more-vram'
              ? r['more-vram'](a.name, a.vramGb)
              : r.smaller(a.name, a.specs.lengthMm ?? null),
    );
  } else out.push(t.picksFor(what));
  const compat = compatibilityOf(input.calls);
  products.slice(0, MAX_PICKS).forEach((p, i) => {
    out.push(pickLine(i, p, c, t, overBudget));
    const r = compat.find((x) => x.gpuId === p.id);
    for (const line of r ? compatibilityLines(r, t) : []) out.push(`   - ${line}`);
  });
  out.push(t.closing);
  return out.join('\n');
}

function composeRanking(input: ComposeInput, sort: SearchSort, t: Phrases): string {
  const [first, ...rest] = input.products;
  if (!first) return t.noResults;
  const s = sort === 'relevance' ? '-performance' : sort;
  const out = [t.rankShown[s](bold(first.name), price(first.price), first.vramGb)];
  if (rest.length) {
    out.push(t.rankedOrder);
    input.products.slice(0, 4).forEach((p, i) => out.push(pickLine(i, p, null, t, false)));
  }
  return out.join('\n');
}

function composeComparison(input: ComposeInput, t: Phrases): string {
  const cmp = effectsOf(input.calls, 'compare_products').at(-1)?.comparison;
  if (!cmp) return t.compareNeedTwo;
  const ps = cmp.products;
  const best = <T>(score: (p: Gpu) => T | null, better: (a: T, b: T) => boolean) => {
    let winner: Gpu | null = null;
    let value: T | null = null;
    for (const p of ps) {
      const v = score(p);
      if (v === null) continue;
      if (value === null || better(v, value)) [winner, value] = [p, v];
    }
    const distinct = new Set(ps.map((p) => JSON.stringify(score(p)))).size > 1;
    return winner && value !== null && distinct ? { p: winner, v: value } : null;
  };
  const out = [t.compareIntro(ps.map((p) => p.name).join(' / '))];
  const cheap = best(
    (p) => p.price,
    (a, b) => a < b,
  );
  if (cheap) out.push(`- ${t.compareCheapest(bold(cheap.p.name), price(cheap.p.price))}`);
  const vram = best(
    (p) => p.vramGb,
    (a, b) => a > b,
  );
  if (vram) out.push(`- ${t.compareVram(bold(vram.p.name), vram.v)}`);
  const fast = best(
    (p) => (typeof p.specs.perfIndex === 'number' ? p.specs.perfIndex : null),
    (a, b) => a > b,
  );
  if (fast) out.push(`- ${t.compareFastest(bold(fast.p.name), fast.v)}`);
  const value = best(perfPer100, (a, b) => a > b);
  if (value) out.push(`- ${t.compareValue(bold(value.p.name))}`);
  const power = best(
    (p) => (typeof p.specs.boardPowerW === 'number' ? p.specs.boardPowerW : null),
    (a, b) => a < b,
  );
  if (power) out.push(`- ${t.compareLeastPower(bold(power.p.name), power.v)}`);
  return out.join('\n');
}

/** Which kind of answer the results call for when no understanding is at hand (an LLM turn). */
function inferKind(calls: ExecutedCall[]): Understood['kind'] {
  if (effectsOf(calls).some((e) => e.action)) return 'cart';
  if (effectsOf(calls, 'view_cart').length) return 'cart';
  if (effectsOf(calls, 'compare_products').length) return 'compare';
  if (effectsOf(calls, 'search_products').length) return 'search';
  if (effectsOf(calls).some((e) => e.products?.length)) return 'rank-shown';
  return 'clarify';
}

export function composeAnswer(input: ComposeInput): string {
  const t = phrases[input.language];
  const u = input.understood;
  const kind = u?.kind ?? inferKind(input.calls);
  switch (kind) {
    case 'search':
    case 'picks':
      return kind === 'picks' && input.products.length
        ? [
            t.picksIntro,
            ...input.products.slice(0, MAX_PICKS).map((p, i) => pickLine(i, p, null, t, false)),
            t.closing,
          ].join('\n')
        : composeSearch(input, t);
    case 'rank-shown':
      return composeRanking(input, u?.kind === 'rank-shown' ? u.sort : '-performance', t);
    case 'compare':
      return composeComparison(input, t);
    case 'question':
      return composeQuestion(input, u?.kind === 'question' ? u : null, t);
    case 'cart':
    case 'checkout':
      return composeCart(input, u?.kind === 'cart' || u?.kind === 'checkout' ? u : null, t);
    case 'clarify':
      return t.clarify;
    case 'smalltalk':
      return u?.kind === 'smalltalk'
        ? u.what === 'greeting'
          ? t.greeting
          : u.what === 'thanks'
            ? t.thanks
            : t.storeInfo
        : t.greeting;
    case 'out-of-scope':
      return t.outOfScope;
  }
}
