// The seed catalog files: complete, consistent and bilingual; and a bad file fails loudly.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, it, expect } from 'vitest';
import type { Brand } from '@gpu/shared';
import { CatalogDataError, loadCatalog, loadCatalogFiles, parseCatalogFile } from './catalog-files.js';

const catalog = loadCatalog();

const BRANDS: readonly Brand[] = ['NVIDIA', 'AMD', 'Intel'];
const VRAM_SIZES = new Set([4, 6, 8, 10, 12, 16, 20, 24, 32, 48]);

// Every family the store must carry: a name pattern and, where the name alone is ambiguous, the VRAM size.
const FAMILIES: ReadonlyArray<{ label: string; re: RegExp; vram?: number }> = [
  { label: 'RTX 3050 6GB', re: /GeForce RTX 3050\b/, vram: 6 },
  { label: 'RTX 3050 8GB', re: /GeForce RTX 3050\b/, vram: 8 },
  { label: 'RTX 3060 12GB', re: /GeForce RTX 3060(?! Ti)/, vram: 12 },
  { label: 'RTX 3060 8GB', re: /GeForce RTX 3060(?! Ti)/, vram: 8 },
  { label: 'RTX 3060 Ti', re: /GeForce RTX 3060 Ti/ },
  { label: 'RTX 3070', re: /GeForce RTX 3070(?! Ti)/ },
  { label: 'RTX 3070 Ti', re: /GeForce RTX 3070 Ti/ },
  { label: 'RTX 3080 10GB', re: /GeForce RTX 3080(?! Ti)/, vram: 10 },
  { label: 'RTX 3080 12GB', re: /GeForce RTX 3080(?! Ti)/, vram: 12 },
  { label: 'RTX 3080 Ti', re: /GeForce RTX 3080 Ti/ },
  { label: 'RTX 3090', re: /GeForce RTX 3090(?! Ti)/ },
  { label: 'RTX 3090 Ti', re: /GeForce RTX 3090 Ti/ },
  { label: 'RTX 4060', re: /GeForce RTX 4060(?! Ti)/ },
  { label: 'RTX 4060 Ti 8GB', re: /GeForce RTX 4060 Ti/, vram: 8 },
  { label: 'RTX 4060 Ti 16GB', re: /GeForce RTX 4060 Ti/, vram: 16 },
  { label: 'RTX 4070', re: /GeForce RTX 4070(?! Ti| SUPER)/ },
  { label: 'RTX 4070 SUPER', re: /GeForce RTX 4070 SUPER/ },
  { label: 'RTX 4070 Ti', re: /GeForce RTX 4070 Ti(?! SUPER)/ },
  { label: 'RTX 4070 Ti SUPER', re: /GeForce RTX 4070 Ti SUPER/ },
  { label: 'RTX 4080', re: /GeForce RTX 4080(?! SUPER)/ },
  { label: 'RTX 4080 SUPER', re: /GeForce RTX 4080 SUPER/ },
  { label: 'RTX 4090', re: /GeForce RTX 4090/ },
  { label: 'RTX 50 series', re: /GeForce RTX 50\d0/ },
  { label: 'RTX 5050', re: /GeForce RTX 5050/ },
  { label: 'RTX 5060', re: /GeForce RTX 5060(?! Ti)/ },
  { label: 'RTX 5060 Ti 8GB', re: /GeForce RTX 5060 Ti/, vram: 8 },
  { label: 'RTX 5060 Ti 16GB', re: /GeForce RTX 5060 Ti/, vram: 16 },
  { label: 'RTX 5070', re: /GeForce RTX 5070(?! Ti)/ },
  { label: 'RTX 5070 Ti', re: /GeForce RTX 5070 Ti/ },
  { label: 'RTX 5080', re: /GeForce RTX 5080/ },
  { label: 'RTX 5090', re: /GeForce RTX 5090/ },
  { label: 'RX 6400', re: /RX 6400/ },
  { label: 'RX 6500 XT', re: /RX 6500 XT/ },
  { label: 'RX 6600', re: /RX 6600(?! XT)/ },
  { label: 'RX 6650 XT', re: /RX 6650 XT/ },
  { label: 'RX 6700 XT', re: /RX 6700 XT/ },
  { label: 'RX 6750 XT', re: /RX 6750 XT/ },
  { label: 'RX 6800', re: /RX 6800(?! XT)/ },
  { label: 'RX 6800 XT', re: /RX 6800 XT/ },
  { label: 'RX 6900 XT', re: /RX 6900 XT/ },
  { label: 'RX 6950 XT', re: /RX 6950 XT/ },
  { label: 'RX 7600', re: /RX 7600(?! XT)/ },
  { label: 'RX 7600 XT', re: /RX 7600 XT/ },
  { label: 'RX 7700 XT', re: /RX 7700 XT/ },
  { label: 'RX 7800 XT', re: /RX 7800 XT/ },
  { label: 'RX 7900 GRE', re: /RX 7900 GRE/ },
  { label: 'RX 7900 XT', re: /RX 7900 XT(?!X)/ },
  { label: 'RX 7900 XTX', re: /RX 7900 XTX/ },
  { label: 'RX 9060 XT 8GB', re: /RX 9060 XT/, vram: 8 },
  { label: 'RX 9060 XT 16GB', re: /RX 9060 XT/, vram: 16 },
  { label: 'RX 9070', re: /RX 9070(?! XT)/ },
  { label: 'RX 9070 XT', re: /RX 9070 XT/ },
  { label: 'Arc A310', re: /Arc A310/ },
  { label: 'Arc A380', re: /Arc A380/ },
  { label: 'Arc A580', re: /Arc A580/ },
  { label: 'Arc A750', re: /Arc A750/ },
  { label: 'Arc A770 8GB', re: /Arc A770/, vram: 8 },
  { label: 'Arc A770 16GB', re: /Arc A770/, vram: 16 },
  { label: 'Arc B570', re: /Arc B570/ },
  { label: 'Arc B580', re: /Arc B580/ },
  { label: 'RTX A2000 12GB', re: /RTX A2000/, vram: 12 },
  { label: 'RTX A4000', re: /RTX A4000/ },
  { label: 'RTX A5000', re: /RTX A5000/ },
  { label: 'RTX A6000', re: /RTX A6000/ },
  { label: 'RTX 2000 Ada', re: /RTX 2000 Ada/ },
  { label: 'RTX 4000 Ada', re: /RTX 4000 Ada/ },
  { label: 'RTX 4500 Ada', re: /RTX 4500 Ada/ },
  { label: 'RTX 5000 Ada', re: /RTX 5000 Ada/ },
  { label: 'RTX 6000 Ada', re: /RTX 6000 Ada/ },
  { label: 'Radeon PRO W7600', re: /Radeon PRO W7600/ },
  { label: 'Radeon PRO W7800', re: /Radeon PRO W7800/ },
  { label: 'Radeon PRO W7900', re: /Radeon PRO W7900/ },
];

