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

// ---------------------------------------------------------------------------------------
// Helpers for cards picked from a named earlier turn (fresh set). A `Pick` names the card a
// shopper points at; it is computed from what that turn showed, never from an id.

/** What a turn showed: the compared cards when it compared, else its product list. */
export const shownBy = (t: TurnResult): Gpu[] => (t.comparison?.products.length ? t.comparison.products : t.products);
export const perfOf = perf;

export type Pick = (c: CheckContext) => Gpu | undefined;

/** Card #index (1-based; negative counts from the end) shown at turn `turn` (1-based). */
export const card =
  (turn: number, index: number): Pick =>
  (c) => {
    const t = c.prev[turn - 1];
    if (!t) return undefined;
    const list = shownBy(t);
    return index < 0 ? list.at(index) : list[index - 1];
  };

/** The first card shown at turn `turn` whose name matches `re`. */
export const cardMatching =
  (turn: number, re: RegExp): Pick =>
  (c) => {
    const t = c.prev[turn - 1];
    return t ? shownBy(t).find((p) => re.test(p.name)) : undefined;
  };

/** Among the cards shown at turn `turn`, the first with the extreme `key`. */
export const cardExtreme =
  (turn: number, key: (p: Gpu) => number | null, dir: 'max' | 'min'): Pick =>
  (c) => {
    const t = c.prev[turn - 1];
    if (!t) return undefined;
    let best: Gpu | undefined;
    for (const p of shownBy(t)) {
      const v = key(p);
      if (v === null) continue;
      const b = best ? key(best)! : null;
      if (b === null || (dir === 'max' ? v > b : v < b)) best = p;
    }
    return best;
  };

/** The card shown at turn `turn` that is not `other` (for "the other one" after two cards). */
export const cardOtherThan =
  (turn: number, other: Pick): Pick =>
  (c) => {
    const t = c.prev[turn - 1];
    const o = other(c);
    return t && o ? shownBy(t).find((p) => p.id !== o.id) : undefined;
  };

/** The active catalog card whose name matches `re` (the first, by price). */
export const catalogCard =
  (re: RegExp): Pick =>
  (c) =>
    c.catalog.filter((p) => p.isActive && re.test(p.name)).sort((a, b) => a.price - b.price)[0];

export const nameMatches = (re: RegExp) => everyProduct(`name ~ ${re}`, (p) => re.test(p.name));
export const powerAtMost = (w: number) =>
  everyProduct(`board power <= ${w} W`, (p) => typeof p.specs.boardPowerW === 'number' && p.specs.boardPowerW <= w);

/** Every card shown is one of the cards the previous turn showed ("de esas", "of those"). */
export const onlyFromPrevious: Check = (c) => {
  const ids = new Set(shownBy(lastPrev(c)).map((p) => p.id));
  return everyProduct('one of the cards shown before', (p) => ids.has(p.id))(c) as string | null;
};

/**
 * A relative ask ("cheaper", "more powerful", "uses less") against the previous first card,
 * with the constraints still in force (`keep`). When the catalog holds no card that is both
 * better and within `keep`, nothing can satisfy it and the turn is not judged on it.
 */
export const relativeIfPossible =
  (
    kind: 'cheaper' | 'faster' | 'lessPower',
    keepLabel = 'constraints kept',
    keep: (p: Gpu) => boolean = () => true,
  ): Check =>
  async (c) => {
    const anchor = lastPrev(c).products[0];
    if (!anchor) return 'previous turn showed nothing';
    const w = (p: Gpu) => (typeof p.specs.boardPowerW === 'number' ? p.specs.boardPowerW : null);
    const better = {
      cheaper: (p: Gpu) => p.price < anchor.price,
      faster: (p: Gpu) => perf(anchor) !== null && (perf(p) ?? -1) > perf(anchor)!,
      lessPower: (p: Gpu) => w(anchor) !== null && (w(p) ?? Infinity) < w(anchor)!,
    }[kind];
    if (!c.catalog.some((p) => p.isActive && keep(p) && better(p))) return null;
    const rel = {
      cheaper: cheaperThanPreviousFirst,
      faster: fasterThanPreviousFirst,
      lessPower: lessPowerThanPreviousFirst,
    }[kind];
    return (await rel(c)) ?? (await everyProduct(keepLabel, keep)(c));
  };

/** The answer names the picked card. */
export const mentionsCard =
  (pick: Pick, label = 'the card referred to'): Check =>
  (c) => {
    const p = pick(c);
    if (!p) return `${label} was not shown`;
    return c.turn.text.includes(p.name) ? null : `answer does not name ${label}, ${p.name}`;
  };

