import { describe, expect, it } from 'vitest';
import { parseQuery } from './parse-query.js';
import { parseAmount } from './normalize.js';
import type { QueryConstraints } from './constraints.js';

type Expect = Partial<Omit<QueryConstraints, 'models'>> & { models?: string[] };

const cases: [string, Expect][] = [
  // Budgets, Spanish and English, many spellings.
  ['GPU para 4K gaming bajo $1000', { language: 'es', budgetMax: 1000, useCases: ['gaming-4k'] }],
  ['tarjeta por menos de 800 dólares', { language: 'es', budgetMax: 800 }],
  ['best card under 600', { language: 'en', budgetMax: 600 }],
  ['algo hasta 1.000 USD para jugar', { language: 'es', budgetMax: 1000, useCases: ['gaming'] }],
  ['I have $1,200 for a new GPU', { language: 'en', budgetMax: 1200 }],
  ['1000 usd max, 1440p', { budgetMax: 1000, useCases: ['gaming-1440p'] }],
  ['algo entre 300 y 500', { language: 'es', budgetMin: 300, budgetMax: 500 }],
  ['between $250 and $400 for 1080p', { budgetMin: 250, budgetMax: 400, useCases: ['gaming-1080p'] }],
  ['presupuesto de 700 dólares', { budgetMax: 700 }],
  ['my budget is $650', { budgetMax: 650 }],
  // A negated spend is a ceiling, with or without a currency; "sin NVIDIA, más de $300" is not.
  ['GPU para 1440p sin gastar más de 400', { budgetMin: null, budgetMax: 400, useCases: ['gaming-1440p'] }],
  ['without spending more than 400 on a GPU', { budgetMin: null, budgetMax: 400 }],
  ['no quiero gastar más de 900', { budgetMin: null, budgetMax: 900 }],
  ['sin NVIDIA, más de $300', { budgetMin: 300, budgetMax: null }],
  ['no más de 450 dólares', { budgetMax: 450 }],
  // An approximate budget is the ceiling: "like 200" must not show a $280 card.
  ['around $500 for streaming', { budgetMax: 500, useCases: ['streaming'] }],
  ['What would you recommend on a small budget, like 200?', { language: 'en', budgetMax: 200 }],
  ['algo para jugar con unos 500', { language: 'es', budgetMax: 500, useCases: ['gaming'] }],
  ['tengo 800 lucas para una gráfica', { language: 'es', budgetMax: 800 }],
  ['1.000 USD máximo', { budgetMax: 1000 }],
  ['a card for $1k', { budgetMax: 1000 }],
  ['I have 650 to spend', { budgetMax: 650 }],
  ['quiero gastar como 400 dólares', { budgetMax: 400 }],
  ['something like the 4070', { budgetMax: null, models: ['RTX 4070'] }],
  ['que consuma menos de 200W', { maxBoardPowerW: 200, psuWatts: null, budgetMax: null }],
  ['under 150 watts tdp please', { maxBoardPowerW: 150, psuWatts: null }],
  // "Low power" without a figure is a soft wish (a ranking boost), not a ceiling.
  ['tarjeta de bajo consumo, mi fuente es pequeña', { useCases: ['low-power'], maxBoardPowerW: null }],
  ["a low power card that doesn't need a big PSU", { useCases: ['low-power'], maxBoardPowerW: null }],
  ['efficient card for streaming', { useCases: ['streaming', 'low-power'] }],
  ['tengo 2 mil dólares para una gráfica', { language: 'es', budgetMax: 2000 }],
  ['under 1.5k for local LLMs', { budgetMax: 1500, useCases: ['ml'] }],
  ['$999.99 or less', { budgetMax: 999.99 }],
  ['no quiero gastar más de $900', { budgetMax: 900, budgetMin: null }],
  ["I don't want to spend more than $750", { budgetMax: 750, budgetMin: null }],
  ['more than $400, ideally 12GB', { budgetMin: 400, budgetMax: null, minVramGb: 12 }],
  // VRAM.
  ['necesito 12GB', { minVramGb: 12, budgetMax: null }],
  ['16 GB de VRAM para edición de video', { minVramGb: 16, useCases: ['video-editing'] }],
  ['best card for local LLMs with 16GB+', { minVramGb: 16, useCases: ['ml'], budgetMax: null }],
  ['al menos 12 gb, bajo 700', { minVramGb: 12, budgetMax: 700 }],
  ['at least 24GB for stable diffusion', { minVramGb: 24, useCases: ['ml'] }],
  ['más de 8GB por favor', { minVramGb: 9 }],
  // Brands.
  ['una nvidia para jugar en 1440p', { brands: ['NVIDIA'], useCases: ['gaming-1440p'] }],
  ['Radeon card under $500', { brands: ['AMD'], budgetMax: 500 }],
  ['intel arc barata', { brands: ['Intel'] }],
  ['anything but nvidia, 16GB', { brands: [], excludeBrands: ['NVIDIA'], minVramGb: 16 }],
  ['sin AMD por favor', { excludeBrands: ['AMD'] }],
  ['best GPU for CUDA and pytorch', { brands: ['NVIDIA'], useCases: ['ml'] }],
  // Named models (no brand filter from the model's family word; model numbers are not budgets).
  [
    '¿me sirve una RX 7800 XT con una fuente de 550W?',
    { language: 'es', models: ['RX 7800 XT'], psuWatts: 550, brands: [], budgetMax: null },
  ],
  ['is the 4070 super good for 1440p?', { models: ['RTX 4070 SUPER'], useCases: ['gaming-1440p'], budgetMax: null }],
  ['RTX 4070 Ti SUPER vs 7900 xtx', { models: ['RTX 4070 Ti SUPER', 'RX 7900 XTX'], brands: [] }],
  ['does a b580 fit a 300mm case', { models: ['Arc B580'], caseMaxLengthMm: 300 }],
  ['RTX A4000 or RTX 4000 Ada for CAD?', { models: ['RTX A4000', 'RTX 4000 Ada'] }],
  ['radeon pro w7900 price', { models: ['Radeon PRO W7900'] }],
  ['entre 4070 y 4080 cuál conviene', { models: ['RTX 4070', 'RTX 4080'], budgetMin: null, budgetMax: null }],
  // Hardware.
  ['550w psu, max 280mm card', { psuWatts: 550, caseMaxLengthMm: 280, budgetMax: null }],
  ['gabinete de 300 mm y fuente de 650 W', { caseMaxLengthMm: 300, psuWatts: 650, budgetMax: null }],
  ['mi caja tiene 32 cm de espacio', { caseMaxLengthMm: 320 }],
  ['a 650 W power supply, 4K gaming under $1000', { psuWatts: 650, budgetMax: 1000, useCases: ['gaming-4k'] }],
  // Mixed.
  [
    'gaming y streaming en 1080p, en stock, bajo 300',
    { useCases: ['gaming-1080p', 'streaming'], inStockOnly: true, budgetMax: 300 },
  ],
  ['4k gaming under 1k', { useCases: ['gaming-4k'], budgetMax: 1000 }],
  ['hello, what do you recommend?', { language: 'en', budgetMax: null, minVramGb: null, models: [] }],
];

