// Held-out conversations for `npm run eval`: written without reading the assistant or the
// development set, in the way shoppers actually type (informal Latin-American Spanish with
// and without accents or ¿?, sloppy lowercase English). Every expectation is computed from
// the live catalog and from earlier turns; nothing names a product id, and product models
// appear only as name patterns.
import type { Gpu } from '@gpu/shared';
import * as c from './checks.js';
import type { Check, CheckContext } from './checks.js';
import type { Case } from './conversation-cases.js';

type Named = Case & { name: string };
const t = (say: string, ...expect: Check[]) => ({ say, expect });

// ---- pools and small compositions of the checks ----------------------------------------

const all = c.catalogWhere(() => true);
const where = (pred: (p: Gpu) => boolean) => c.catalogWhere(pred);
const inStockWhere = (pred: (p: Gpu) => boolean = () => true) => c.catalogWhere((p) => p.stock > 0 && pred(p));

/** Approximate budgets ("like 200", "unos 500", "por ahí de 600"): allow 10% over. */
const about = (n: number) => c.priceAtMost(Math.round(n * 1.1));

/** Every card needs at most this power supply. */
const psuAtMost = (w: number) =>
  c.everyProduct(
    `recommended PSU <= ${w} W`,
    (p) => typeof p.specs.recommendedPsuW === 'number' && p.specs.recommendedPsuW <= w,
  );

/** Evaluates `check` as if the turn came right after turn `n` (1-based): for references to an
 * earlier list, e.g. "and the last one?" after a turn about a single card. */
const after =
  (n: number, check: Check): Check =>
  (ctx: CheckContext) =>
    check({ ...ctx, prev: ctx.prev.slice(0, n) });

const lengthOf = (p: Gpu) => p.specs.lengthMm;
const powerOf = (p: Gpu) => p.specs.boardPowerW;
const psuOf = (p: Gpu) => p.specs.recommendedPsuW;
const priceOf = (p: Gpu) => p.price;
/** The HDMI output of a card ("HDMI 2.1a"), else its whole outputs line. */
const hdmiOf = (p: Gpu) => {
  const o = p.specs.outputs;
  return typeof o === 'string' ? (/HDMI [\w.]+/.exec(o)?.[0] ?? o) : undefined;
};

/** The answer names the power connector of the previous turn's card #index: "8-pin" also as
 * "8 pines"; a card on slot power as slot/PCIe power. */
const namesConnectorOf =
  (index: number): Check =>
  (ctx) => {
    const p = ctx.prev.at(-1)?.products[index - 1];
    const conn = p?.specs.powerConnectors;
    if (!p || typeof conn !== 'string') return `card #${index} has no power connector spec`;
    const pins = /(\d+)-pin/.exec(conn)?.[1];
    const re = pins
      ? new RegExp(`${pins}[- ]?pin`, 'i')
      : /slot|ranura|pcie|sin conector|no (?:necesita|requiere|needs)/i;
    return c.textMatches(re, `the connector of ${p.name} (${conn})`)(ctx);
  };

/** The cart holds card #index of turn `turnNo` (1-based) with this quantity. */
const cartHasCardOf = (turnNo: number, index: number, quantity: number): Check =>
  c.cartHolds((cart, ctx) => {
    const p = ctx.prev[turnNo - 1]?.products[index - 1];
    if (!p) return `turn ${turnNo} had no card #${index}`;
    const item = cart.items.find((i) => i.gpuId === p.id);
    if (!item) return `cart lacks ${p.name}`;
    return item.quantity === quantity ? null : `cart has ${item.quantity} of ${p.name}, wanted ${quantity}`;
  });
const cartCount = (n: number): Check =>
  c.cartHolds((cart) => (cart.items.length === n ? null : `cart has ${cart.items.length} lines, wanted ${n}`));