describe('seed catalog data', () => {
  it('has at least 120 entries', () => {
    expect(catalog.length).toBeGreaterThanOrEqual(120);
  });

  it('has unique SKUs and unique names', () => {
    expect(new Set(catalog.map((e) => e.sku)).size).toBe(catalog.length);
    expect(new Set(catalog.map((e) => e.name)).size).toBe(catalog.length);
  });

  it('uses uppercase SKUs without spaces', () => {
    for (const e of catalog) expect(e.sku, e.name).toMatch(/^[A-Z0-9][A-Z0-9-]*$/);
  });

  it('only uses the three GPU vendors as brand', () => {
    for (const e of catalog) expect(BRANDS, e.sku).toContain(e.brand);
  });

  it('has positive prices with at most two decimals', () => {
    for (const e of catalog) {
      expect(e.price, e.sku).toBeGreaterThan(0);
      expect(Number.isFinite(e.price), e.sku).toBe(true);
      expect(Math.abs(Math.round(e.price * 100) - e.price * 100), e.sku).toBeLessThan(1e-6);
    }
  });

  it('spreads prices so budget filters have matches and misses', () => {
    const prices = catalog.map((e) => e.price);
    expect(prices.some((p) => p < 150)).toBe(true);
    expect(prices.some((p) => p < 300)).toBe(true);
    expect(prices.some((p) => p > 1000)).toBe(true);
    expect(prices.some((p) => p > 5000)).toBe(true);
  });

  it('has integer, non-negative stock with some out of stock and some low stock', () => {
    for (const e of catalog) {
      expect(Number.isInteger(e.stock), e.sku).toBe(true);
      expect(e.stock, e.sku).toBeGreaterThanOrEqual(0);
    }
    expect(catalog.some((e) => e.stock === 0)).toBe(true);
    expect(catalog.some((e) => e.stock >= 1 && e.stock <= 3)).toBe(true);
    expect(catalog.some((e) => e.stock > 3)).toBe(true);
  });

  it('has VRAM sizes from a sane set', () => {
    for (const e of catalog) expect(VRAM_SIZES.has(e.vramGb), `${e.sku}: ${e.vramGb}`).toBe(true);
  });

  it.each(FAMILIES)('includes $label', ({ re, vram }) => {
    const hit = catalog.some((e) => re.test(e.name) && (vram === undefined || e.vramGb === vram));
    expect(hit).toBe(true);
  });

  it('has plausible, internally consistent specs', () => {
    for (const e of catalog) {
      const s = e.specs;
      expect(s.recommendedPsuW, e.sku).toBeGreaterThan(s.boardPowerW ?? Infinity);
      expect(s.boardPowerW, e.sku).toBeGreaterThan(0);
      expect(s.lengthMm, e.sku).toBeGreaterThan(100);
      expect(s.lengthMm, e.sku).toBeLessThan(400);
      expect(s.slots, e.sku).toBeGreaterThanOrEqual(1);
      expect(s.slots, e.sku).toBeLessThanOrEqual(4);
      expect(s.memoryBusBits, e.sku).toBeGreaterThanOrEqual(64);
      expect(s.boostClockMhz, e.sku).toBeGreaterThan(1000);
      expect(s.shaderUnits, e.sku).toBeGreaterThan(0);
      expect(s.pcieGen, e.sku).toMatch(/^PCIe [45]\.0 x(4|8|16)$/);
      expect(['CUDA cores', 'Stream processors', 'Xe cores'], e.sku).toContain(s.shaderUnitName);
      expect(s.releaseYear, e.sku).toBeGreaterThanOrEqual(2020);
      expect(s.releaseYear, e.sku).toBeLessThanOrEqual(2025);
    }
  });

  it('has a Spanish and an English description for every product, each in its language', () => {
    const spanish = /\b(para|con|y|de|la|el)\b/;
    const english = /\b(for|with|and|the|of)\b/;
    for (const e of catalog) {
      expect(e.descriptions.es.trim().length, e.sku).toBeGreaterThan(20);
      expect(e.descriptions.en.trim().length, e.sku).toBeGreaterThan(20);
      expect(e.descriptions.es, e.sku).not.toBe(e.descriptions.en);
      expect(e.descriptions.es, `${e.sku} es`).toMatch(spanish);
      expect(e.descriptions.en, `${e.sku} en`).toMatch(english);
      expect(e.descriptions.en, `${e.sku} en`).not.toMatch(/\b(para|con|mide|ocupa)\b/);
      expect(e.descriptions.es, `${e.sku} es`).not.toMatch(/\b(for|with|needs|long)\b/);
    }
  });

  it('keeps the facts of a description in both languages (the same numbers)', () => {
    const numbers = (t: string) => (t.match(/\d+/g) ?? []).sort().join(',');
    for (const e of catalog) expect(numbers(e.descriptions.en), e.sku).toBe(numbers(e.descriptions.es));
  });
});

