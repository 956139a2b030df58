import type { Gpu } from '@gpu/shared';
import { describe, expect, it } from 'vitest';
import { emptyState, fromQueryConstraints, type ConversationState } from './state.js';
import { understandTurn, type Understood } from './understand-turn.js';
import { parseQuery } from '../query/parse-query.js';

const gpu = (n: number, name: string, over: Partial<Gpu> = {}): Gpu => ({
  id: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
  sku: `SKU-${n}`,
  name,
  brand: 'NVIDIA',
  vramGb: 12,
  price: 500,
  stock: 5,
  description: '',
  descriptions: { es: '', en: '' },
  imageUrl: null,
  thumbnailUrl: null,
  isActive: true,
  specs: {},
  ...over,
});

const shown = [
  gpu(1, 'XFX Speedster MERC 310 AMD Radeon RX 7900 XT 20GB', {
    brand: 'AMD',
    vramGb: 20,
    price: 699.99,
    specs: { boardPowerW: 315, lengthMm: 344, perfIndex: 70 },
  }),
  gpu(2, 'MSI GeForce RTX 4070 Ti SUPER 16G VENTUS 3X', {
    vramGb: 16,
    price: 799.99,
    specs: { boardPowerW: 285, lengthMm: 308, perfIndex: 72 },
  }),
  gpu(3, 'Sapphire PULSE AMD Radeon RX 7800 XT GAMING 16GB', {
    brand: 'AMD',
    vramGb: 16,
    price: 479.99,
    specs: { boardPowerW: 263, lengthMm: 280, perfIndex: 55 },
  }),
];

/** The state after "GPU para 4K gaming bajo $1000" showed the three cards above. */
function after4k(over: Partial<ConversationState> = {}): ConversationState {
  const c = parseQuery('GPU para 4K gaming bajo $1000');
  return {
    ...emptyState('es'),
    constraints: fromQueryConstraints(c),
    query: 'GPU para 4K gaming bajo $1000',
    shown: shown.map((p) => p.id),
    focus: shown[0]!.id,
    lastKind: 'search',
    turns: 1,
    ...over,
  };
}

const understand = (message: string, state = after4k(), list = shown) =>
  understandTurn({ message, state, shown: state.shown.length ? list : [] });
const kindOf = (u: Understood) => u.kind;
const id = (i: number) => shown[i]!.id;

