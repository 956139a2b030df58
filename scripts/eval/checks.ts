// Expectations for one turn of an evaluated conversation. Each check reads what the shopper
// saw (text, cards, comparison, cart action, follow-ups) and the live catalog, and returns
// null when it holds or a short reason when it does not. Nothing names a product id: the
// expected cards are computed from the catalog and from earlier turns.
import type { Brand, Cart, Gpu } from '@gpu/shared';
import type { TurnResult } from './harness.js';

export interface CheckContext {
  turn: TurnResult;
  /** Earlier turns of the same conversation, oldest first. */
  prev: TurnResult[];
  catalog: Gpu[];
  cart(): Promise<Cart | null>;
}
export type Check = (c: CheckContext) => string | null | Promise<string | null>;

const perf = (p: Gpu) => (typeof p.specs.perfIndex === 'number' ? p.specs.perfIndex : null);
const value = (p: Gpu) => {
  const f = perf(p);
  return f === null ? null : f / p.price;
};
const names = (ps: Gpu[]) => ps.map((p) => `${p.name} $${p.price}`).join('; ');
const lastPrev = (c: CheckContext) => c.prev.at(-1)!;

export const showsProducts =
  (min = 1): Check =>
  ({ turn }) =>
    turn.products.length >= min ? null : `expected at least ${min} products, got ${turn.products.length}`;

export const showsNoList: Check = ({ turn }) =>
  turn.products.length === 0 ? null : `expected no product list, got ${names(turn.products)}`;

export const asksBack: Check = ({ turn }) =>
  turn.products.length === 0 && /\?/.test(turn.text)
    ? null
    : `expected one question back, got "${turn.text.slice(0, 90)}"`;

export const everyProduct =
  (label: string, pred: (p: Gpu) => boolean): Check =>
  ({ turn }) => {
    if (!turn.products.length) return `no products to check (${label})`;
    const bad = turn.products.filter((p) => !pred(p));
    return bad.length ? `${label} fails for ${names(bad)}` : null;
  };

export const priceAtMost = (max: number) => everyProduct(`price <= ${max}`, (p) => p.price <= max + 1e-9);
export const priceBetween = (lo: number, hi: number) =>
  everyProduct(`${lo} <= price <= ${hi}`, (p) => p.price >= lo - 1e-9 && p.price <= hi + 1e-9);
export const vramAtLeast = (gb: number) => everyProduct(`VRAM >= ${gb}`, (p) => p.vramGb >= gb);
export const brandIs = (b: Brand) => everyProduct(`brand ${b}`, (p) => p.brand === b);
export const brandNot = (b: Brand) => everyProduct(`not ${b}`, (p) => p.brand !== b);
export const inStock = everyProduct('in stock', (p) => p.stock > 0);
export const lengthAtMost = (mm: number) =>
  everyProduct(`length <= ${mm} mm`, (p) => typeof p.specs.lengthMm === 'number' && p.specs.lengthMm <= mm);

/** "más barato": every card cheaper than the first card of the previous turn. */
export const cheaperThanPreviousFirst: Check = (c) => {
  const anchor = lastPrev(c).products[0];
  if (!anchor) return 'previous turn showed nothing';
  return everyProduct(`cheaper than ${anchor.name} ($${anchor.price})`, (p) => p.price < anchor.price)(c) as
    string | null;
};

/** "más potente": every card faster than the first card of the previous turn. */
export const fasterThanPreviousFirst: Check = (c) => {
  const anchor = lastPrev(c).products[0];
  const base = anchor ? perf(anchor) : null;
  if (!anchor || base === null) return 'previous first card has no performance figure';
  return everyProduct(`faster than ${anchor.name} (${base})`, (p) => (perf(p) ?? -1) > base)(c) as string | null;
};

/** "que consuma menos": every card drawing less than the previous first card. */
export const lessPowerThanPreviousFirst: Check = (c) => {
  const anchor = lastPrev(c).products[0];
  const w = anchor?.specs.boardPowerW;
  if (!anchor || typeof w !== 'number') return 'previous first card has no board power';
  return everyProduct(`under ${w} W`, (p) => typeof p.specs.boardPowerW === 'number' && p.specs.boardPowerW < w)(c) as
    string | null;
};

/** The first card is the extreme of `key` over `pool` (ties allowed). */
export const firstIsExtreme =
  (label: string, key: (p: Gpu) => number | null, dir: 'max' | 'min', pool: (c: CheckContext) => Gpu[]): Check =>
  (c) => {
    const first = c.turn.products[0];
    if (!first) return `no products (${label})`;
    const values = pool(c)
      .map(key)
      .filter((v): v is number => v !== null);
    if (!values.length) return `nothing to compare (${label})`;
    const best = dir === 'max' ? Math.max(...values) : Math.min(...values);
    const got = key(first);
    return got !== null && Math.abs(got - best) < 1e-9
      ? null
      : `${label}: first is ${first.name} (${got}), expected ${best}`;
  };

export const catalogWhere = (pred: (p: Gpu) => boolean) => (c: CheckContext) =>
  c.catalog.filter((p) => p.isActive && pred(p));
export const previousShown = (c: CheckContext) => lastPrev(c).products;

export const cheapestFirst = (pool: (c: CheckContext) => Gpu[]) =>
  firstIsExtreme('cheapest first', (p) => p.price, 'min', pool);
export const mostVramFirst = (pool: (c: CheckContext) => Gpu[]) =>
  firstIsExtreme('most VRAM first', (p) => p.vramGb, 'max', pool);