const WORKSTATION = /RTX A\d000|RTX \d{4} Ada|Radeon PRO/;
/** The GPU model in a product name (board-partner names around it vary). */
const MODEL = /RTX \d{4}( Ti)?( SUPER)?|RTX A\d{4}|RX \d{4}( XTX| XT| GRE)?|Arc [AB]\d{3}|PRO W\d{4}/;

describe('performance and AI figures', () => {
  it('gives every desktop gaming card a relative-performance figure, RTX 4090 = 100', () => {
    for (const e of catalog.filter((p) => !WORKSTATION.test(p.name))) {
      expect(e.specs.perfIndex, e.sku).toBeGreaterThan(0);
    }
    for (const e of catalog.filter((p) => /RTX 4090/.test(p.name))) expect(e.specs.perfIndex).toBe(100);
    const top = [...catalog].sort((a, b) => (b.specs.perfIndex ?? 0) - (a.specs.perfIndex ?? 0))[0]!;
    expect(top.name).toMatch(/RTX 5090/);
  });

  it('leaves perfIndex out for workstation boards (no published gaming figure)', () => {
    for (const e of catalog.filter((p) => WORKSTATION.test(p.name))) expect(e.specs.perfIndex, e.sku).toBeUndefined();
  });

  it('states the basis of every AI figure, and gives every RTX 40/50 and RX 9000 card one', () => {
    for (const e of catalog) {
      if (e.specs.aiTops === undefined) expect(e.specs.aiTopsPrecision, e.sku).toBeUndefined();
      else expect(e.specs.aiTopsPrecision, e.sku).toMatch(/^(FP4|FP8|INT8|INT4|FP16 tensor TFLOPS), (sparse|dense)$/);
    }
    for (const e of catalog.filter((p) => /GeForce RTX (40|50)\d0|RX 90\d0/.test(p.name))) {
      expect(e.specs.aiTops, e.sku).toBeGreaterThan(0);
    }
  });

  it('gives board-partner variants of one chip the same figures', () => {
    const byChip = new Map<string, Set<string>>();
    for (const e of catalog) {
      const key = `${MODEL.exec(e.name)?.[0] ?? e.name} ${e.vramGb}GB`;
      const figures = `${e.specs.perfIndex}/${e.specs.aiTops}/${e.specs.aiTopsPrecision}`;
      byChip.set(key, (byChip.get(key) ?? new Set()).add(figures));
    }
    for (const [key, figures] of byChip) expect([...figures], key).toHaveLength(1);
  });
});