describe('understandTurn: new requests and refinements', () => {
  it('reads a first request as a new search in the shopper language', () => {
    const t = understand('GPU para 4K gaming bajo $1000', emptyState('en'));
    expect(t.language).toBe('es');
    expect(t.understood).toMatchObject({ kind: 'search', mode: 'new', sort: null });
    if (t.understood.kind !== 'search') throw new Error();
    expect(t.understood.constraints).toMatchObject({ budgetMax: 1000, useCases: ['gaming-4k'] });
  });

  it.each([
    ['¿y algo más barato?', 'es'],
    ['anything cheaper?', 'en'],
    ['and something less expensive', 'en'],
    ['una más económica', 'es'],
  ])('"%s" keeps 4K and the budget and goes below the first card', (message, language) => {
    const t = understand(message);
    expect(t.language).toBe(language);
    expect(t.understood).toMatchObject({ kind: 'search', mode: 'refine', relative: 'cheaper' });
    if (t.understood.kind !== 'search') throw new Error();
    expect(t.understood.constraints.useCases).toEqual(['gaming-4k']);
    expect(t.understood.constraints.budgetMax).toBe(699.98);
    expect(t.understood.query).toBe('GPU para 4K gaming bajo $1000');
  });

  it.each([
    ['¿y con 16 GB?', { minVramGb: 16, budgetMax: 1000, useCases: ['gaming-4k'] }],
    ['prefiero AMD', { brands: ['AMD'], budgetMax: 1000 }],
    ['sin NVIDIA', { excludeBrands: ['NVIDIA'], brands: [], budgetMax: 1000 }],
    ['que quepa en 300 mm', { caseMaxLengthMm: 300, budgetMax: 1000 }],
    ['y que esté en stock', { inStockOnly: true, budgetMax: 1000 }],
    ['mejor bajo 800', { budgetMax: 800, useCases: ['gaming-4k'] }],
    ['¿y para 1440p?', { useCases: ['gaming-1440p'], budgetMax: 1000 }],
    ['que consuma menos', { maxBoardPowerW: 314, budgetMax: 1000 }],
    ['más potente', { minPerfIndex: 70, useCases: ['gaming-4k'] }],
    ['something with more VRAM', { minVramGb: 21 }],
    ['only NVIDIA please', { brands: ['NVIDIA'], useCases: ['gaming-4k'] }],
  ])('"%s" refines what is in force', (message, expected) => {
    const t = understand(message);
    expect(t.understood).toMatchObject({ kind: 'search', mode: 'refine' });
    if (t.understood.kind !== 'search') throw new Error();
    expect(t.understood.constraints).toMatchObject(expected);
  });

  it('starts over on a new need, keeping only the shopper hardware', () => {
    const state = after4k();
    state.constraints.psuWatts = 650;
    const t = understand('necesito una tarjeta para machine learning con 24GB', state);
    expect(t.understood).toMatchObject({ kind: 'search', mode: 'new' });
    if (t.understood.kind !== 'search') throw new Error();
    expect(t.understood.constraints).toMatchObject({ budgetMax: null, minVramGb: 24, useCases: ['ml'], psuWatts: 650 });
  });
});

describe('understandTurn: superlatives', () => {
  it.each([
    ['cheapest NVIDIA card you have in stock', 'price', { brands: ['NVIDIA'], inStockOnly: true, budgetMax: null }],
    ['¿cuál es la tarjeta con más VRAM que tienen?', '-vramGb', { budgetMax: null, useCases: [] }],
    ['the most powerful card you sell', '-performance', { budgetMax: null }],
    ['¿cuál es la de mejor relación calidad-precio del catálogo?', '-value', { budgetMax: null }],
  ])('"%s" sorts the whole catalog', (message, sort, constraints) => {
    const t = understand(message);
    expect(t.understood).toMatchObject({ kind: 'search', sort });
    if (t.understood.kind !== 'search') throw new Error();
    expect(t.understood.constraints).toMatchObject(constraints);
  });

  it('ranks within the constraints in force when the shopper continues', () => {
    const t = understand('¿y la más barata?');
    expect(t.understood).toMatchObject({ kind: 'search', mode: 'refine', sort: 'price' });
    if (t.understood.kind !== 'search') throw new Error();
    expect(t.understood.constraints.budgetMax).toBe(1000);
  });

  it.each([
    ['¿cuál de esas tiene más VRAM?', '-vramGb'],
    ['which of those is the cheapest?', 'price'],
    ['¿cuál es la más potente de esas?', '-performance'],
  ])('"%s" ranks the cards shown', (message, sort) => {
    expect(understand(message).understood).toEqual({ kind: 'rank-shown', sort, ids: shown.map((p) => p.id) });
  });
});