export const fastestFirst = (pool: (c: CheckContext) => Gpu[]) =>
  firstIsExtreme('most powerful first', perf, 'max', pool);
export const bestValueFirst = (pool: (c: CheckContext) => Gpu[]) =>
  firstIsExtreme('best value first', value, 'max', pool);

/** The answer names the card shown at `index` (1-based) in the previous turn. */
export const mentionsPrevious =
  (index: number): Check =>
  (c) => {
    const list = lastPrev(c).products;
    const p = index < 0 ? list.at(index) : list[index - 1];
    if (!p) return `previous turn had no card #${index}`;
    return c.turn.text.includes(p.name) ? null : `answer does not name #${index} ${p.name}`;
  };

/** The answer quotes a fact of the previous turn's card #index (e.g. its board power). */
export const quotesFactOfPrevious =
  (index: number, fact: (p: Gpu) => string | number | undefined, label: string): Check =>
  (c) => {
    const p = lastPrev(c).products[index - 1];
    const v = p ? fact(p) : undefined;
    if (v === undefined) return `card #${index} has no ${label}`;
    return c.turn.text.includes(String(v)) ? null : `answer lacks ${label} "${v}" of ${p!.name}`;
  };

export const comparesPrevious =
  (indexes: number[]): Check =>
  (c) => {
    const list = lastPrev(c).products;
    const want = indexes.map((i) => list[i - 1]?.id);
    const got = c.turn.comparison?.products.map((p) => p.id) ?? [];
    return JSON.stringify(got) === JSON.stringify(want)
      ? null
      : `compared ${got.length} cards, not #${indexes.join(', #')}`;
  };

/** A comparison whose cards include one of each model (matched in the product name). */
export const comparesModels =
  (patterns: RegExp[]): Check =>
  ({ turn }) => {
    const cmp = turn.comparison;
    if (!cmp) return 'no comparison table';
    const missing = patterns.filter((re) => !cmp.products.some((p) => re.test(p.name)));
    if (missing.length) return `comparison lacks ${missing.join(', ')} (has ${names(cmp.products)})`;
    return cmp.rows.length >= 4 ? null : 'comparison has too few rows';
  };

export const comparisonOf =
  (min: number, max: number): Check =>
  ({ turn }) => {
    const n = turn.comparison?.products.length ?? 0;
    return n >= min && n <= max ? null : `expected a comparison of ${min}-${max} cards, got ${n}`;
  };

export const cartAction =
  (o: {
    type: 'cart.add' | 'cart.set' | 'cart.remove';
    ok: boolean;
    code?: string;
    index?: number;
    quantity?: number;
  }): Check =>
  (c) => {
    const a = c.turn.actions[0];
    if (!a) return `no cart action (wanted ${o.type})`;
    if (a.type !== o.type || a.ok !== o.ok)
      return `action ${a.type} ok=${a.ok} ${a.code ?? ''}, wanted ${o.type} ok=${o.ok}`;
    if (o.code && a.code !== o.code) return `code ${a.code}, wanted ${o.code}`;
    if (o.quantity !== undefined && a.quantity !== o.quantity) return `quantity ${a.quantity}, wanted ${o.quantity}`;
    if (o.index !== undefined) {
      const p =
        lastPrev(c).products[o.index - 1] ?? c.prev.findLast((t) => t.products.length > 1)?.products[o.index - 1];
      if (!p || a.gpuId !== p.id) return `acted on another card than #${o.index}`;
    }
    return null;
  };

export const cartHolds =
  (expect: (cart: Cart, c: CheckContext) => string | null): Check =>
  async (c) => {
    const cart = await c.cart();
    if (!cart) return 'no cart (guest)';
    return expect(cart, c);
  };

export const textMatches =
  (re: RegExp, label = String(re)): Check =>
  ({ turn }) =>
    re.test(turn.text) ? null : `answer lacks ${label}: "${turn.text.slice(0, 100)}"`;

/** A short answer (an out-of-scope redirect, say): at most `max` characters of text. */
export const textAtMost =
  (max: number): Check =>
  ({ turn }) =>
    turn.text.length <= max ? null : `answer is ${turn.text.length} characters, wanted at most ${max}`;

export const linksCheckout = textMatches(/\]\(\/checkout\)/, 'a link to /checkout');
export const suggests: Check = ({ turn }) =>
  turn.suggestions.length >= 2 && turn.suggestions.length <= 4 ? null : `${turn.suggestions.length} follow-ups`;

const ES = /\b(?:de|la|el|para|tu|tus|con|es|una|las|los|que|del|por|más|carrito)\b/gi;
const EN = /\b(?:the|for|your|with|is|a|and|of|to|in|cart|more)\b/gi;
/** The answer is in the shopper's language (counted by common function words). */
export const inLanguage =
  (lang: 'es' | 'en'): Check =>
  ({ turn }) => {
    const es = (turn.text.match(ES) ?? []).length;
    const en = (turn.text.match(EN) ?? []).length;
    const ok = lang === 'es' ? es > en : en > es;
    return ok ? null : `answer not in ${lang} (es ${es}, en ${en})`;
  };

export const grounded: Check = ({ turn }) =>
  turn.done.grounding === undefined || turn.done.grounding.ok
    ? null
    : `grounding failed: ${JSON.stringify(turn.done.grounding).slice(0, 160)}`;

export const finished: Check = ({ turn }) =>
  turn.done.finishReason === 'stop' ? null : `finished ${turn.done.finishReason}`;
