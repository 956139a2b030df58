// The offline planner: no network, no key. It turns the understood turn into the same tool
// calls the LLM would make (search_products, get_products, compare_products,
// check_compatibility, the cart tools), writes the answer from their results in the
// shopper's language, and streams it word by word like a model would.
import type { Gpu, SearchProductsArgs, SearchSort } from '@gpu/shared';
import { abortableSleep } from '../../../platform/abortable-sleep.js';
import { nameIsModel } from '../../catalog/gpu-models.js';
import { composeAnswer } from '../answer/compose-answer.js';
import type { Target, Understood } from '../conversation/understand-turn.js';
import type { TurnKind } from '../conversation/state.js';
import { estimateTokens } from '../llm/provider.js';
import type { QueryConstraints } from '../query/constraints.js';
import { DEFAULT_SEARCH_LIMIT } from '../tools/search-products.js';
import { perfPer100 } from '../tools/comparison-rows.js';
import type { Planner, PlanOutcome, PlannerContext } from './planner.js';

export const OFFLINE_PROVIDER = 'offline';
export const OFFLINE_MODEL = 'offline-grounded-v2';

export interface OfflinePlannerOptions {
  /** Pause between streamed words; the whole answer streams within `streamBudgetMs`. */
  wordDelayMs?: number;
  streamBudgetMs?: number;
}

/** The search_products call for a set of constraints. */
export function searchArgs(
  c: QueryConstraints,
  query: string,
  sort: SearchSort | null,
  limit = DEFAULT_SEARCH_LIMIT,
): SearchProductsArgs {
  // The tool reads named models from the query text: make sure they are in it ("that model").
  const missing = c.models.map((m) => m.display).filter((d) => !query.toLowerCase().includes(d.toLowerCase()));
  const text = missing.length ? `${missing.join(' ')} ${query}` : query;
  const args: SearchProductsArgs = { query: text.slice(0, 200), limit };
  if (sort) args.sort = sort;
  if (c.budgetMax !== null) args.maxPrice = c.budgetMax;
  if (c.budgetMin !== null) args.minPrice = c.budgetMin;
  if (c.minVramGb !== null) args.minVramGb = c.minVramGb;
  if (c.brands.length) args.brands = [...c.brands];
  if (c.excludeBrands.length) args.excludeBrands = [...c.excludeBrands];
  // The most specific use: a resolution is more specific than plain "gaming".
  if (c.useCases.length) args.useCase = c.useCases[0];
  if (c.inStockOnly) args.inStockOnly = true;
  if (c.maxBoardPowerW !== null) args.maxBoardPowerW = c.maxBoardPowerW;
  if (c.minPerfIndex !== null) args.minPerfIndex = c.minPerfIndex;
  if (c.caseMaxLengthMm !== null) args.maxLengthMm = c.caseMaxLengthMm;
  if (c.psuWatts !== null) args.psuWatts = c.psuWatts;
  return args;
}

const KIND_OF: Record<Understood['kind'], TurnKind> = {
  search: 'search',
  'rank-shown': 'search',
  picks: 'search',
  compare: 'compare',
  question: 'question',
  cart: 'cart',
  checkout: 'checkout',
  clarify: 'clarify',
  smalltalk: 'smalltalk',
  'out-of-scope': 'out-of-scope',
};

const sortValue: Record<Exclude<SearchSort, 'relevance'>, (p: Gpu) => number> = {
  price: (p) => -p.price,
  '-price': (p) => p.price,
  '-vramGb': (p) => p.vramGb * 1000 + (typeof p.specs.perfIndex === 'number' ? p.specs.perfIndex : 0),
  '-performance': (p) => (typeof p.specs.perfIndex === 'number' ? p.specs.perfIndex : -1),
  '-value': (p) => perfPer100(p) ?? -1,
  power: (p) => (typeof p.specs.boardPowerW === 'number' ? -p.specs.boardPowerW : -Infinity),
};

export class OfflinePlanner implements Planner {
  readonly name = OFFLINE_PROVIDER;
  readonly model = OFFLINE_MODEL;

  constructor(private readonly opts: OfflinePlannerOptions = {}) {}

  /** A product id for a target: one shown, or the catalog's best match for a model name. */
  private async resolve(ctx: PlannerContext, target: Target): Promise<string | null> {
    if (target.kind === 'product') return target.id;
    const shown = ctx.shown.find((p) => nameIsModel(p.name, target.model));
    if (shown) return shown.id;
    const found = await ctx.call('search_products', { query: target.model, limit: 1 });
    const p = found.result.ok ? found.result.effects.products?.[0] : undefined;
    return p && nameIsModel(p.name, target.model) ? p.id : null;
  }

