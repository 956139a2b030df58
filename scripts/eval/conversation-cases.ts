// The evaluated conversations: Spanish and English, one behaviour each (refinement, relative
// asks, references, superlatives, comparisons, questions about a card, cart, vague requests,
// budget phrasings, out of scope). Every turn is also checked for language, grounding and a
// clean finish (conversation.ts adds those). Expectations come from the live catalog and from
// what earlier turns showed, never from ids written here.
import type { Gpu } from '@gpu/shared';
import * as c from './checks.js';
import type { Check } from './checks.js';

export type Behaviour =
  | 'refinement'
  | 'relative'
  | 'reference'
  | 'superlative'
  | 'comparison'
  | 'question'
  | 'cart'
  | 'vague'
  | 'budget'
  | 'out-of-scope';

export interface Case {
  behaviour: Behaviour;
  lang: 'es' | 'en';
  /** Signed-in shopper (default) or guest. */
  guest?: boolean;
  turns: { say: string; expect: Check[] }[];
}

const t = (say: string, ...expect: Check[]) => ({ say, expect });
const active = (pred: (p: Gpu) => boolean) => c.catalogWhere(pred);
const inStockWhere = (pred: (p: Gpu) => boolean) => c.catalogWhere((p) => p.stock > 0 && pred(p));