/** The answer quotes a fact of the picked card (its board power, say). */
export const quotesFact =
  (pick: Pick, fact: (p: Gpu) => string | number | undefined, label: string): Check =>
  (c) => {
    const p = pick(c);
    if (!p) return `the card asked about (${label}) was not shown`;
    const v = fact(p);
    if (v === undefined) return `${p.name} has no ${label}`;
    return c.turn.text.includes(String(v)) ? null : `answer lacks ${label} "${v}" of ${p.name}`;
  };

export const boardPower = (p: Gpu) => p.specs.boardPowerW as number | undefined;
export const recommendedPsu = (p: Gpu) => p.specs.recommendedPsuW as number | undefined;
export const lengthMm = (p: Gpu) => p.specs.lengthMm as number | undefined;

/** The answer states the picked card's power connectors (each pin type, or that it needs none). */
export const statesConnectors =
  (pick: Pick): Check =>
  (c) => {
    const p = pick(c);
    if (!p) return 'the card asked about was not shown';
    const s = String(p.specs.powerConnectors ?? '');
    const res = /none|slot/i.test(s)
      ? [
          /slot|ranura|sin conector|ning[uú]n conector|no (?:necesita|requiere|lleva|tiene|usa)|doesn'?t need|does not need|no (?:external|extra|additional|separate)|none|no power connector/i,
        ]
      : [...s.matchAll(/(\d+)-pin/g)].map((m) =>
          m[1] === '16' ? /16[- ]?pin|12VHPWR|12V-2x6/i : new RegExp(`${m[1]}[- ]?(?:pin|pines)`, 'i'),
        );
    const missing = res.filter((re) => !re.test(c.turn.text));
    return missing.length ? `answer does not state the connectors "${s}" of ${p.name}` : null;
  };

/** The answer states the picked card's display outputs (count and type of each). */
export const statesOutputs =
  (pick: Pick): Check =>
  (c) => {
    const p = pick(c);
    if (!p) return 'the card asked about was not shown';
    const s = String(p.specs.outputs ?? '');
    const kinds: [RegExp, string][] = [
      [/mini-DP/i, 'mini-?DP|mini[- ]DisplayPort'],
      [/(?<!mini-)DP/i, '(?<!mini-)(?:DP|DisplayPort|Display Port)'],
      [/HDMI/i, 'HDMI'],
      [/DVI/i, 'DVI'],
    ];
    const missing: string[] = [];
    for (const part of s.split(',').map((x) => x.trim())) {
      const n = /^(\d+)x/.exec(part)?.[1];
      const kind = kinds.find(([re]) => re.test(part));
      if (!n || !kind) continue;
      if (!new RegExp(`${n}\\s*x?\\s*(?:${kind[1]})`, 'i').test(c.turn.text)) missing.push(part);
    }
    return missing.length ? `answer does not state outputs ${missing.join(', ')} of ${p.name}` : null;
  };

const NO_FIT =
  /\bno\s+(?:te\s+|le\s+|lo\s+|la\s+)?(?:cabe|cabr[ií]a|entra|entrar[ií]a|quepa|fits?|will fit|would fit)\b|won'?t fit|wouldn'?t fit|doesn'?t fit|does not fit|will not fit|would not fit|too (?:long|big|large)|demasiado (?:larga|largo|grande)|excede|exceeds/i;
const NO_PSU =
  /\bno\s+(?:te\s+|le\s+)?(?:alcanza|alcanzar[ií]a|basta|bastar[ií]a|es suficiente|ser[ií]a suficiente|llega)\b|not enough|isn'?t enough|is not enough|won'?t be enough|wouldn'?t be enough|would not be enough|insufficient|insuficiente|se queda corta|queda corta|too (?:weak|small)|falls short|below the recommended|por debajo de(?:l| la| lo)? recomendad|\b(?:tight|marginal|borderline|cutting it close|justa|justo|al l[ií]mite)\b/i;

/**
 * A fit question about the picked card ("will it fit a 300 mm case", "is a 650 W PSU
 * enough"): the answer quotes the card's figure and gives the right verdict (a "no" phrasing
 * exactly when it does not fit). The recommended PSU has headroom built in, so below it a
 * hedged verdict ("tight", "va justa") counts as saying so.
 */