  private async run(ctx: PlannerContext, u: Understood): Promise<void> {
    switch (u.kind) {
      case 'search': {
        const found = await ctx.call('search_products', searchArgs(u.constraints, u.query, u.sort));
        const top = found.result.ok ? (found.result.effects.products ?? []).slice(0, 3) : [];
        const c = u.constraints;
        // The shopper's hardware came up in this message: check the top picks against it.
        const before = ctx.state.constraints;
        const hardwareNow =
          (c.psuWatts !== null && c.psuWatts !== before.psuWatts) ||
          (c.caseMaxLengthMm !== null && c.caseMaxLengthMm !== before.caseMaxLengthMm);
        if (hardwareNow) {
          for (const p of top) {
            await ctx.call('check_compatibility', {
              id: p.id,
              ...(c.psuWatts !== null ? { psuWatts: c.psuWatts } : {}),
              ...(c.caseMaxLengthMm !== null ? { caseMaxLengthMm: c.caseMaxLengthMm } : {}),
            });
          }
          ctx.events.setProducts(found.result.ok ? (found.result.effects.products ?? []) : []);
        }
        return;
      }
      case 'picks':
        await ctx.call('search_products', { sort: '-value', inStockOnly: true, limit: DEFAULT_SEARCH_LIMIT });
        return;
      case 'rank-shown': {
        const got = await ctx.call('get_products', { ids: u.ids });
        if (!got.result.ok) return;
        const key = u.sort === 'relevance' ? sortValue['-performance'] : sortValue[u.sort];
        const ranked = [...(got.result.effects.products ?? [])].sort((a, b) => key(b) - key(a));
        ctx.events.setProducts(ranked);
        return;
      }
      case 'compare': {
        const ids: string[] = [];
        for (const t of u.targets) {
          const id = await this.resolve(ctx, t);
          if (id && !ids.includes(id)) ids.push(id);
        }
        if (ids.length >= 2) {
          await ctx.call('compare_products', { ids: ids.slice(0, 4) });
          return;
        }
        ctx.events.setProducts([]);
        return;
      }
      case 'question': {
        const id = await this.resolve(ctx, u.target);
        ctx.events.setProducts([]);
        if (!id) return;
        const hw = {
          psuWatts: u.hardware.psuWatts ?? ctx.state.constraints.psuWatts,
          caseMaxLengthMm: u.hardware.caseMaxLengthMm ?? ctx.state.constraints.caseMaxLengthMm,
        };
        const wantsFit = u.topic === 'psu' || u.topic === 'length' || u.topic === 'specs';
        if (wantsFit && (hw.psuWatts !== null || hw.caseMaxLengthMm !== null)) {
          await ctx.call('check_compatibility', {
            id,
            ...(hw.psuWatts !== null ? { psuWatts: hw.psuWatts } : {}),
            ...(hw.caseMaxLengthMm !== null ? { caseMaxLengthMm: hw.caseMaxLengthMm } : {}),
          });
        } else {
          await ctx.call('get_products', { ids: [id] });
        }
        return;
      }
      case 'cart':
        return this.cart(ctx, u);
      case 'checkout':
        await ctx.call('view_cart', {});
        return;
      default:
        return;
    }
  }

  private async cart(ctx: PlannerContext, u: Extract<Understood, { kind: 'cart' }>): Promise<void> {
    ctx.events.setProducts([]);
    if (u.action === 'view') {
      await ctx.call('view_cart', {});
      return;
    }
    let ids: string[] = [];
    for (const t of u.targets) {
      const id = await this.resolve(ctx, t);
      if (id) ids.push(id);
    }
    if (!ids.length && u.action !== 'add') {
      // "quítala del carrito" with nothing shown: a single cart line is unambiguous.
      const cart = await ctx.call('view_cart', {});
      const items = cart.result.ok ? (cart.result.effects.cart?.items ?? []) : [];
      if (items.length === 1) ids = [items[0]!.gpuId];
    }
    for (const id of ids.slice(0, 4)) {
      if (u.action === 'add') await ctx.call('add_to_cart', { id, ...(u.quantity ? { quantity: u.quantity } : {}) });
      else if (u.action === 'set') await ctx.call('set_cart_quantity', { id, quantity: u.quantity ?? 1 });
      else await ctx.call('remove_from_cart', { id });
    }
  }

  async plan(ctx: PlannerContext): Promise<PlanOutcome> {
    const { understood } = ctx.understanding;
    await this.run(ctx, understood);
    const text = composeAnswer({
      language: ctx.language,
      understood,
      calls: ctx.calls,
      products: ctx.events.record.products,
      constraints: understood.kind === 'search' ? understood.constraints : null,
      signedIn: ctx.actor.kind === 'user',
    });
    await this.stream(text, ctx);
    return {
      // A greeting ends with a question ("¿Qué estás buscando?"): the next vague reply gets picks.
      kind: understood.kind === 'smalltalk' && understood.what === 'greeting' ? 'clarify' : KIND_OF[understood.kind],
      usage: { promptTokens: estimateTokens(ctx.message), completionTokens: estimateTokens(text), estimated: true },
      servedBy: { provider: this.name, model: this.model },
      truncated: false,
      rounds: 0,
    };
  }

  /** Words with their trailing whitespace, so the chunks concatenate to the text. */
  private async stream(text: string, ctx: PlannerContext): Promise<void> {
    const words = text.match(/\S+\s*/g) ?? [];
    const budget = this.opts.streamBudgetMs ?? 150;
    const delay = Math.min(this.opts.wordDelayMs ?? 8, words.length ? budget / words.length : 0);
    for (const word of words) {
      if (delay >= 1) await abortableSleep(delay, ctx.signal);
      else if (ctx.signal.aborted) throw ctx.signal.reason;
      ctx.events.text(word);
    }
  }
}
