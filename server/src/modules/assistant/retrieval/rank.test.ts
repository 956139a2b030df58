import { describe, expect, it } from 'vitest';
import { emptyConstraints } from '../query/constraints.js';
import type { ProductRow } from './product-row.js';
import { mergeCandidates, rankCandidates } from './rank.js';

const row = (id: string, name: string, over: Partial<ProductRow> = {}): ProductRow => ({
  id,
  sku: id,
  name,
  brand: 'NVIDIA',
  vram_gb: 8,
  price_cents: 30000,
  stock: 5,
  description_es: '',
  description_en: '',
  image_key: null,
  thumbnail_key: null,
  is_active: true,
  specs: {},
  ...over,
});

describe('rankCandidates', () => {
  it('fuses ranks: a product high in both lists beats one high in only one', () => {
    const a = row('a', 'RTX 4060 A');
    const b = row('b', 'RX 7600 B', { brand: 'AMD' });
    const c = row('c', 'Arc B580 C', { brand: 'Intel' });
    const ranked = rankCandidates(mergeCandidates([a, b, c], [b, c], []), emptyConstraints(), { limit: 3 });
    expect(ranked.map((r) => r.id)).toEqual(['b', 'c', 'a']);
  });

  it('prefers in-stock products and always keeps named ones first', () => {
    const out = row('out', 'RTX 4070 X', { stock: 0 });
    const inStock = row('in', 'RTX 4060 Y');
    const named = row('named', 'RX 7800 XT Z', { brand: 'AMD' });
    const ranked = rankCandidates(mergeCandidates([out, inStock], [out], [named]), emptyConstraints(), { limit: 3 });
    expect(ranked.map((r) => r.id)).toEqual(['named', 'in', 'out']);
  });

  it('applies use-case boosts: ML prefers NVIDIA with more VRAM', () => {
    const amd = row('amd', 'RX 7900 XTX', { brand: 'AMD', vram_gb: 24 });
    const nv = row('nv', 'RTX 4090', { vram_gb: 24 });
    const c = { ...emptyConstraints(), useCases: ['ml' as const] };
    expect(rankCandidates(mergeCandidates([amd, nv], [], []), c, { limit: 2 })[0]!.id).toBe('nv');
  });

  it('low power prefers cards that draw little, and pushes power-hungry ones down', () => {
    const hungry = row('hungry', 'RX 7900 XTX', { brand: 'AMD', specs: { boardPowerW: 355 } });
    const modest = row('modest', 'RTX 4060 Ti', { specs: { boardPowerW: 160 } });
    const frugal = row('frugal', 'RTX 4060', { specs: { boardPowerW: 115 } });
    const c = { ...emptyConstraints(), useCases: ['low-power' as const] };
    const ranked = rankCandidates(mergeCandidates([hungry, modest, frugal], [], []), c, { limit: 3 });
    expect(ranked.map((r) => r.id)).toEqual(['frugal', 'modest', 'hungry']);
  });

  it('shows at most two variants of one model', () => {
    const rows = [1, 2, 3].map((i) => row(`v${i}`, `Brand${i} GeForce RTX 4070 SUPER`));
    const other = row('o', 'RTX 4060');
    const ranked = rankCandidates(mergeCandidates([...rows, other], [], []), emptyConstraints(), { limit: 5 });
    expect(ranked.map((r) => r.id)).toEqual(['v1', 'v2', 'o']);
  });
});