describe('understandTurn: references, comparisons and questions', () => {
  it.each([
    ['compara las dos primeras', [0, 1]],
    ['compare the first and the third', [0, 2]],
    ['compara la primera con la tercera', [0, 2]],
    ['compare #1 and #3', [0, 2]],
    ['compáralas', [0, 1, 2]],
    ['which is better, the 4070 Ti SUPER or the 7800 XT?', [1, 2]],
  ])('"%s" compares the cards referred to', (message, idx) => {
    expect(understand(message).understood).toEqual({
      kind: 'compare',
      targets: idx.map((i) => ({ kind: 'product', id: id(i) })),
    });
  });

  it('compares named models that are not on screen by name', () => {
    const t = understand('RTX 4060 vs RX 7600: ¿cuál conviene?', emptyState('es'));
    expect(t.understood).toEqual({
      kind: 'compare',
      targets: [
        { kind: 'model', model: 'RTX 4060' },
        { kind: 'model', model: 'RX 7600' },
      ],
    });
  });

  it.each([
    ['¿cuánto consume la primera?', 'power', 0],
    ['¿qué salidas tiene la segunda?', 'outputs', 1],
    ['what connectors does the third one need?', 'connectors', 2],
    ['¿cabe la 7800 XT en mi gabinete de 290 mm?', 'length', 2],
    ['háblame de la segunda', 'specs', 1],
    ['the last one', 'specs', 2],
  ])('"%s" asks about one card', (message, topic, i) => {
    expect(understand(message).understood).toMatchObject({
      kind: 'question',
      topic,
      target: { kind: 'product', id: id(i) },
    });
  });

  it('answers "does it fit" about the card in focus, with the case given', () => {
    const t = understand('does it fit in a 300mm case?');
    expect(t.understood).toEqual({
      kind: 'question',
      topic: 'length',
      target: { kind: 'product', id: id(0) },
      hardware: { psuWatts: null, caseMaxLengthMm: 300 },
    });
  });

  it('asks about a model by name with the shopper PSU', () => {
    const t = understand('¿me sirve una RX 7600 con una fuente de 450W?', emptyState('es'));
    expect(t.understood).toMatchObject({
      kind: 'question',
      topic: 'psu',
      target: { kind: 'model', model: 'RX 7600' },
      hardware: { psuWatts: 450 },
    });
  });
});

describe('understandTurn: cart and checkout', () => {
  it.each([
    ['agrega la primera al carrito', 'add', [0], null],
    ['add the second one to my cart', 'add', [1], null],
    ['agrégala', 'add', [0], null],
    ['agrega 2 de la tercera', 'add', [2], 2],
    ["I'll take the 7800 XT", 'add', [2], null],
    ['quita la segunda del carrito', 'remove', [1], null],
    ['remove the 4070 Ti SUPER from my cart', 'remove', [1], null],
    ['cambia la cantidad de la primera a 3', 'set', [0], 3],
  ])('"%s" is a cart %s', (message, action, idx, quantity) => {
    expect(understand(message).understood).toEqual({
      kind: 'cart',
      action,
      targets: idx.map((i) => ({ kind: 'product', id: id(i) })),
      quantity,
    });
  });

  it.each(['¿qué tengo en el carrito?', "what's in my cart?", 'ver carrito'])('"%s" views the cart', (m) => {
    expect(understand(m).understood).toMatchObject({ kind: 'cart', action: 'view' });
  });

  it.each(['quiero pagar', 'checkout please', 'finalizar compra'])('"%s" goes to checkout (a link)', (m) => {
    expect(kindOf(understand(m).understood)).toBe('checkout');
  });

  it('reads "quiero comprar una GPU para 4K" as a search, not a cart action', () => {
    expect(understand('quiero comprar una GPU para 4K', emptyState('es')).understood).toMatchObject({
      kind: 'search',
      mode: 'new',
    });
  });
});