describe('loading seed files', () => {
  let dir: string | undefined;
  afterEach(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
    dir = undefined;
  });
  const good = () => loadCatalogFiles()[0]!;
  const write = (name: string, content: unknown) => {
    dir ??= mkdtempSync(path.join(tmpdir(), 'catalog-seed-'));
    writeFileSync(path.join(dir, name), typeof content === 'string' ? content : JSON.stringify(content));
    return dir;
  };

  it('reads every family file and names their sources', () => {
    const files = loadCatalogFiles();
    expect(files.length).toBeGreaterThanOrEqual(5);
    for (const f of files) {
      expect(f.sources['perfIndex'], f.file).toBeTruthy();
      expect(f.sources['aiTops'], f.file).toBeTruthy();
    }
  });

  it('fails on a bad product with the file, the product and the field', () => {
    const file = good();
    const products = file.products.map((p, i) =>
      i === 1 ? { ...p, price: -5, descriptions: { es: p.descriptions.es } } : p,
    );
    const d = write('broken-family.json', { family: file.family, products });
    expect(() => loadCatalog(d)).toThrow(CatalogDataError);
    try {
      loadCatalog(d);
    } catch (err) {
      const msg = (err as Error).message;
      expect(msg).toContain(`broken-family.json: product ${file.products[1]!.sku}: price:`);
      expect(msg).toContain(`broken-family.json: product ${file.products[1]!.sku}: descriptions.en:`);
    }
  });

  it('fails on an unknown or mistyped spec key value and on invalid JSON', () => {
    const p = good().products[0]!;
    const d = write('typo.json', {
      family: 'X family',
      products: [{ ...p, specs: { ...p.specs, perfIndex: 'fast' } }],
    });
    expect(() => loadCatalog(d)).toThrow(`typo.json: product ${p.sku}: specs.perfIndex:`);
    expect(() => parseCatalogFile('bad.json', '{ "family": ')).toThrow(/^bad\.json: not valid JSON/);
    expect(() =>
      parseCatalogFile('extra.json', JSON.stringify({ family: 'X family', products: [{ ...p, colour: 'red' }] })),
    ).toThrow(`extra.json: product ${p.sku}: (the product): `);
  });

  it('fails when two files carry the same SKU', () => {
    const p = good().products[0]!;
    write('a.json', { family: 'A family', products: [p] });
    const d = write('b.json', { family: 'B family', products: [{ ...p, name: 'Another name' }] });
    expect(() => loadCatalog(d)).toThrow(`b.json: product ${p.sku}: sku ${p.sku} is also in a.json`);
  });
});