export const cases: Case[] = [
  // --- Refinements: the new constraint applies, what was not replaced stays ----------------
  {
    behaviour: 'refinement',
    lang: 'es',
    turns: [
      t('GPU para 4K gaming bajo $1000', c.showsProducts(2), c.priceAtMost(1000)),
      t('¿y con 16 GB?', c.showsProducts(), c.priceAtMost(1000), c.vramAtLeast(16)),
    ],
  },
  {
    behaviour: 'refinement',
    lang: 'en',
    turns: [
      t('I need a card for 1440p under $600', c.showsProducts(2), c.priceAtMost(600)),
      t('make it AMD', c.showsProducts(), c.brandIs('AMD'), c.priceAtMost(600)),
    ],
  },
  {
    behaviour: 'refinement',
    lang: 'es',
    turns: [
      t('busco una gráfica para edición de video hasta 900 dólares', c.showsProducts(2), c.priceAtMost(900)),
      t('sin NVIDIA', c.showsProducts(), c.brandNot('NVIDIA'), c.priceAtMost(900)),
    ],
  },
  {
    behaviour: 'refinement',
    lang: 'en',
    turns: [
      t('best GPU for machine learning under $2000', c.showsProducts(2), c.priceAtMost(2000)),
      t('only ones in stock please', c.showsProducts(), c.inStock, c.priceAtMost(2000)),
    ],
  },
  {
    behaviour: 'refinement',
    lang: 'en',
    turns: [
      t('graphics card for streaming, budget 500 dollars', c.showsProducts(2), c.priceAtMost(500)),
      t('it has to fit in a 280 mm case', c.showsProducts(), c.lengthAtMost(280), c.priceAtMost(500)),
    ],
  },
  {
    behaviour: 'refinement',
    lang: 'es',
    turns: [
      t('quiero una NVIDIA para 1440p bajo 800', c.showsProducts(2), c.brandIs('NVIDIA'), c.priceAtMost(800)),
      t('mejor que no pase de 500', c.showsProducts(), c.brandIs('NVIDIA'), c.priceAtMost(500)),
    ],
  },
  {
    behaviour: 'refinement',
    lang: 'en',
    turns: [
      t('4K card with at least 16GB', c.showsProducts(2), c.vramAtLeast(16)),
      t('under 900 though', c.showsProducts(), c.vramAtLeast(16), c.priceAtMost(900)),
    ],
  },
  {
    behaviour: 'refinement',
    lang: 'es',
    turns: [
      t('una tarjeta para jugar en 1080p por menos de 350', c.showsProducts(2), c.priceAtMost(350)),
      t('¿y que sea Intel?', c.showsProducts(), c.brandIs('Intel'), c.priceAtMost(350)),
    ],
  },
  {
    behaviour: 'refinement',
    lang: 'en',
    turns: [
      t('a card for a small form factor build under $450', c.showsProducts(2), c.priceAtMost(450)),
      t('with 12GB or more', c.showsProducts(), c.vramAtLeast(12), c.priceAtMost(450)),
    ],
  },
  {
    behaviour: 'refinement',
    lang: 'es',
    turns: [
      t('GPU para streaming y juegos hasta 700 dólares', c.showsProducts(2), c.priceAtMost(700)),
      t('prefiero AMD', c.showsProducts(), c.brandIs('AMD'), c.priceAtMost(700)),
      t('y en stock', c.showsProducts(), c.brandIs('AMD'), c.inStock, c.priceAtMost(700)),
    ],
  },
  // --- Relative asks, measured against the first card shown -------------------------------
  {
    behaviour: 'relative',
    lang: 'es',
    turns: [
      t('GPU para 4K gaming bajo $1000', c.showsProducts(2)),
      t('¿y algo más barato?', c.showsProducts(), c.cheaperThanPreviousFirst, c.priceAtMost(1000)),
    ],
  },
  {
    behaviour: 'relative',
    lang: 'en',
    turns: [
      t('recommend a card for 1440p gaming under $700', c.showsProducts(2)),
      t('anything cheaper?', c.showsProducts(), c.cheaperThanPreviousFirst),
    ],
  },
  {
    behaviour: 'relative',
    lang: 'es',
    turns: [
      t('tarjeta para streaming hasta 400', c.showsProducts(2)),
      t('algo más potente', c.showsProducts(), c.fasterThanPreviousFirst),
    ],
  },
  {
    behaviour: 'relative',
    lang: 'en',
    turns: [
      t('a cheap card for esports', c.showsProducts(2)),
      t('something more powerful', c.showsProducts(), c.fasterThanPreviousFirst),
    ],
  },
  {
    behaviour: 'relative',
    lang: 'es',
    turns: [
      t('algo para 1080p bajo 300', c.showsProducts(2)),
      t('una más barata', c.showsProducts(), c.cheaperThanPreviousFirst),
    ],
  },
  {
    behaviour: 'relative',
    lang: 'en',
    turns: [
      t('GPU for video editing under $1500', c.showsProducts(2)),
      t('one that uses less power', c.showsProducts(), c.lessPowerThanPreviousFirst),
    ],
  },
  {
    behaviour: 'relative',
    lang: 'es',
    turns: [
      t('una gráfica para 4K hasta 1200 dólares', c.showsProducts(2)),
      t('que consuma menos', c.showsProducts(), c.lessPowerThanPreviousFirst, c.priceAtMost(1200)),
    ],
  },
  // --- References: ordinals, demonstratives, names among the cards shown ------------------
  {
    behaviour: 'reference',
    lang: 'es',
    turns: [t('GPU para 1440p bajo $700', c.showsProducts(3)), t('háblame de la segunda', c.mentionsPrevious(2))],
  },
  {
    behaviour: 'reference',
    lang: 'en',
    turns: [
      t('cards for 4K under $1200', c.showsProducts(3)),
      t('tell me more about the third one', c.mentionsPrevious(3)),
    ],
  },
  {
    behaviour: 'reference',
    lang: 'es',
    turns: [
      t('tarjetas para edición de video bajo 1000', c.showsProducts(2)),
      t(
        '¿cuánto consume la primera?',
        c.mentionsPrevious(1),
        c.quotesFactOfPrevious(1, (p) => p.specs.boardPowerW, 'board power'),
      ),
    ],
  },
  {
    behaviour: 'reference',
    lang: 'en',
    turns: [
      t('gpus for 1080p gaming under $400', c.showsProducts(2)),
      t(
        'how long is the second one?',
        c.mentionsPrevious(2),
        c.quotesFactOfPrevious(2, (p) => p.specs.lengthMm && Math.round(p.specs.lengthMm), 'length'),
      ),
    ],
  },
  {
    behaviour: 'reference',
    lang: 'es',
    turns: [
      t('una NVIDIA para 1440p bajo 900', c.showsProducts(2)),
      t(
        '¿qué salidas de video tiene esa?',
        c.mentionsPrevious(1),
        c.quotesFactOfPrevious(1, (p) => p.specs.outputs, 'outputs'),
      ),
    ],
  },
  {
    behaviour: 'reference',
    lang: 'en',
    turns: [
      t('AMD cards for 4K gaming', c.showsProducts(2)),
      t(
        'what power connectors does #2 need?',
        c.mentionsPrevious(2),
        c.quotesFactOfPrevious(2, (p) => p.specs.powerConnectors, 'connectors'),
      ),
    ],
  },
  {
    behaviour: 'reference',
    lang: 'en',
    turns: [
      t('cards for streaming under $500', c.showsProducts(3)),
      t('what about the last one?', c.mentionsPrevious(-1)),
    ],
  },
  {
    behaviour: 'reference',
    lang: 'es',
    turns: [t('GPU para 4K gaming bajo $1000', c.showsProducts(2)), t('¿y la cuarta?', c.mentionsPrevious(4))],
  },
  // --- Superlatives: the extreme card first, within what is in force or the catalog -------
  {
    behaviour: 'superlative',
    lang: 'en',
    turns: [
      t(
        'cheapest NVIDIA card you have in stock',
        c.cheapestFirst(inStockWhere((p) => p.brand === 'NVIDIA')),
        c.brandIs('NVIDIA'),
        c.inStock,
      ),
    ],
  },
  {
    behaviour: 'superlative',
    lang: 'es',
    turns: [t('¿cuál es la tarjeta con más VRAM que tienen?', c.mostVramFirst(active(() => true)))],
  },
  {
    behaviour: 'superlative',
    lang: 'en',
    turns: [t("what's the most powerful GPU you sell?", c.fastestFirst(active(() => true)))],
  },
  {
    behaviour: 'superlative',
    lang: 'es',
    turns: [t('¿cuál tiene la mejor relación calidad precio de la tienda?', c.bestValueFirst(active(() => true)))],
  },
  {
    behaviour: 'superlative',
    lang: 'es',
    turns: [
      t('GPU para 4K bajo $1000', c.showsProducts(2)),
      t('¿y la más potente?', c.fastestFirst(active((p) => p.price <= 1000)), c.priceAtMost(1000)),
    ],
  },
  {
    behaviour: 'superlative',
    lang: 'en',
    turns: [
      t('cards under $500', c.showsProducts(3)),
      t('which of those has the most VRAM?', c.mostVramFirst(c.previousShown)),
    ],
  },
  {
    behaviour: 'superlative',
    lang: 'es',
    turns: [
      t('tarjetas NVIDIA bajo 600', c.showsProducts(3)),
      t('¿cuál de esas es la más barata?', c.cheapestFirst(c.previousShown)),
    ],
  },
  {
    behaviour: 'superlative',
    lang: 'en',
    turns: [t('the cheapest AMD card', c.cheapestFirst(active((p) => p.brand === 'AMD')), c.brandIs('AMD'))],
  },
  {
    behaviour: 'superlative',
    lang: 'es',
    turns: [t('la Intel más barata', c.cheapestFirst(active((p) => p.brand === 'Intel')), c.brandIs('Intel'))],
  },
  // --- Comparisons -------------------------------------------------------------------------
  {
    behaviour: 'comparison',
    lang: 'es',
    turns: [
      t('GPU para 1440p bajo $800', c.showsProducts(2)),
      t('compara las dos primeras', c.comparesPrevious([1, 2])),
    ],
  },
  {
    behaviour: 'comparison',
    lang: 'en',
    turns: [
      t('gaming cards under $900', c.showsProducts(3)),
      t('compare the first and the third', c.comparesPrevious([1, 3])),
    ],
  },
  {
    behaviour: 'comparison',
    lang: 'en',
    turns: [t('RTX 4070 SUPER vs RX 7800 XT', c.comparesModels([/RTX 4070 SUPER/, /RX 7800 XT/]))],
  },
  {
    behaviour: 'comparison',
    lang: 'es',
    turns: [
      t('¿qué conviene más, la RTX 4060 o la RX 7600?', c.comparesModels([/RTX 4060\b(?! Ti)/, /RX 7600\b(?! XT)/])),
    ],
  },
  {
    behaviour: 'comparison',
    lang: 'en',
    turns: [t('cards for 4K gaming under $1500', c.showsProducts(3)), t('compare them', c.comparisonOf(2, 4))],
  },
  {
    behaviour: 'comparison',
    lang: 'es',
    turns: [
      t('GPU para 4K bajo $1000', c.showsProducts(2)),
      t('compara la primera con la RTX 4090', c.comparesModels([/RTX 4090/]), c.comparisonOf(2, 2)),
    ],
  },
  // --- Questions about a card ----------------------------------------------------------------
  {
    behaviour: 'question',
    lang: 'es',
    turns: [t('¿me sirve una RX 7800 XT con una fuente de 550W?', c.textMatches(/RX 7800 XT/), c.textMatches(/550 W/))],
  },
  {
    behaviour: 'question',
    lang: 'en',
    turns: [t('does an RTX 4090 fit a 300mm case?', c.textMatches(/RTX 4090/), c.textMatches(/300 mm/))],
  },
  {
    behaviour: 'question',
    lang: 'en',
    turns: [
      t('cards for 1440p under $700', c.showsProducts(2)),
      t('is my 650W power supply enough for the first one?', c.mentionsPrevious(1), c.textMatches(/650 W/)),
    ],
  },
  {
    behaviour: 'question',
    lang: 'es',
    turns: [
      t('tarjetas para IA bajo 2000', c.showsProducts(2)),
      t(
        '¿cuánta VRAM tiene la segunda?',
        c.mentionsPrevious(2),
        c.quotesFactOfPrevious(2, (p) => p.vramGb, 'VRAM'),
      ),
    ],
  },
  // --- Cart ----------------------------------------------------------------------------------
  {
    behaviour: 'cart',
    lang: 'es',
    turns: [
      t('GPU para 1440p bajo $700', c.showsProducts(2)),
      t('agrega la primera al carrito', c.cartAction({ type: 'cart.add', ok: true, index: 1 }), c.linksCheckout),
    ],
  },
  {
    behaviour: 'cart',
    lang: 'en',
    turns: [
      t('cards for 1080p gaming under $400', c.showsProducts(2)),
      t('add 2 of the second one to my cart', c.cartAction({ type: 'cart.add', ok: true, index: 2, quantity: 2 })),
    ],
  },
  {
    behaviour: 'cart',
    lang: 'es',
    turns: [
      t('una tarjeta para streaming bajo 600', c.showsProducts(2)),
      t('agrégala al carrito', c.cartAction({ type: 'cart.add', ok: true })),
      t(
        'mejor quítala',
        c.cartAction({ type: 'cart.remove', ok: true }),
        c.cartHolds((cart) => (cart.items.length === 0 ? null : 'cart not empty')),
      ),
    ],
  },
  {
    behaviour: 'cart',
    lang: 'en',
    turns: [
      t('best GPU for 4K under $1200', c.showsProducts(2)),
      t('put the first one in my cart', c.cartAction({ type: 'cart.add', ok: true, index: 1 })),
      t(
        "what's in my cart?",
        c.textMatches(/Cart total/),
        c.cartHolds((cart, ctx) =>
          ctx.turn.text.includes(cart.items[0]?.name ?? '\u0000') ? null : 'answer does not list the cart',
        ),
      ),
    ],
  },
  {
    behaviour: 'cart',
    lang: 'en',
    guest: true,
    turns: [
      t('cards for 1440p under $600', c.showsProducts(2)),
      t(
        'add the first one to my cart',
        c.cartAction({ type: 'cart.add', ok: false, code: 'sign_in_required' }),
        c.textMatches(/\]\(\/login\)/, 'a sign-in link'),
      ),
    ],
  },
  {
    behaviour: 'cart',
    lang: 'es',
    guest: true,
    turns: [
      t('tarjetas para 4K bajo 1000', c.showsProducts(2)),
      t('la quiero, agrégala al carrito', c.cartAction({ type: 'cart.add', ok: false, code: 'sign_in_required' })),
    ],
  },
  {
    behaviour: 'cart',
    lang: 'es',
    turns: [
      t('GPU para 1080p bajo 350', c.showsProducts(2)),
      t('agrega la segunda al carrito', c.cartAction({ type: 'cart.add', ok: true, index: 2 })),
      t(
        'cambia la cantidad a 2',
        c.cartHolds((cart) =>
          cart.items[0]?.quantity === 2 || (cart.items[0]?.stock ?? 0) < 2
            ? null
            : `quantity ${cart.items[0]?.quantity}`,
        ),
      ),
    ],
  },
  {
    behaviour: 'cart',
    lang: 'en',
    turns: [
      t('a good card for 1440p under $650', c.showsProducts(2)),
      t('I want to buy the first one', c.cartAction({ type: 'cart.add', ok: true, index: 1 }), c.linksCheckout),
    ],
  },
  // --- Vague requests: one question back, never two in a row --------------------------------
  { behaviour: 'vague', lang: 'es', turns: [t('quiero una tarjeta de video', c.asksBack, c.suggests)] },
  { behaviour: 'vague', lang: 'en', turns: [t('help me choose a GPU', c.asksBack, c.suggests)] },
  {
    behaviour: 'vague',
    lang: 'es',
    turns: [t('recomiéndame algo', c.asksBack), t('no sé, algo bueno', c.showsProducts(2))],
  },
  { behaviour: 'vague', lang: 'en', turns: [t('what should I buy?', c.asksBack)] },
  {
    behaviour: 'vague',
    lang: 'en',
    turns: [t('I want a graphics card', c.asksBack), t('for gaming at 1440p', c.showsProducts(2))],
  },
  { behaviour: 'vague', lang: 'es', turns: [t('necesito una gpu nueva', c.asksBack, c.suggests)] },
  // --- Budgets in any phrasing -----------------------------------------------------------------
  {
    behaviour: 'budget',
    lang: 'en',
    turns: [t('What would you recommend on a small budget, like 200?', c.showsProducts(2), c.priceAtMost(200))],
  },
  {
    behaviour: 'budget',
    lang: 'es',
    turns: [t('tengo unos 500 para una gráfica', c.showsProducts(2), c.priceAtMost(500))],
  },
  {
    behaviour: 'budget',
    lang: 'es',
    turns: [t('algo para jugar, 800 lucas máximo', c.showsProducts(2), c.priceAtMost(800))],
  },
  {
    behaviour: 'budget',
    lang: 'es',
    turns: [t('necesito una GPU por 1.000 USD', c.showsProducts(2), c.priceAtMost(1000))],
  },
  { behaviour: 'budget', lang: 'en', turns: [t('gaming GPU for $1k', c.showsProducts(2), c.priceAtMost(1000))] },
  {
    behaviour: 'budget',
    lang: 'en',
    turns: [t('between $300 and $450 for 1080p', c.showsProducts(2), c.priceBetween(300, 450))],
  },
  {
    behaviour: 'budget',
    lang: 'es',
    turns: [t('no quiero gastar más de 250 dólares', c.showsProducts(2), c.priceAtMost(250))],
  },
  // --- Out of scope: a short, polite redirect, no product list -----------------------------
  { behaviour: 'out-of-scope', lang: 'es', turns: [t('¿quién ganó el mundial de fútbol?', c.showsNoList)] },
  { behaviour: 'out-of-scope', lang: 'en', turns: [t('write me a poem about the ocean', c.showsNoList)] },
  { behaviour: 'out-of-scope', lang: 'en', turns: [t("what's the weather going to be tomorrow?", c.showsNoList)] },
  { behaviour: 'out-of-scope', lang: 'es', turns: [t('dame una receta de pasta carbonara', c.showsNoList)] },
];
