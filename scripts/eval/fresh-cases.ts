// The fresh set: a second held-out evaluation, written blind (without reading the assistant,
// its tests, the development set or the first held-out set), from CONTRACT.md ("Socket.IO",
// "Conversation"), issue 10 and the catalog data. Every expectation is computed from the live
// catalog and from what earlier turns showed; no product id or exact product name appears
// (model names only, as regexes). Spanish in several registers (Mexican, Argentine, Spain,
// neutral; typos and missing accents) and English (casual, terse, typos), half each.
import type { Case } from './conversation-cases.js';
import {
  asksBack,
  bestValueFirst,
  boardPower,
  brandIs,
  brandNot,
  card,
  cardExtreme,
  cardMatching,
  cardOtherThan,
  cartActs,
  cartHasCard,
  cartLacksCard,
  cartLines,
  catalogCard,
  catalogWhere,
  cheapestFirst,
  comparesCards,
  comparesModels,
  comparesPrevious,
  comparisonOf,
  describesCart,
  fastestFirst,
  fitVerdict,
  guestRefused,
  inStock,
  lengthAtMost,
  lengthMm,
  linksCheckout,
  mentionsCard,
  mostVramFirst,
  namedModelFirst,
  noCartAction,
  onlyFromPrevious,
  perfOf,
  picksExtreme,
  powerAtMost,
  previousShown,
  priceAtMost,
  priceBetween,
  quotesFact,
  recommendedPsu,
  refusesOutOfStock,
  relativeIfPossible,
  saysOutOfStock,
  showsNoList,
  showsProducts,
  statesConnectors,
  statesOutputs,
  suggests,
  textAtMost,
  topPerformanceOnly,
  vramAtLeast,
} from './checks.js';

type FreshCase = Case & { name: string };

/** An approximate budget ("like 250", "unos 900"): up to 10% over is still "about". */
const about = (n: number) => priceAtMost(Math.round(n * 1.1));
const boardW = (p: { specs: Record<string, unknown> }) =>
  typeof p.specs.boardPowerW === 'number' ? p.specs.boardPowerW : null;
const SHORT = 400;