export const fitVerdict =
  (pick: Pick, o: { caseMm: number } | { psuW: number }): Check =>
  (c) => {
    const p = pick(c);
    if (!p) return 'the card asked about was not shown';
    const isCase = 'caseMm' in o;
    const figure = isCase ? lengthMm(p) : recommendedPsu(p);
    if (figure === undefined) return `${p.name} has no ${isCase ? 'length' : 'recommended PSU'}`;
    const limit = isCase ? o.caseMm : o.psuW;
    const fits = isCase ? figure <= limit : figure <= limit;
    if (!c.turn.text.includes(String(figure)))
      return `answer lacks ${isCase ? 'the length' : 'the recommended PSU'} ${figure} of ${p.name}`;
    const saysNo = (isCase ? NO_FIT : NO_PSU).test(c.turn.text);
    if (fits && saysNo) return `${p.name} (${figure}) fits ${limit} but the answer says no`;
    if (!fits && !saysNo) return `${p.name} (${figure}) does not fit ${limit} but the answer does not say so`;
    return null;
  };

/** The answer picks the extreme card of `pool`: shown first, or named in the text. */
export const picksExtreme =
  (label: string, key: (p: Gpu) => number | null, dir: 'max' | 'min', pool: (c: CheckContext) => Gpu[]): Check =>
  (c) => {
    const ps = pool(c);
    const values = ps.map(key).filter((v): v is number => v !== null);
    if (!values.length) return `nothing to compare (${label})`;
    const best = dir === 'max' ? Math.max(...values) : Math.min(...values);
    const winners = ps.filter((p) => key(p) !== null && Math.abs(key(p)! - best) < 1e-9);
    const first = c.turn.products[0];
    if (first && winners.some((w) => w.id === first.id)) return null;
    if (winners.some((w) => c.turn.text.includes(w.name))) return null;
    return `${label}: expected ${winners.map((w) => w.name).join(' or ')}`;
  };

/** A comparison of exactly the picked cards (any order). */
export const comparesCards =
  (picks: Pick[]): Check =>
  (c) => {
    const want = picks.map((p) => p(c));
    if (want.some((p) => !p)) return 'a card to compare was not shown before';
    const got = c.turn.comparison?.products.map((p) => p.id).sort() ?? [];
    const ids = want.map((p) => p!.id).sort();
    return JSON.stringify(got) === JSON.stringify(ids)
      ? null
      : `compared ${got.length} cards, not ${want.map((p) => p!.name).join(' + ')}`;
  };

const OUT_OF_STOCK =
  /out of stock|sold out|no stock|not in stock|unavailable|agotad|sin stock|sin existencias|no hay (?:stock|unidades|existencias)|no (?:nos )?quedan|no tenemos (?:stock|unidades)|no disponible|not available/i;

/**
 * A cart action on the picked card. It must act on that card; when the card has the stock
 * for the quantity, the action is `type` (or one of `types`) and succeeds; when not, it is
 * refused with `out_of_stock` (or no action and the answer says it is out of stock).
 */
export const cartActs =
  (
    pick: Pick,
    o: { type: 'cart.add' | 'cart.set' | 'cart.remove'; also?: ('cart.add' | 'cart.set')[]; quantity?: number },
  ): Check =>
  (c) => {
    const p = pick(c);
    if (!p) return `the card to ${o.type} was not shown`;
    const live = c.catalog.find((g) => g.id === p.id) ?? p;
    const need = o.quantity ?? 1;
    const enough = o.type === 'cart.remove' || live.stock >= need;
    const a = c.turn.actions.find((x) => x.gpuId === p.id) ?? c.turn.actions[0];
    if (!enough) {
      if (!a) return OUT_OF_STOCK.test(c.turn.text) ? null : `${p.name} has ${live.stock} in stock: expected a refusal`;
      return !a.ok && (a.code === 'out_of_stock' || a.code === undefined)
        ? null
        : `${p.name} has ${live.stock} in stock, but action ${a.type} ok=${a.ok} ${a.code ?? ''}`;
    }
    if (!a) return `no cart action (wanted ${o.type} of ${p.name})`;
    if (a.gpuId !== p.id) {
      const other = c.catalog.find((g) => g.id === a.gpuId);
      return `acted on ${other?.name ?? a.gpuId}, not on ${p.name}`;
    }
    const types = [o.type, ...(o.also ?? [])];
    if (!types.includes(a.type) || !a.ok)
      return `action ${a.type} ok=${a.ok} ${a.code ?? ''}, wanted ${types.join('/')} ok`;
    return null;
  };