/** A "view cart" answer names every line of the cart. */
const namesCartItems: Check = c.cartHolds((cart, ctx) => {
  if (!cart.items.length) return 'cart is empty';
  const missing = cart.items.filter((i) => !ctx.turn.text.includes(i.name));
  return missing.length ? `answer does not name ${missing.map((i) => i.name).join('; ')}` : null;
});

const redirect = [c.showsNoList, c.textAtMost(400)];

// ---- the conversations ------------------------------------------------------------------

const list: Named[] = [
  // ---- refinement: what the shopper did not replace stays ----
  {
    name: 'amd under 600, then 16 GB, then in stock',
    behaviour: 'refinement',
    lang: 'es',
    turns: [
      t('busco una placa de video amd por menos de 600 dolares', c.brandIs('AMD'), c.priceAtMost(600)),
      t('y con 16 gb?', c.brandIs('AMD'), c.priceAtMost(600), c.vramAtLeast(16)),
      t('solo las que tengan stock', c.brandIs('AMD'), c.priceAtMost(600), c.vramAtLeast(16), c.inStock),
    ],
  },
  {
    name: '1440p up to 700, no NVIDIA, 300 mm case',
    behaviour: 'refinement',
    lang: 'es',
    turns: [
      t('necesito una gpu para jugar en 1440p, hasta 700 usd', c.priceAtMost(700)),
      t('sin nvidia porfa', c.priceAtMost(700), c.brandNot('NVIDIA')),
      t('que entre en un gabinete de 300 mm', c.priceAtMost(700), c.brandNot('NVIDIA'), c.lengthAtMost(300)),
    ],
  },
  {
    name: 'NVIDIA 12 GB min, switch to AMD, then a cap',
    behaviour: 'refinement',
    lang: 'es',
    turns: [
      t('Tarjeta NVIDIA con 12GB mínimo', c.brandIs('NVIDIA'), c.vramAtLeast(12)),
      t('mmm mejor de AMD', c.brandIs('AMD'), c.vramAtLeast(12)),
      t('¿y que no pase de 450?', c.brandIs('AMD'), c.vramAtLeast(12), c.priceAtMost(450)),
    ],
  },
  {
    name: 'video editing up to 900, then also 4K gaming',
    behaviour: 'refinement',
    lang: 'es',
    turns: [
      t('quiero armar una pc para edicion de video, tengo hasta 900', c.priceAtMost(900)),
      t('ah y tambien para jugar en 4k', c.showsProducts(), c.priceAtMost(900)),
    ],
  },
  {
    name: '1080p under 350, 500 W PSU, in stock',
    behaviour: 'refinement',
    lang: 'en',
    turns: [
      t('looking for a card for 1080p gaming under 350', c.priceAtMost(350)),
      t('my psu is only 500w', c.priceAtMost(350), psuAtMost(500)),
      t('in stock only pls', c.priceAtMost(350), psuAtMost(500), c.inStock),
    ],
  },
  {
    name: '16 GB under 1000 without Intel, then 20 GB',
    behaviour: 'refinement',
    lang: 'en',
    turns: [
      t(
        'show me gpus with at least 16gb vram under 1000, no intel',
        c.vramAtLeast(16),
        c.priceAtMost(1000),
        c.brandNot('Intel'),
      ),
      t('actually make it 20gb', c.vramAtLeast(20), c.priceAtMost(1000), c.brandNot('Intel')),
    ],
  },
  {
    name: 'mini ITX 200 mm, then budget, then NVIDIA only',
    behaviour: 'refinement',
    lang: 'en',
    turns: [
      t('need a gpu for a mini itx build, max 200mm long', c.lengthAtMost(200)),
      t('budget is 300', c.lengthAtMost(200), c.priceAtMost(300)),
      t('ok now only nvidia', c.lengthAtMost(200), c.priceAtMost(300), c.brandIs('NVIDIA')),
    ],
  },

  // ---- relative: cheaper / more powerful / less power than the first card shown ----
  {
    name: '4K up to 1000, then cheaper',
    behaviour: 'relative',
    lang: 'es',
    turns: [
      t('algo pa jugar en 4k, no mas de 1000 dolares', c.priceAtMost(1000)),
      t('tenes algo mas barato?', c.cheaperThanPreviousFirst, c.priceAtMost(1000)),
    ],
  },
  {
    name: 'NVIDIA about 400, more powerful, then cheaper again',
    behaviour: 'relative',
    lang: 'es',
    turns: [
      t('recomendame una tarjeta nvidia de unos 400', c.brandIs('NVIDIA'), about(400)),
      t('quiero algo más potente', c.fasterThanPreviousFirst, c.brandIs('NVIDIA')),
      t('y una mas barata que esa?', c.cheaperThanPreviousFirst, c.brandIs('NVIDIA')),
    ],
  },
  {
    name: '1440p card, then one that uses less electricity',
    behaviour: 'relative',
    lang: 'es',
    turns: [
      t('busco una grafica que ande bien para 1440p', c.showsProducts()),
      t('algo que gaste menos luz?', c.lessPowerThanPreviousFirst),
    ],
  },
  {
    name: 'AMD 1440p under 700, one step up',
    behaviour: 'relative',
    lang: 'en',
    turns: [
      t('amd card for 1440p under 700', c.brandIs('AMD'), c.priceAtMost(700)),
      t('hmm show me one step up', c.fasterThanPreviousFirst, c.brandIs('AMD')),
    ],
  },
  {
    name: 'streaming, less power, then cheaper keeps the power cap',
    behaviour: 'relative',
    lang: 'en',
    turns: [
      t('whats a good gpu for streaming', c.showsProducts()),
      t('something that uses less power', c.lessPowerThanPreviousFirst),
      t('cheaper?', c.cheaperThanPreviousFirst, after(1, c.lessPowerThanPreviousFirst)),
    ],
  },
  {
    name: 'most powerful NVIDIA with at least 16 GB, then cheaper',
    behaviour: 'relative',
    lang: 'en',
    turns: [
      t(
        'most powerful nvidia card with at least 16gb',
        c.fastestFirst(where((p) => p.brand === 'NVIDIA' && p.vramGb >= 16)),
      ),
      t('anything cheaper', c.cheaperThanPreviousFirst, c.brandIs('NVIDIA'), c.vramAtLeast(16)),
    ],
  },

  // ---- reference: ordinals, esa/it, a model name among those shown, de esas ----
  {
    name: 'AMD 400-600, the second one: power, then its PSU',
    behaviour: 'reference',
    lang: 'es',
    turns: [
      t('tarjetas amd entre 400 y 600', c.showsProducts(2), c.brandIs('AMD'), c.priceBetween(400, 600)),
      t('cuanto consume la segunda?', c.mentionsPrevious(2), c.quotesFactOfPrevious(2, powerOf, 'board power')),
      t('y esa que fuente necesita', after(1, c.quotesFactOfPrevious(2, psuOf, 'recommended PSU'))),
    ],
  },
  {
    name: '16 GB in stock, cheapest of those, add it',
    behaviour: 'reference',
    lang: 'es',
    turns: [
      t('mostrame placas de 16 gb que haya en stock', c.showsProducts(2), c.vramAtLeast(16), c.inStock),
      t('¿cuál de esas es la más barata?', c.cheapestFirst(c.previousShown)),
      t('dale, agregala al carrito', c.cartAction({ type: 'cart.add', ok: true, index: 1 }), cartCount(1)),
    ],
  },
  {
    name: 'NVIDIA up to 350, #3 length',
    behaviour: 'reference',
    lang: 'es',
    turns: [
      t('opciones nvidia hasta 350 dolares', c.showsProducts(3), c.brandIs('NVIDIA'), c.priceAtMost(350)),
      t('la #3 cuanto mide', c.mentionsPrevious(3), c.quotesFactOfPrevious(3, lengthOf, 'length')),
    ],
  },
  {
    name: 'AMD 16 GB 450-600, the 9070 by name: PSU',
    behaviour: 'reference',
    lang: 'es',
    turns: [
      t('placas amd de 16gb entre 450 y 600', c.brandIs('AMD'), c.vramAtLeast(16), c.priceBetween(450, 600)),
      // Every RX 9070 (not XT) in the catalog asks for a 650 W supply.
      t(
        'la 9070 que fuente pide?',
        c.textMatches(/RX 9070(?! XT)/i, 'the RX 9070'),
        c.textMatches(/650\s?W/i, '650 W'),
      ),
    ],
  },
  {
    name: 'AI cards under 2500: first one connectors, then the last one',
    behaviour: 'reference',
    lang: 'en',
    turns: [
      t('gpus for ai with lots of vram under 2500', c.showsProducts(2), c.priceAtMost(2500)),
      t('what power connectors does the first one need', c.mentionsPrevious(1), namesConnectorOf(1)),
      t('and the last one?', after(1, c.mentionsPrevious(-1))),
    ],
  },
  {
    name: 'Intel Arc cards, the second one, its price',
    behaviour: 'reference',
    lang: 'en',
    turns: [
      t('intel arc cards', c.showsProducts(2), c.brandIs('Intel')),
      t('tell me about the second one', c.mentionsPrevious(2)),
      t('how much is it', after(1, c.quotesFactOfPrevious(2, priceOf, 'price'))),
    ],
  },
  {
    name: 'NVIDIA 550-650, the 4070 super by name: power',
    behaviour: 'reference',
    lang: 'en',
    turns: [
      t('nvidia cards between 550 and 650', c.brandIs('NVIDIA'), c.priceBetween(550, 650)),
      // Every RTX 4070 SUPER in the catalog draws 220 W.
      t(
        'how much power does the 4070 super pull',
        c.textMatches(/4070 SUPER/i, 'the RTX 4070 SUPER'),
        c.textMatches(/220\s?W/i, '220 W'),
      ),
    ],
  },

  // ---- superlatives, within the constraints and catalog-wide ----
  {
    name: 'cheapest AMD in stock',
    behaviour: 'superlative',
    lang: 'en',
    turns: [
      t(
        'whats the cheapest amd gpu you got in stock',
        c.cheapestFirst(inStockWhere((p) => p.brand === 'AMD')),
        c.brandIs('AMD'),
        c.inStock,
      ),
    ],
  },
  {
    name: 'most memory of all, then the most powerful',
    behaviour: 'superlative',
    lang: 'es',
    turns: [
      t('cual es la que tiene mas memoria de todas', c.mostVramFirst(all)),
      t('¿y la más potente?', c.fastestFirst(all)),
    ],
  },
  {
    name: 'best value up to 400',
    behaviour: 'superlative',
    lang: 'es',
    turns: [
      t(
        'cual es la mejor en relacion precio/rendimiento hasta 400 dolares?',
        c.bestValueFirst(where((p) => p.price <= 400)),
        c.priceAtMost(400),
      ),
    ],
  },
  {
    name: 'most powerful under 800, then the least power of those',
    behaviour: 'superlative',
    lang: 'en',
    turns: [
      t('most powerful card under 800 bucks', c.fastestFirst(where((p) => p.price <= 800)), c.priceAtMost(800)),
      t(
        'which of those uses the least power',
        c.firstIsExtreme('least board power first', (p) => p.specs.boardPowerW ?? null, 'min', c.previousShown),
      ),
    ],
  },
  {
    name: 'AMD 1440p, cheapest of those, most VRAM of those',
    behaviour: 'superlative',
    lang: 'es',
    turns: [
      t('quiero una amd para 1440p', c.showsProducts(2), c.brandIs('AMD')),
      t('cual es la mas barata de esas', c.cheapestFirst(c.previousShown)),
      t('y de esas mismas la que tiene mas vram?', after(1, c.mostVramFirst(c.previousShown))),
    ],
  },
  {
    name: 'best bang for the buck NVIDIA',
    behaviour: 'superlative',
    lang: 'en',
    turns: [
      t(
        'best bang for the buck nvidia card?',
        c.bestValueFirst(where((p) => p.brand === 'NVIDIA')),
        c.brandIs('NVIDIA'),
      ),
    ],
  },
  {
    name: 'most VRAM under 1000',
    behaviour: 'superlative',
    lang: 'en',
    turns: [
      t(
        'which card has the most vram for under 1000',
        c.mostVramFirst(where((p) => p.price <= 1000)),
        c.priceAtMost(1000),
      ),
    ],
  },
  {
    name: 'the fastest Intel card',
    behaviour: 'superlative',
    lang: 'es',
    turns: [
      t(
        '¿cuál es la intel más rápida que venden?',
        c.fastestFirst(where((p) => p.brand === 'Intel')),
        c.brandIs('Intel'),
      ),
    ],
  },

  // ---- comparisons, by reference and by model name ----
  {
    name: 'NVIDIA 500-800, compare 1 and 3',
    behaviour: 'comparison',
    lang: 'es',
    turns: [
      t('placas nvidia entre 500 y 800', c.showsProducts(3), c.brandIs('NVIDIA'), c.priceBetween(500, 800)),
      t('comparame la 1 y la 3', c.comparesPrevious([1, 3])),
    ],
  },
  {
    name: 'RX 7800 XT vs RTX 4070 SUPER by name',
    behaviour: 'comparison',
    lang: 'es',
    turns: [
      t(
        'compará la rx 7800 xt con la rtx 4070 super',
        c.comparesModels([/RX 7800 XT/i, /RTX 4070 SUPER/i]),
        c.comparisonOf(2, 2),
      ),
    ],
  },
  {
    name: '16 GB under 500, compare the first three',
    behaviour: 'comparison',
    lang: 'en',
    turns: [
      t('16gb cards under 500', c.showsProducts(3), c.vramAtLeast(16), c.priceAtMost(500)),
      t('compare the first three', c.comparesPrevious([1, 2, 3])),
    ],
  },
  {
    name: 'RTX 5070 vs RX 9070 vs Arc B580',
    behaviour: 'comparison',
    lang: 'en',
    turns: [
      t(
        'rtx 5070 vs rx 9070 vs arc b580 which is better',
        c.comparesModels([/RTX 5070(?! Ti)/i, /RX 9070(?! XT)/i, /Arc B580/i]),
        c.comparisonOf(3, 3),
      ),
    ],
  },
  {
    name: '24 GB cards, compare the second with the fourth',
    behaviour: 'comparison',
    lang: 'es',
    turns: [
      t('gpus de 24 gb', c.showsProducts(4), c.vramAtLeast(24)),
      t('compara la segunda con la cuarta', c.comparesPrevious([2, 4])),
    ],
  },
  {
    name: 'four models by name',
    behaviour: 'comparison',
    lang: 'en',
    turns: [
      t(
        'compare rtx 4060, rtx 5060, rx 7600 and arc b580',
        c.comparesModels([/RTX 4060(?! Ti)/i, /RTX 5060(?! Ti)/i, /RX 7600(?! XT)/i, /Arc B580/i]),
        c.comparisonOf(4, 4),
      ),
    ],
  },
  {
    name: 'AMD under 500, compare those first two',
    behaviour: 'comparison',
    lang: 'es',
    turns: [
      t('que amd tienen por menos de 500', c.showsProducts(2), c.brandIs('AMD'), c.priceAtMost(500)),
      t('¿me comparas esas dos primeras?', c.comparesPrevious([1, 2])),
    ],
  },

  // ---- questions about a shown card ----
  {
    name: 'RTX 5060 Ti cards, HDMI of the first',
    behaviour: 'question',
    lang: 'en',
    turns: [
      t('show me the rtx 5060 ti cards', c.showsProducts()),
      t('what outputs does the first one have', c.quotesFactOfPrevious(1, hdmiOf, 'HDMI output')),
    ],
  },
  {
    name: 'RX 7800 XT in stock, fits a 300 mm case?',
    behaviour: 'question',
    lang: 'es',
    turns: [
      t('una rx 7800 xt que tengan en stock', c.showsProducts(), c.inStock),
      t('¿me entra en un gabinete de 300 mm?', c.quotesFactOfPrevious(1, lengthOf, 'length')),
    ],
  },
  {
    name: 'cheapest NVIDIA 12 GB, is a 500 W PSU enough',
    behaviour: 'question',
    lang: 'es',
    turns: [
      t('cual es la nvidia de 12gb mas barata', c.cheapestFirst(where((p) => p.brand === 'NVIDIA' && p.vramGb >= 12))),
      t('tengo fuente de 500w, alcanza?', c.quotesFactOfPrevious(1, psuOf, 'recommended PSU')),
    ],
  },
  {
    name: 'RX 9070 XT: watts, then connectors',
    behaviour: 'question',
    lang: 'en',
    turns: [
      t('do you have the rx 9070 xt', c.showsProducts()),
      t('how many watts does it draw', c.quotesFactOfPrevious(1, powerOf, 'board power')),
      t('what power connectors', after(1, namesConnectorOf(1))),
    ],
  },
  {
    name: 'local AI with 24 GB: length, then connectors',
    behaviour: 'question',
    lang: 'es',
    turns: [
      t('busco algo para correr ia local, con 24gb de vram', c.showsProducts(), c.vramAtLeast(24)),
      t('cuanto mide la primera?', c.quotesFactOfPrevious(1, lengthOf, 'length')),
      t('y que conectores de corriente usa', after(1, namesConnectorOf(1))),
    ],
  },
  {
    name: 'small card under 400, does the 2nd fit a 650 W PSU and a 250 mm case',
    behaviour: 'question',
    lang: 'en',
    turns: [
      t('small gpu for a sff pc under 400', c.showsProducts(2), c.priceAtMost(400)),
      t(
        'would the 2nd one work with a 650w psu and a case that fits 250mm cards',
        c.quotesFactOfPrevious(2, lengthOf, 'length'),
        c.quotesFactOfPrevious(2, psuOf, 'recommended PSU'),
      ),
    ],
  },

  // ---- cart: signed-in shoppers act, guests are asked to sign in ----
  {
    name: 'RTX 4060 in stock: add, set 2, view',
    behaviour: 'cart',
    lang: 'es',
    turns: [
      t('una rtx 4060 que tengan en stock', c.showsProducts(), c.inStock),
      t('agregá la primera al carrito', c.cartAction({ type: 'cart.add', ok: true, index: 1 }), cartHasCardOf(1, 1, 1)),
      t('ponele 2', c.cartAction({ type: 'cart.set', ok: true, quantity: 2 }), cartHasCardOf(1, 1, 2)),
      t('que tengo en el carrito?', namesCartItems, cartCount(1)),
    ],
  },
  {
    name: 'AMD under 300 in stock: add the second, then remove it',
    behaviour: 'cart',
    lang: 'en',
    turns: [
      t('in stock amd cards under 300', c.showsProducts(2), c.brandIs('AMD'), c.priceAtMost(300), c.inStock),
      t(
        'add the second one to my cart',
        c.cartAction({ type: 'cart.add', ok: true, index: 2 }),
        cartHasCardOf(1, 2, 1),
      ),
      t('actually remove it', c.cartAction({ type: 'cart.remove', ok: true }), cartCount(0)),
    ],
  },
  {
    name: 'guest asks to add a card',
    behaviour: 'cart',
    lang: 'es',
    guest: true,
    turns: [
      t('busco una rx 9060 xt de 16gb', c.showsProducts()),
      t('la quiero, agregala al carrito', c.cartAction({ type: 'cart.add', ok: false, code: 'sign_in_required' })),
    ],
  },
  {
    name: 'guest: cheapest NVIDIA in stock, put it in the cart',
    behaviour: 'cart',
    lang: 'en',
    guest: true,
    turns: [
      t('cheapest nvidia in stock', c.cheapestFirst(inStockWhere((p) => p.brand === 'NVIDIA'))),
      t('put it in my cart', c.cartAction({ type: 'cart.add', ok: false, code: 'sign_in_required' })),
    ],
  },
  {
    name: 'RX 7900 XTX: add two, then checkout links out',
    behaviour: 'cart',
    lang: 'en',
    turns: [
      t('got any rx 7900 xtx in stock?', c.showsProducts(), c.inStock),
      t(
        'add 2 of the first one',
        c.cartAction({ type: 'cart.add', ok: true, index: 1, quantity: 2 }),
        cartHasCardOf(1, 1, 2),
      ),
      t('ok checkout', c.linksCheckout, cartHasCardOf(1, 1, 2)),
    ],
  },
  {
    name: 'Intel in stock: add the third, then the first too, view',
    behaviour: 'cart',
    lang: 'es',
    turns: [
      t('mostrame tarjetas intel con stock', c.showsProducts(3), c.brandIs('Intel'), c.inStock),
      t('suma la tercera al carrito', c.cartAction({ type: 'cart.add', ok: true, index: 3 }), cartHasCardOf(1, 3, 1)),
      t(
        'y la primera tambien',
        after(1, c.cartAction({ type: 'cart.add', ok: true, index: 1 })),
        cartHasCardOf(1, 1, 1),
      ),
      t('ver carrito', namesCartItems, cartCount(2)),
    ],
  },

  // ---- vague: one question back with quick replies, never two in a row ----
  {
    name: 'a video card, then "to play"',
    behaviour: 'vague',
    lang: 'es',
    turns: [t('quiero una placa de video', c.asksBack, c.suggests), t('para jugar', c.showsProducts(2))],
  },
  {
    name: 'help me pick, then whatever you think',
    behaviour: 'vague',
    lang: 'en',
    turns: [
      t('help me pick a graphics card', c.asksBack, c.suggests),
      t('idk whatever you think is good', c.showsProducts(2)),
    ],
  },
  {
    name: 'knows nothing, then editing with about 300',
    behaviour: 'vague',
    lang: 'es',
    turns: [
      t('necesito una gpu nueva pero no se nada de esto', c.asksBack, c.suggests),
      t('para editar videos y no tengo mucha plata, unos 300', c.showsProducts(), about(300)),
    ],
  },
  {
    name: 'need a gpu, then 1440p 500 max',
    behaviour: 'vague',
    lang: 'en',
    turns: [t('need a gpu', c.asksBack, c.suggests), t('for 1440p, 500 max', c.showsProducts(), c.priceAtMost(500))],
  },
  {
    name: 'hola, then recommend something',
    behaviour: 'vague',
    lang: 'es',
    turns: [t('hola', c.asksBack, c.suggests), t('recomendame algo', c.showsProducts(2))],
  },
  {
    name: 'upgrade my pc, gaming mostly, under 400',
    behaviour: 'vague',
    lang: 'en',
    turns: [
      t('i want to upgrade my pc', c.asksBack, c.suggests),
      t('gaming mostly', c.showsProducts(2)),
      t('under 400', c.priceAtMost(400)),
    ],
  },

  // ---- budgets in many phrasings ----
  {
    name: 'like 200 bucks',
    behaviour: 'budget',
    lang: 'en',
    turns: [t('something decent for gaming, like 200 bucks', c.showsProducts(), about(200))],
  },
  {
    name: 'unos 500, then NVIDIA',
    behaviour: 'budget',
    lang: 'es',
    turns: [
      t('tengo unos 500 para una placa', c.showsProducts(), about(500)),
      t('que sea nvidia', c.brandIs('NVIDIA'), about(500)),
    ],
  },
  {
    name: '800 lucas for 1440p',
    behaviour: 'budget',
    lang: 'es',
    turns: [t('800 lucas para una gpu de 1440p, que me recomendas', c.showsProducts(), c.priceAtMost(800))],
  },
  {
    name: '1.000 USD, the best possible',
    behaviour: 'budget',
    lang: 'es',
    turns: [t('Presupuesto: 1.000 USD. Quiero la mejor que pueda.', c.showsProducts(), c.priceAtMost(1000))],
  },
  {
    name: '$1k tops for 4K',
    behaviour: 'budget',
    lang: 'en',
    turns: [t('$1k tops for a 4k card', c.showsProducts(), c.priceAtMost(1000))],
  },
  {
    name: 'no más de 250, then cheaper',
    behaviour: 'budget',
    lang: 'es',
    turns: [
      t('no más de 250 dólares, para jugar en 1080p', c.showsProducts(), c.priceAtMost(250)),
      t('mas barata?', c.cheaperThanPreviousFirst, c.priceAtMost(250)),
    ],
  },
  {
    name: 'max 350, amd or intel',
    behaviour: 'budget',
    lang: 'en',
    turns: [t('max 350, amd or intel only please', c.showsProducts(), c.priceAtMost(350), c.brandNot('NVIDIA'))],
  },
  {
    name: 'hasta 450 en stock',
    behaviour: 'budget',
    lang: 'es',
    turns: [t('¿Qué tienen hasta 450 que esté en stock?', c.showsProducts(), c.priceAtMost(450), c.inStock)],
  },
  {
    name: 'por ahí de 600',
    behaviour: 'budget',
    lang: 'es',
    turns: [t('algo para jugar por ahi de 600', c.showsProducts(), about(600))],
  },
  {
    name: 'around 1.2k for ML, then at least 24 GB',
    behaviour: 'budget',
    lang: 'en',
    turns: [
      t('budgets around 1.2k, its for machine learning', c.showsProducts(), about(1200)),
      t('needs 24gb at least', c.vramAtLeast(24), about(1200)),
    ],
  },

  // ---- out of scope: a short redirect, no product list ----
  {
    name: 'capital of Australia, then back to GPUs',
    behaviour: 'out-of-scope',
    lang: 'es',
    turns: [t('¿cuál es la capital de Australia?', ...redirect), t('bueno, y una gpu hasta 300?', c.priceAtMost(300))],
  },
  {
    name: 'tell me a joke',
    behaviour: 'out-of-scope',
    lang: 'en',
    turns: [t('tell me a joke', ...redirect)],
  },
  {
    name: 'AMD up to 500, world cup, then cheaper than the list',
    behaviour: 'out-of-scope',
    lang: 'es',
    turns: [
      t('placas amd hasta 500', c.brandIs('AMD'), c.priceAtMost(500)),
      t('che y quien gana el mundial?', ...redirect),
      t('ok volviendo, hay mas baratas?', after(1, c.cheaperThanPreviousFirst), c.brandIs('AMD')),
    ],
  },
  {
    name: 'cover letter for a barista job',
    behaviour: 'out-of-scope',
    lang: 'en',
    turns: [t('can you write me a cover letter for a barista job', ...redirect)],
  },
  {
    name: 'homemade pizza recipe',
    behaviour: 'out-of-scope',
    lang: 'es',
    turns: [t('receta de pizza casera?', ...redirect)],
  },
  {
    name: 'weather, then a 1080p card',
    behaviour: 'out-of-scope',
    lang: 'en',
    turns: [
      t('whats the weather gonna be like tomorrow in chicago', ...redirect),
      t('fine. a 1080p card under 250 then', c.priceAtMost(250)),
    ],
  },
];

export const heldOutCases: Case[] = list;