export const freshCases: FreshCase[] = [
  // ------------------------------------------------------------------ refinement
  {
    name: 'mx 1440p budget, then 16 GB, then AMD',
    behaviour: 'refinement',
    lang: 'es',
    turns: [
      { say: 'busco una grafica para jugar en 1440p, maximo 600 dolares', expect: [showsProducts(), priceAtMost(600)] },
      { say: '¿y con 16 GB?', expect: [showsProducts(), vramAtLeast(16), priceAtMost(600)] },
      { say: 'mejor que sea AMD', expect: [showsProducts(), brandIs('AMD'), vramAtLeast(16), priceAtMost(600)] },
    ],
  },
  {
    name: 'ar nvidia budget, in stock, case length',
    behaviour: 'refinement',
    lang: 'es',
    turns: [
      {
        say: 'necesito una placa de video nvidia hasta 700 dolares',
        expect: [showsProducts(), brandIs('NVIDIA'), priceAtMost(700)],
      },
      {
        say: 'mostrame solo las que tengan stock',
        expect: [showsProducts(), brandIs('NVIDIA'), priceAtMost(700), inStock],
      },
      {
        say: 'y que entre en un gabinete de 250 mm',
        expect: [showsProducts(), brandIs('NVIDIA'), priceAtMost(700), inStock, lengthAtMost(250)],
      },
    ],
  },
  {
    name: 'es-ES video editing about 900, not NVIDIA, under 250 W',
    behaviour: 'refinement',
    lang: 'es',
    turns: [
      { say: 'Busco tarjeta para edición de vídeo, tengo unos 900 pavos', expect: [showsProducts(), about(900)] },
      { say: 'Que no sea NVIDIA', expect: [showsProducts(), brandNot('NVIDIA'), about(900)] },
      {
        say: 'Vale, y que consuma menos de 250 W',
        expect: [showsProducts(), brandNot('NVIDIA'), about(900), powerAtMost(250)],
      },
    ],
  },
  {
    name: 'neutral streaming under 400, under 150 W, no Intel',
    behaviour: 'refinement',
    lang: 'es',
    turns: [
      { say: 'tarjeta para streaming y juegos en 1080p por menos de 400', expect: [showsProducts(), priceAtMost(400)] },
      { say: 'que consuma menos de 150 W', expect: [showsProducts(), priceAtMost(400), powerAtMost(150)] },
      { say: 'ahora sin intel', expect: [showsProducts(), priceAtMost(400), powerAtMost(150), brandNot('Intel')] },
    ],
  },
  {
    name: 'en 4k under 1200, 16gb, no nvidia',
    behaviour: 'refinement',
    lang: 'en',
    turns: [
      { say: 'need a gpu for 4k gaming under $1200', expect: [showsProducts(), priceAtMost(1200)] },
      { say: '16gb minimum', expect: [showsProducts(), priceAtMost(1200), vramAtLeast(16)] },
      { say: 'no nvidia pls', expect: [showsProducts(), priceAtMost(1200), vramAtLeast(16), brandNot('NVIDIA')] },
    ],
  },
  {
    name: 'en intel, 12gb, under 280',
    behaviour: 'refinement',
    lang: 'en',
    turns: [
      { say: 'show me intel cards', expect: [showsProducts(), brandIs('Intel')] },
      { say: 'only ones with at least 12gb', expect: [showsProducts(), brandIs('Intel'), vramAtLeast(12)] },
      { say: 'under 280', expect: [showsProducts(), brandIs('Intel'), vramAtLeast(12), priceAtMost(280)] },
    ],
  },
  {
    name: 'en terse amd 16gb, in stock, 280 mm',
    behaviour: 'refinement',
    lang: 'en',
    turns: [
      { say: 'amd gpu 16gb', expect: [showsProducts(), brandIs('AMD'), vramAtLeast(16)] },
      { say: 'in stock only', expect: [showsProducts(), brandIs('AMD'), vramAtLeast(16), inStock] },
      {
        say: 'needs to fit in a 280mm case',
        expect: [showsProducts(), brandIs('AMD'), vramAtLeast(16), inStock, lengthAtMost(280)],
      },
    ],
  },
  {
    name: 'en nvidia 12gb under 500, switch to amd',
    behaviour: 'refinement',
    lang: 'en',
    turns: [
      {
        say: 'nvidia under 500 with 12gb',
        expect: [showsProducts(), brandIs('NVIDIA'), priceAtMost(500), vramAtLeast(12)],
      },
      { say: 'actually make it amd', expect: [showsProducts(), brandIs('AMD'), priceAtMost(500), vramAtLeast(12)] },
    ],
  },

  // ------------------------------------------------------------------ relative
  {
    name: 'mx 4k under 1000, then cheaper',
    behaviour: 'relative',
    lang: 'es',
    turns: [
      { say: 'una tarjeta pa jugar en 4k que no pase de 1000 dlls', expect: [showsProducts(), priceAtMost(1000)] },
      {
        say: 'ta cara, algo mas barato?',
        expect: [showsProducts(), relativeIfPossible('cheaper', 'price <= 1000', (p) => p.price <= 1000)],
      },
    ],
  },
  {
    name: 'ar AMD 1080p, then less power',
    behaviour: 'relative',
    lang: 'es',
    turns: [
      { say: 'mostrame una placa AMD para 1080p', expect: [showsProducts(), brandIs('AMD')] },
      {
        say: 'algo que consuma menos?',
        expect: [showsProducts(), relativeIfPossible('lessPower', 'brand AMD', (p) => p.brand === 'AMD')],
      },
    ],
  },
  {
    name: 'es-ES NVIDIA 16 GB for AI, then cheaper',
    behaviour: 'relative',
    lang: 'es',
    turns: [
      { say: 'Busco una NVIDIA con 16 GB para IA', expect: [showsProducts(), brandIs('NVIDIA'), vramAtLeast(16)] },
      {
        say: '¿Hay alguna más económica?',
        expect: [
          showsProducts(),
          relativeIfPossible('cheaper', 'NVIDIA with 16 GB', (p) => p.brand === 'NVIDIA' && p.vramGb >= 16),
        ],
      },
    ],
  },
  {
    name: 'en rtx 12gb, then more powerful',
    behaviour: 'relative',
    lang: 'en',
    turns: [
      { say: 'rtx card for 1440p with 12gb', expect: [showsProducts(), brandIs('NVIDIA'), vramAtLeast(12)] },
      {
        say: 'something more powerful?',
        expect: [
          showsProducts(),
          relativeIfPossible('faster', 'NVIDIA with 12 GB', (p) => p.brand === 'NVIDIA' && p.vramGb >= 12),
        ],
      },
    ],
  },
  {
    name: 'en esports under 300, cheaper, then a bit faster than that one',
    behaviour: 'relative',
    lang: 'en',
    turns: [
      { say: 'gpu for 1080p esports under 300', expect: [showsProducts(), priceAtMost(300)] },
      {
        say: 'cheaper?',
        expect: [showsProducts(), relativeIfPossible('cheaper', 'price <= 300', (p) => p.price <= 300)],
      },
      {
        say: 'hmm a bit more powerful than that one tho',
        expect: [showsProducts(), relativeIfPossible('faster', 'price <= 300', (p) => p.price <= 300)],
      },
    ],
  },
  {
    name: 'en low power htpc, then even lower',
    behaviour: 'relative',
    lang: 'en',
    turns: [
      { say: 'low power card for a small htpc build', expect: [showsProducts()] },
      { say: 'anything that draws even less power?', expect: [showsProducts(), relativeIfPossible('lessPower')] },
    ],
  },

  // ------------------------------------------------------------------ reference
  {
    name: 'mx list, power of the second',
    behaviour: 'reference',
    lang: 'es',
    turns: [
      {
        say: 'tarjetas nvidia de 8 gb abajo de 350',
        expect: [showsProducts(2), brandIs('NVIDIA'), vramAtLeast(8), priceAtMost(350)],
      },
      {
        say: 'cuanto consume la segunda?',
        expect: [mentionsCard(card(1, 2)), quotesFact(card(1, 2), boardPower, 'board power')],
      },
    ],
  },
  {
    name: 'ar list, connectors of the last one',
    behaviour: 'reference',
    lang: 'es',
    turns: [
      {
        say: 'mostrame placas con 12 GB por menos de 500',
        expect: [showsProducts(2), vramAtLeast(12), priceAtMost(500)],
      },
      { say: 'la ultima que conectores de corriente usa?', expect: [statesConnectors(card(1, -1))] },
    ],
  },
  {
    name: 'es-ES "de esas" cheapest, then add it',
    behaviour: 'reference',
    lang: 'es',
    turns: [
      {
        say: 'Enséñame tarjetas de 16 GB por menos de 500',
        expect: [showsProducts(2), vramAtLeast(16), priceAtMost(500)],
      },
      { say: '¿Cuál de esas es la más barata?', expect: [cheapestFirst(previousShown), onlyFromPrevious] },
      { say: 'Añádela al carrito', expect: [cartActs(card(2, 1), { type: 'cart.add' }), cartHasCard(card(2, 1))] },
    ],
  },
  {
    name: 'neutral RX 7900 GRE, length of the first, then "esa" fits 300 mm',
    behaviour: 'reference',
    lang: 'es',
    turns: [
      { say: 'tienen la rx 7900 gre?', expect: [showsProducts(), namedModelFirst(/7900 GRE/i)] },
      { say: 'la primera cuanto mide?', expect: [quotesFact(card(1, 1), lengthMm, 'length')] },
      { say: 'y esa me entra en un gabinete de 300 mm?', expect: [fitVerdict(card(1, 1), { caseMm: 300 })] },
    ],
  },
  {
    name: 'en amd 400-600, about #3, then "it"',
    behaviour: 'reference',
    lang: 'en',
    turns: [
      { say: 'amd cards between 400 and 600', expect: [showsProducts(3), brandIs('AMD'), priceBetween(400, 600)] },
      { say: 'tell me more about #3', expect: [mentionsCard(card(1, 3))] },
      { say: 'how long is it?', expect: [quotesFact(card(1, 3), lengthMm, 'length')] },
    ],
  },
  {
    name: 'en compare by name, then power of the one named',
    behaviour: 'reference',
    lang: 'en',
    turns: [
      { say: 'compare rtx 5070 and rx 9070 xt', expect: [comparesModels([/RTX 5070(?! Ti)/i, /RX 9070 XT/i])] },
      {
        say: 'how much power does the 9070 xt pull?',
        expect: [quotesFact(cardMatching(1, /RX 9070 XT/i), boardPower, 'board power')],
      },
    ],
  },
  {
    name: 'en "of those" fastest, then its PSU',
    behaviour: 'reference',
    lang: 'en',
    turns: [
      {
        say: 'nvidia cards with 16gb under 900',
        expect: [showsProducts(2), brandIs('NVIDIA'), vramAtLeast(16), priceAtMost(900)],
      },
      { say: 'which of those is the fastest?', expect: [fastestFirst(previousShown), onlyFromPrevious] },
      {
        say: 'and what psu do i need for that one',
        expect: [quotesFact(card(2, 1), recommendedPsu, 'recommended PSU')],
      },
    ],
  },
  {
    name: 'en rtx 4060 list, the last one',
    behaviour: 'reference',
    lang: 'en',
    turns: [
      { say: 'rtx 4060 options?', expect: [showsProducts(2), namedModelFirst(/RTX 4060/i)] },
      { say: 'how long is the last one', expect: [quotesFact(card(1, -1), lengthMm, 'length')] },
    ],
  },

  // ------------------------------------------------------------------ superlative
  {
    name: 'ar most VRAM catalog-wide',
    behaviour: 'superlative',
    lang: 'es',
    turns: [{ say: 'cual es la placa con mas memoria que tienen', expect: [mostVramFirst(catalogWhere(() => true))] }],
  },
  {
    name: 'mx most powerful under 800',
    behaviour: 'superlative',
    lang: 'es',
    turns: [
      {
        say: 'la más potente que tengan por menos de 800 dólares',
        expect: [fastestFirst(catalogWhere((p) => p.price <= 800)), priceAtMost(800)],
      },
    ],
  },
  {
    name: 'es-ES cheapest AMD 16 GB available',
    behaviour: 'superlative',
    lang: 'es',
    turns: [
      {
        say: 'De AMD, ¿cuál es la más barata con 16 GB que tengáis disponible?',
        expect: [
          cheapestFirst(catalogWhere((p) => p.brand === 'AMD' && p.vramGb >= 16 && p.stock > 0)),
          brandIs('AMD'),
          vramAtLeast(16),
          inStock,
        ],
      },
    ],
  },
  {
    name: 'ar 1440p up to 600, best value of those',
    behaviour: 'superlative',
    lang: 'es',
    turns: [
      { say: 'busco algo para jugar en 1440p hasta 600 dolares', expect: [showsProducts(2), priceAtMost(600)] },
      { say: 'de esas cual rinde mas por lo que cuesta?', expect: [bestValueFirst(previousShown), onlyFromPrevious] },
    ],
  },
  {
    name: 'mx AI 16 GB, no AMD, most powerful of those, its PSU, add it',
    behaviour: 'superlative',
    lang: 'es',
    turns: [
      { say: 'busco una gpu para IA con al menos 16 GB', expect: [showsProducts(2), vramAtLeast(16)] },
      { say: 'sin AMD porfa', expect: [showsProducts(2), vramAtLeast(16), brandNot('AMD')] },
      { say: '¿cuál de esas es la más potente?', expect: [fastestFirst(previousShown), onlyFromPrevious] },
      { say: '¿qué fuente necesita?', expect: [quotesFact(card(3, 1), recommendedPsu, 'recommended PSU')] },
      { say: 'agrégala al carrito', expect: [cartActs(card(3, 1), { type: 'cart.add' }), cartHasCard(card(3, 1))] },
    ],
  },
  {
    name: 'en cheapest nvidia in stock, casual',
    behaviour: 'superlative',
    lang: 'en',
    turns: [
      {
        say: 'whats the cheapest nvidia thing u got thats actually in stock',
        expect: [cheapestFirst(catalogWhere((p) => p.brand === 'NVIDIA' && p.stock > 0)), brandIs('NVIDIA'), inStock],
      },
    ],
  },
  {
    name: 'en best value under 400',
    behaviour: 'superlative',
    lang: 'en',
    turns: [
      {
        say: 'best bang for the buck under 400?',
        expect: [bestValueFirst(catalogWhere((p) => p.price <= 400)), priceAtMost(400)],
      },
    ],
  },
  {
    name: 'en most powerful amd',
    behaviour: 'superlative',
    lang: 'en',
    turns: [
      {
        say: 'most powerful amd card',
        expect: [fastestFirst(catalogWhere((p) => p.brand === 'AMD')), brandIs('AMD')],
      },
    ],
  },
  {
    name: 'en most vram under 1000 bucks',
    behaviour: 'superlative',
    lang: 'en',
    turns: [
      {
        say: 'which card has the most vram for under 1000 bucks',
        expect: [mostVramFirst(catalogWhere((p) => p.price <= 1000)), priceAtMost(1000)],
      },
    ],
  },
  {
    name: 'en most powerful period, then the cheapest of those',
    behaviour: 'superlative',
    lang: 'en',
    turns: [
      { say: 'whats the single most powerful gpu you sell', expect: [fastestFirst(catalogWhere(() => true))] },
      {
        say: 'ok show me all the variants of that model, cheapest first',
        expect: [
          showsProducts(2),
          topPerformanceOnly,
          cheapestFirst((c) =>
            c.catalog.filter((p) => p.isActive && perfOf(p) === Math.max(...c.catalog.map((g) => perfOf(g) ?? -1))),
          ),
        ],
      },
    ],
  },

  // ------------------------------------------------------------------ comparison
  {
    name: 'mx 500-700, compare the first two',
    behaviour: 'comparison',
    lang: 'es',
    turns: [
      { say: 'muestrame tarjetas entre 500 y 700', expect: [showsProducts(2), priceBetween(500, 700)] },
      { say: 'compara las dos primeras', expect: [comparesPrevious([1, 2]), comparisonOf(2, 2)] },
    ],
  },
  {
    name: 'ar compare three by name',
    behaviour: 'comparison',
    lang: 'es',
    turns: [
      {
        say: 'compará la 5060 ti, la 9060 xt y la b580',
        expect: [comparesModels([/5060 Ti/i, /9060 XT/i, /B580/i]), comparisonOf(3, 3)],
      },
    ],
  },
  {
    name: 'es-ES compare four by name',
    behaviour: 'comparison',
    lang: 'es',
    turns: [
      {
        say: 'Compárame la RTX 5080, la RX 7900 XTX, la RTX 4080 Super y la RX 9070 XT',
        expect: [comparesModels([/RTX 5080/i, /7900 XTX/i, /4080 SUPER/i, /9070 XT/i]), comparisonOf(4, 4)],
      },
    ],
  },
  {
    name: 'neutral compare 4060 vs 7600, then which of the two uses less',
    behaviour: 'comparison',
    lang: 'es',
    turns: [
      {
        say: 'comparame la rtx 4060 con la rx 7600',
        expect: [comparesModels([/RTX 4060(?! Ti)/i, /RX 7600(?! XT)/i]), comparisonOf(2, 2)],
      },
      {
        say: 'cual de las dos consume menos?',
        expect: [picksExtreme('uses less power', boardW, 'min', (c) => c.prev[0]!.comparison?.products ?? [])],
      },
    ],
  },
  {
    name: 'neutral AMD 16 GB, compare first with last',
    behaviour: 'comparison',
    lang: 'es',
    turns: [
      { say: 'placas AMD de 16 GB', expect: [showsProducts(3), brandIs('AMD'), vramAtLeast(16)] },
      { say: 'compara la primera con la ultima', expect: [comparesCards([card(1, 1), card(1, -1)])] },
    ],
  },
  {
    name: 'en vs by name',
    behaviour: 'comparison',
    lang: 'en',
    turns: [
      {
        say: 'rtx 4070 super vs rx 7900 gre',
        expect: [comparesModels([/4070 SUPER/i, /7900 GRE/i]), comparisonOf(2, 2)],
      },
    ],
  },
  {
    name: 'en five 16gb cards, compare the first four',
    behaviour: 'comparison',
    lang: 'en',
    turns: [
      { say: 'show me 5 options with 16gb under 600', expect: [showsProducts(4), vramAtLeast(16), priceAtMost(600)] },
      { say: 'compare the first four', expect: [comparesPrevious([1, 2, 3, 4]), comparisonOf(4, 4)] },
    ],
  },
  {
    name: 'en 24gb+, compare 1st and 3rd',
    behaviour: 'comparison',
    lang: 'en',
    turns: [
      { say: 'gpus for local llms with 24gb or more', expect: [showsProducts(3), vramAtLeast(24)] },
      { say: 'compare the 1st and the 3rd', expect: [comparesPrevious([1, 3]), comparisonOf(2, 2)] },
    ],
  },
  {
    name: 'en which is better 4070 or 3080',
    behaviour: 'comparison',
    lang: 'en',
    turns: [
      {
        say: '4070 vs 3080, which ones better?',
        expect: [comparesModels([/RTX 4070/i, /RTX 3080/i]), comparisonOf(2, 2)],
      },
    ],
  },
  {
    name: 'en under 800, 16gb, compare top 2, add the cheaper, the other too, cart',
    behaviour: 'comparison',
    lang: 'en',
    turns: [
      { say: 'gaming gpu under 800', expect: [showsProducts(2), priceAtMost(800)] },
      { say: '16gb at least', expect: [showsProducts(2), priceAtMost(800), vramAtLeast(16)] },
      { say: 'compare the top 2', expect: [comparesPrevious([1, 2]), comparisonOf(2, 2)] },
      {
        say: 'add the cheaper one to my cart',
        expect: [
          cartActs(
            cardExtreme(3, (p) => p.price, 'min'),
            { type: 'cart.add' },
          ),
          cartHasCard(cardExtreme(3, (p) => p.price, 'min')),
        ],
      },
      {
        say: 'the other one too',
        expect: [
          cartActs(
            cardOtherThan(
              3,
              cardExtreme(3, (p) => p.price, 'min'),
            ),
            { type: 'cart.add' },
          ),
          cartHasCard(
            cardOtherThan(
              3,
              cardExtreme(3, (p) => p.price, 'min'),
            ),
          ),
          cartHasCard(cardExtreme(3, (p) => p.price, 'min')),
        ],
      },
      { say: 'whats in my cart', expect: [describesCart, noCartAction] },
    ],
  },

  // ------------------------------------------------------------------ question
  {
    name: 'es RTX 5070 connectors then outputs of the first',
    behaviour: 'question',
    lang: 'es',
    turns: [
      { say: 'tarjetas RTX 5070', expect: [showsProducts(2), namedModelFirst(/RTX 5070/i)] },
      { say: 'que conectores de poder necesita la primera', expect: [statesConnectors(card(1, 1))] },
      { say: '¿y qué salidas de video tiene?', expect: [statesOutputs(card(1, 1))] },
    ],
  },
  {
    name: 'es-ES RTX 4060: power of the first, fits a 200 mm mini-ITX case',
    behaviour: 'question',
    lang: 'es',
    turns: [
      { say: '¿Tenéis la RTX 4060?', expect: [showsProducts(), namedModelFirst(/RTX 4060/i)] },
      { say: '¿Cuánto consume la primera?', expect: [quotesFact(card(1, 1), boardPower, 'board power')] },
      { say: '¿Me cabe en una caja mini ITX de 200 mm?', expect: [fitVerdict(card(1, 1), { caseMm: 200 })] },
    ],
  },
  {
    name: 'mx RX 6800 XT: power of "esa", 650 W PSU enough',
    behaviour: 'question',
    lang: 'es',
    turns: [
      { say: 'tienen la rx 6800 xt?', expect: [showsProducts(), namedModelFirst(/6800 XT/i)] },
      { say: 'y esa cuanto consume?', expect: [quotesFact(card(1, 1), boardPower, 'board power')] },
      { say: 'con una fuente de 650 W me alcanza?', expect: [fitVerdict(card(1, 1), { psuW: 650 })] },
    ],
  },
  {
    name: 'en 9070 xt: psu of the first, is 650 w enough',
    behaviour: 'question',
    lang: 'en',
    turns: [
      { say: 'show me rx 9070 xt cards', expect: [showsProducts(), namedModelFirst(/9070 XT/i)] },
      { say: 'what psu does the first one need?', expect: [quotesFact(card(1, 1), recommendedPsu, 'recommended PSU')] },
      { say: 'will a 650w psu be enough for it?', expect: [fitVerdict(card(1, 1), { psuW: 650 })] },
    ],
  },
  {
    name: 'en cheap amd office card: power connector of the first',
    behaviour: 'question',
    lang: 'en',
    turns: [
      {
        say: 'cheap amd card for an office pc, under 150',
        expect: [showsProducts(), brandIs('AMD'), priceAtMost(150)],
      },
      { say: 'does the first one need a power connector?', expect: [statesConnectors(card(1, 1))] },
    ],
  },
  {
    name: 'en 5090s: length of #2, fits 340 mm',
    behaviour: 'question',
    lang: 'en',
    turns: [
      { say: 'rtx 5090s?', expect: [showsProducts(2), namedModelFirst(/5090/)] },
      { say: 'how long is #2', expect: [quotesFact(card(1, 2), lengthMm, 'length')] },
      { say: 'would it fit a case with 340mm clearance', expect: [fitVerdict(card(1, 2), { caseMm: 340 })] },
    ],
  },

  // ------------------------------------------------------------------ cart
  {
    name: 'mx RTX 4060 in stock: add the first, make it 2, view cart',
    behaviour: 'cart',
    lang: 'es',
    turns: [
      {
        say: 'quiero una rtx 4060 que tengan en stock',
        expect: [showsProducts(), namedModelFirst(/RTX 4060/i, (p) => p.stock > 0), inStock],
      },
      {
        say: 'agrega la primera al carrito',
        expect: [cartActs(card(1, 1), { type: 'cart.add' }), cartHasCard(card(1, 1))],
      },
      {
        say: 'mejor ponle 2',
        expect: [
          cartActs(card(1, 1), { type: 'cart.set', also: ['cart.add'], quantity: 2 }),
          cartHasCard(card(1, 1), 2),
        ],
      },
      { say: '¿qué tengo en el carrito?', expect: [describesCart, noCartAction] },
    ],
  },
  {
    name: 'ar 1440p to 650, NVIDIA, compare, add first, the other too',
    behaviour: 'cart',
    lang: 'es',
    turns: [
      { say: 'busco placa para 1440p hasta 650 dolares', expect: [showsProducts(2), priceAtMost(650)] },
      { say: 'que sea nvidia', expect: [showsProducts(2), priceAtMost(650), brandIs('NVIDIA')] },
      { say: 'compará las dos primeras', expect: [comparesPrevious([1, 2]), comparisonOf(2, 2)] },
      {
        say: 'agregá la primera al carrito',
        expect: [cartActs(card(3, 1), { type: 'cart.add' }), cartHasCard(card(3, 1))],
      },
      {
        say: 'y la otra tambien',
        expect: [cartActs(card(3, 2), { type: 'cart.add' }), cartHasCard(card(3, 2)), cartHasCard(card(3, 1))],
      },
    ],
  },
  {
    name: 'es-ES guest: RX 9070, add to basket refused, then a question',
    behaviour: 'cart',
    lang: 'es',
    guest: true,
    turns: [
      { say: 'Quiero comprar una RX 9070', expect: [showsProducts(), namedModelFirst(/RX 9070/i)] },
      { say: 'Añádela a la cesta', expect: [guestRefused] },
      { say: 'Vale, ¿y cuánto consume?', expect: [quotesFact(card(1, 1), boardPower, 'board power')] },
    ],
  },
  {
    name: 'neutral cheapest 12 GB: add, remove, add the second',
    behaviour: 'cart',
    lang: 'es',
    turns: [
      {
        say: 'cual es la mas barata con 12 GB',
        expect: [showsProducts(2), cheapestFirst(catalogWhere((p) => p.vramGb >= 12)), vramAtLeast(12)],
      },
      { say: 'agregala al carrito', expect: [cartActs(card(1, 1), { type: 'cart.add' }), cartHasCard(card(1, 1))] },
      {
        say: 'no, sacala del carrito',
        expect: [cartActs(card(1, 1), { type: 'cart.remove' }), cartLacksCard(card(1, 1))],
      },
      {
        say: 'y agregame la segunda de la lista',
        expect: [cartActs(card(1, 2), { type: 'cart.add' }), cartHasCard(card(1, 2)), cartLacksCard(card(1, 1))],
      },
    ],
  },
  {
    name: 'en amd under 300 in stock: add #2, remove it, empty cart',
    behaviour: 'cart',
    lang: 'en',
    turns: [
      {
        say: 'show me amd cards under 300 in stock',
        expect: [showsProducts(2), brandIs('AMD'), priceAtMost(300), inStock],
      },
      { say: 'add #2 to my cart', expect: [cartActs(card(1, 2), { type: 'cart.add' }), cartHasCard(card(1, 2))] },
      { say: 'actually remove it', expect: [cartActs(card(1, 2), { type: 'cart.remove' }), cartLacksCard(card(1, 2))] },
      { say: 'whats in my cart now', expect: [describesCart, cartLines(0)] },
    ],
  },
  {
    name: 'en guest: 5060 ti 16gb, add first and second refused',
    behaviour: 'cart',
    lang: 'en',
    guest: true,
    turns: [
      {
        say: 'rtx 5060 ti 16gb',
        expect: [showsProducts(2), namedModelFirst(/5060 Ti/i, (p) => p.vramGb >= 16), vramAtLeast(16)],
      },
      { say: 'add the first one to cart', expect: [guestRefused] },
      { say: 'ok what about the second one, add that', expect: [guestRefused] },
    ],
  },
  {
    name: 'en cheapest rtx 5070, add 2, checkout link, nothing bought',
    behaviour: 'cart',
    lang: 'en',
    turns: [
      {
        say: 'cheapest rtx 5070 you have',
        expect: [
          cheapestFirst(catalogWhere((p) => /RTX 5070(?! Ti)/i.test(p.name))),
          namedModelFirst(/RTX 5070(?! Ti)/i),
        ],
      },
      {
        say: 'add 2 of that one',
        expect: [cartActs(card(1, 1), { type: 'cart.add', quantity: 2 }), cartHasCard(card(1, 1), 2)],
      },
      { say: 'ok take me to checkout', expect: [linksCheckout, noCartAction, cartHasCard(card(1, 1), 2)] },
    ],
  },
  {
    name: 'en out of stock card by name: refused',
    behaviour: 'cart',
    lang: 'en',
    turns: [
      { say: 'do you have the asus dual 3060 ti?', expect: [saysOutOfStock] },
      { say: 'add it to my cart', expect: [refusesOutOfStock(catalogCard(/ASUS.*RTX 3060 Ti/i))] },
    ],
  },

  // ------------------------------------------------------------------ vague
  {
    name: 'neutral vague, then gaming (no second question)',
    behaviour: 'vague',
    lang: 'es',
    turns: [
      { say: 'hola, necesito una gpu', expect: [asksBack, suggests] },
      { say: 'no se, para jugar', expect: [showsProducts()] },
    ],
  },
  {
    name: 'ar vague recommendation, then use and budget',
    behaviour: 'vague',
    lang: 'es',
    turns: [
      { say: 'che, que me recomendas?', expect: [asksBack, suggests] },
      { say: 'para edicion de video, hasta 800', expect: [showsProducts(), priceAtMost(800)] },
    ],
  },
  {
    name: 'es-ES help me choose, then "no lo sé"',
    behaviour: 'vague',
    lang: 'es',
    turns: [
      { say: '¿Me podéis ayudar a elegir una gráfica?', expect: [asksBack, suggests] },
      { say: 'Pues no lo sé', expect: [showsProducts()] },
    ],
  },
  {
    name: 'en help me pick, then idk',
    behaviour: 'vague',
    lang: 'en',
    turns: [
      { say: 'help me pick a graphics card', expect: [asksBack, suggests] },
      { say: 'idk, whatever is good', expect: [showsProducts()] },
    ],
  },
  {
    name: 'en upgrade, then around 500',
    behaviour: 'vague',
    lang: 'en',
    turns: [
      { say: 'i want to upgrade my gpu', expect: [asksBack, suggests] },
      { say: 'around 500', expect: [showsProducts(), about(500)] },
    ],
  },
  {
    name: 'en terse "gpu?" then "cheap"',
    behaviour: 'vague',
    lang: 'en',
    turns: [
      { say: 'gpu?', expect: [asksBack, suggests] },
      { say: 'something cheap', expect: [showsProducts()] },
    ],
  },

  // ------------------------------------------------------------------ budget
  {
    name: 'ar 800 lucas',
    behaviour: 'budget',
    lang: 'es',
    turns: [{ say: 'tengo 800 lucas, que placa me compro para jugar?', expect: [showsProducts(), priceAtMost(800)] }],
  },
  {
    name: 'es-ES 300 pavos',
    behaviour: 'budget',
    lang: 'es',
    turns: [{ say: '¿Qué gráfica me pillo con 300 pavos?', expect: [showsProducts(), priceAtMost(300)] }],
  },
  {
    name: 'mx entre 400 y 600 varos, then 16 GB',
    behaviour: 'budget',
    lang: 'es',
    turns: [
      { say: 'algo entre 400 y 600 varos', expect: [showsProducts(), priceBetween(400, 600)] },
      { say: 'y con 16gb', expect: [showsProducts(), priceBetween(400, 600), vramAtLeast(16)] },
    ],
  },
  {
    name: 'neutral 1.500 USD, then lowered to 700',
    behaviour: 'budget',
    lang: 'es',
    turns: [
      { say: 'tarjeta de video por 1.500 USD o menos', expect: [showsProducts(), priceAtMost(1500)] },
      { say: 'mejor bajalo a 700', expect: [showsProducts(), priceAtMost(700)] },
    ],
  },
  {
    name: 'en $1k',
    behaviour: 'budget',
    lang: 'en',
    turns: [{ say: 'what can i get for $1k', expect: [showsProducts(), priceAtMost(1000)] }],
  },
  {
    name: 'en like 250ish',
    behaviour: 'budget',
    lang: 'en',
    turns: [{ say: 'budget is like 250ish, gaming', expect: [showsProducts(), about(250)] }],
  },
  {
    name: 'en 1.2k max',
    behaviour: 'budget',
    lang: 'en',
    turns: [{ say: 'gpu for 1440p, 1.2k max', expect: [showsProducts(), priceAtMost(1200)] }],
  },
  {
    name: 'en five hundred in words, then raised',
    behaviour: 'budget',
    lang: 'en',
    turns: [
      {
        say: 'no more than five hundred dollars for a gaming card',
        expect: [showsProducts(), priceAtMost(500)],
      },
      { say: 'ok i can stretch to 650', expect: [showsProducts(), priceAtMost(650)] },
    ],
  },

  // ------------------------------------------------------------------ out of scope
  {
    name: 'neutral world cup',
    behaviour: 'out-of-scope',
    lang: 'es',
    turns: [{ say: '¿quién ganó el mundial 2022?', expect: [showsNoList, textAtMost(SHORT), noCartAction] }],
  },
  {
    name: 'mx search, weather aside, back to the first card',
    behaviour: 'out-of-scope',
    lang: 'es',
    turns: [
      { say: 'busco una rtx 4070', expect: [showsProducts(), namedModelFirst(/RTX 4070/i)] },
      { say: 'oye y que clima hace hoy en cdmx?', expect: [showsNoList, textAtMost(SHORT), noCartAction] },
      { say: 'ok, y la primera cuanto consume', expect: [quotesFact(card(1, 1), boardPower, 'board power')] },
    ],
  },
  {
    name: 'es-ES paella recipe',
    behaviour: 'out-of-scope',
    lang: 'es',
    turns: [{ say: '¿Me pasas una receta de paella valenciana?', expect: [showsNoList, textAtMost(SHORT)] }],
  },
  {
    name: 'en haiku',
    behaviour: 'out-of-scope',
    lang: 'en',
    turns: [{ say: 'write me a haiku about cats', expect: [showsNoList, textAtMost(SHORT)] }],
  },
  {
    name: 'en printer',
    behaviour: 'out-of-scope',
    lang: 'en',
    turns: [{ say: 'can u help me fix my printer its not printing', expect: [showsNoList, textAtMost(SHORT)] }],
  },
  {
    name: 'en capital of australia, then back to shopping',
    behaviour: 'out-of-scope',
    lang: 'en',
    turns: [
      { say: 'whats the capital of australia', expect: [showsNoList, textAtMost(SHORT)] },
      { say: 'lol ok then show me cards under 200', expect: [showsProducts(), priceAtMost(200)] },
    ],
  },
];