/** After the turn the cart holds the picked card with `quantity` (or less, when stock is short). */
export const cartHasCard =
  (pick: Pick, quantity = 1): Check =>
  (c) => {
    const p = pick(c);
    if (!p) return 'the card was not shown';
    const live = c.catalog.find((g) => g.id === p.id) ?? p;
    return cartHolds((cart) => {
      const line = cart.items.find((i) => i.gpuId === p.id);
      if (live.stock >= quantity)
        return line?.quantity === quantity ? null : `cart has ${line?.quantity ?? 0} of ${p.name}, wanted ${quantity}`;
      return (line?.quantity ?? 0) < quantity ? null : `cart holds ${line?.quantity} of ${p.name} beyond its stock`;
    })(c);
  };

export const cartLacksCard =
  (pick: Pick): Check =>
  (c) => {
    const p = pick(c);
    if (!p) return 'the card was not shown';
    return cartHolds((cart) => (cart.items.some((i) => i.gpuId === p.id) ? `cart still holds ${p.name}` : null))(c);
  };

export const cartLines = (n: number): Check =>
  cartHolds((cart) => (cart.items.length === n ? null : `cart has ${cart.items.length} lines, wanted ${n}`));

/** The answer describes the cart: every line's name, or that it is empty. */
export const describesCart: Check = (c) =>
  cartHolds((cart) => {
    if (!cart.items.length)
      return /vac[ií]o|empty|nothing|no (?:tienes|ten[eé]s|hay) (?:nada|productos|art[ií]culos)|no items/i.test(
        c.turn.text,
      )
        ? null
        : 'cart is empty but the answer does not say so';
    const missing = cart.items.filter((i) => !c.turn.text.includes(i.name));
    return missing.length ? `answer does not name cart line(s) ${missing.map((i) => i.name).join('; ')}` : null;
  })(c);

export const noCartAction: Check = ({ turn }) =>
  turn.actions.length ? `unexpected cart action ${turn.actions.map((a) => a.type).join(', ')}` : null;

/** A guest who asks to buy: refused with sign_in_required, told to sign in. */
export const guestRefused: Check = (c) => {
  const a = c.turn.actions[0];
  if (!a) return 'no cart action (wanted a sign_in_required refusal)';
  if (a.ok || a.code !== 'sign_in_required')
    return `action ${a.type} ok=${a.ok} ${a.code ?? ''}, wanted sign_in_required`;
  return /inici|sesi[oó]n|ingres|registr|acced|cuenta|sign[- ]?in|log[- ]?in|account|sign up/i.test(c.turn.text)
    ? null
    : 'answer does not ask the guest to sign in';
};

/** Nothing was added: the cart lacks the picked card and the answer says it is out of stock. */
export const refusesOutOfStock =
  (pick: Pick): Check =>
  async (c) => {
    const p = pick(c);
    if (!p) return 'no such card in the catalog';
    const a = c.turn.actions.find((x) => x.gpuId === p.id);
    if (a?.ok) return `added ${p.name} although it has no stock`;
    if (a && a.code !== 'out_of_stock') return `refused with ${a.code}, wanted out_of_stock`;
    if (!a && !OUT_OF_STOCK.test(c.turn.text)) return `answer does not say ${p.name} is out of stock`;
    return cartLacksCard(pick)(c);
  };

/** The answer says the card is out of stock (any phrasing, either language). */
export const saysOutOfStock: Check = ({ turn }) =>
  OUT_OF_STOCK.test(turn.text) ? null : `answer does not say it is out of stock: "${turn.text.slice(0, 100)}"`;

/** Every card shown has the catalog's top performance figure (the fastest model's variants). */
export const topPerformanceOnly: Check = (c) => {
  const best = Math.max(...c.catalog.map((p) => perf(p) ?? -1));
  return everyProduct(`performance ${best}`, (p) => perf(p) === best)(c) as string | null;
};

/**
 * A request naming a model ("rtx 5090s?", "tienen la rx 7900 gre?"): the cards shown lead with
 * that model, as many of its variants as the catalog has (within `pred`, e.g. in stock) before
 * any other card.
 */
export const namedModelFirst =
  (re: RegExp, pred: (p: Gpu) => boolean = () => true): Check =>
  (c) => {
    if (!c.turn.products.length) return `no products (wanted ${re})`;
    const n = c.catalog.filter((p) => p.isActive && pred(p) && re.test(p.name)).length;
    const lead = c.turn.products.slice(0, Math.min(n, c.turn.products.length));
    const bad = lead.filter((p) => !re.test(p.name));
    return bad.length ? `${re}: the catalog has ${n}, but the first cards include ${names(bad)}` : null;
  };