describe('parseQuery', () => {
  it.each(cases)('%s', (text, expected) => {
    const c = parseQuery(text);
    const { models, ...rest } = expected;
    expect(c).toMatchObject(rest);
    if (models) expect(c.models.map((m) => m.display)).toEqual(models);
  });

  it('builds SQL patterns that tell a model from its Ti/SUPER siblings', () => {
    const [m] = parseQuery('rtx 4070').models;
    expect(m).toMatchObject({ display: 'RTX 4070' });
    const re = (p: string) => new RegExp(p.replace(/\\m/g, '\\b').replace(/\\M/g, '\\b'), 'i');
    expect(re(m!.pattern).test('MSI GeForce RTX 4070 VENTUS 2X 12G OC')).toBe(true);
    expect(re(m!.excludePattern!).test('MSI GeForce RTX 4070 SUPER 12G VENTUS 2X OC')).toBe(true);
    expect(re(m!.excludePattern!).test('MSI GeForce RTX 4070 VENTUS 2X 12G OC')).toBe(false);
  });
});

describe('parseAmount', () => {
  it.each([
    ['1.000', 1000],
    ['1,200', 1200],
    ['999.99', 999.99],
    ['999,99', 999.99],
    ['1.200,50', 1200.5],
    ['1,200.50', 1200.5],
    ['1.5k', 1500],
    ['2k', 2000],
    ['abc', null],
  ])('%s -> %s', (raw, value) => {
    expect(parseAmount(raw)).toBe(value);
  });
});

describe('parseQuery: approximate budgets are ceilings', () => {
  it.each([
    ['algo para streaming por ahí de 450', 450],
    ['una gráfica tipo 700 dólares', 700],
    ['something around 550ish', 550],
    ['a 1440p card, 650 or so', 650],
    ['unos 900 más o menos', 900],
  ])('%s -> %d', (text, max) => {
    expect(parseQuery(text).budgetMax).toBe(max);
  });
});

describe('parseQuery: budgets in words and moved budgets', () => {
  it.each([
    ['no more than five hundred dollars', 500],
    ['something for two thousand bucks', 2000],
    ['hasta quinientos dólares', 500],
    ['tengo mil quinientos para gastar', 1500],
    ['una tarjeta por abajo de 350', 350],
    ['mejor bájalo a 450', 450],
    ['ok I can stretch to 720', 720],
  ])('%s -> %d', (text, max) => {
    expect(parseQuery(text).budgetMax).toBe(max);
  });
  it('leaves small number words alone', () => {
    expect(parseQuery('agrega dos de la primera').budgetMax).toBeNull();
  });
});