describe('understandTurn: vague, small talk and out of scope', () => {
  it.each(['quiero una tarjeta de video', 'help me choose', 'recomiéndame una GPU', 'what should I buy?'])(
    '"%s" gets a question back',
    (m) => {
      expect(kindOf(understand(m, emptyState('es')).understood)).toBe('clarify');
    },
  );

  it('never asks twice in a row: still vague after a question shows picks', () => {
    const state = { ...emptyState('es'), lastKind: 'clarify' as const, turns: 1 };
    expect(kindOf(understand('no sé, una buena', state).understood)).toBe('picks');
  });

  it.each(['¿quién ganó el mundial de 2022?', 'write me a poem about the sea', 'what is the capital of France'])(
    '"%s" is outside the store',
    (m) => {
      expect(kindOf(understand(m, emptyState('es')).understood)).toBe('out-of-scope');
    },
  );

  it.each([
    ['hola', 'greeting'],
    ['gracias!', 'thanks'],
    ['¿hacen envíos a Chile?', 'store-info'],
  ])('"%s" is small talk (%s)', (m, what) => {
    expect(understand(m, emptyState('es')).understood).toEqual({ kind: 'smalltalk', what });
  });

  it.each([
    ['What would you recommend on a small budget, like 200?', 200],
    ['algo para jugar con unos 500', 500],
    ['tengo 800 lucas', 800],
    ['max 1.000 USD', 1000],
    ['something for $1k', 1000],
  ])('"%s" is a search with a budget of %d', (m, budget) => {
    const t = understand(m, emptyState('es'));
    expect(t.understood).toMatchObject({ kind: 'search', mode: 'new' });
    if (t.understood.kind !== 'search') throw new Error();
    expect(t.understood.constraints.budgetMax).toBe(budget);
  });
});

describe('understandTurn: looser phrasings', () => {
  it('ignores fillers and adds a use with "también / also"', () => {
    const t = understand('mmm ok, y también para streaming');
    expect(t.understood).toMatchObject({ kind: 'search', mode: 'refine' });
    if (t.understood.kind !== 'search') throw new Error();
    expect(t.understood.constraints.useCases).toEqual(['gaming-4k', 'streaming']);
    expect(t.understood.constraints.budgetMax).toBe(1000);
  });

  it('reads a requirement without a question mark as a refinement, with one as a question', () => {
    expect(understand('que no pase de 320 mm de largo').understood).toMatchObject({ kind: 'search', mode: 'refine' });
    expect(understand('¿cabe en un gabinete de 320 mm?').understood).toMatchObject({
      kind: 'question',
      topic: 'length',
    });
  });

  it('asks about the card pointed at even when the question brings hardware', () => {
    expect(understand('will the third one run on a 600w power supply with my 290mm case?').understood).toMatchObject({
      kind: 'question',
      target: { kind: 'product', id: id(2) },
      hardware: { psuWatts: 600, caseMaxLengthMm: 290 },
    });
  });

  it('searches for a model asked about by availability', () => {
    const t = understand('do you have the rx 7600 in stock?', emptyState('en'));
    expect(t.understood).toMatchObject({ kind: 'search', mode: 'new' });
    if (t.understood.kind !== 'search') throw new Error();
    expect(t.understood.constraints.models.map((m) => m.display)).toEqual(['RX 7600']);
    expect(t.understood.constraints.inStockOnly).toBe(true);
  });

  it('repeats the last cart action for "and the second one too"', () => {
    const state = after4k({ lastKind: 'cart', lastAction: 'add' });
    expect(understand('and the second one too', state).understood).toEqual({
      kind: 'cart',
      action: 'add',
      targets: [{ kind: 'product', id: id(1) }],
      quantity: null,
    });
  });

  it('sets a quantity in voseo right after a cart change', () => {
    const state = after4k({ lastKind: 'cart', lastAction: 'add' });
    expect(understand('dejalo en 3', state).understood).toMatchObject({ kind: 'cart', action: 'set', quantity: 3 });
  });

  it.each([
    ['de esas, ¿cuál es la que menos consume?', 'power'],
    ['among them which one draws the least power', 'power'],
    ['which of those has the best price to performance', '-value'],
    ['¿cuál es la amd más rápida de esas?', '-performance'],
  ])('"%s" ranks the cards shown by %s', (message, sort) => {
    expect(understand(message).understood).toMatchObject({ kind: 'rank-shown', sort });
  });

  it('treats a reply to a greeting that is still vague as a request for picks', () => {
    const state = { ...emptyState('es'), lastKind: 'clarify' as const, turns: 1 };
    expect(kindOf(understand('muéstrame algo', state).understood)).toBe('picks');
  });
});
