// Graded relevance (0-3) and hard-constraint checks, derived from product facts by the
// rules written down in docs/retrieval-eval.md. Nothing here reads the ranking code: the
// grades say what a good shop assistant would show, not what ours does. GPU facts that are
// knowledge (workstation cards, AV1 encoders, which model a name is) come from the catalog's
// one source, modules/catalog/gpu-models.ts.
import type { Brand } from '@gpu/shared';
import { hasAv1Encoder, isWorkstation, modelOf } from '../../../server/src/modules/catalog/gpu-models.js';

export type Use =
  | 'gaming'
  | 'gaming-4k'
  | 'gaming-1440p'
  | 'gaming-1080p'
  | 'ml'
  | 'video'
  | 'streaming'
  | 'compact'
  | 'low-power'
  | 'workstation';
export type Tier = 'entry' | 'mid' | 'high' | 'flagship';

/** What the shopper must get: a product outside these is wrong, however good. */
export interface HardConstraints {
  maxPrice?: number;
  minPrice?: number;
  minVramGb?: number;
  brands?: Brand[];
  excludeBrands?: Brand[];
  inStock?: boolean;
}

/** What a query asks for, written by hand beside its text (queries.ts). */
export interface Intent {
  uses?: Use[];
  tier?: Tier;
  /** A model asked for by name, as gpu-models.ts writes it ("RTX 4070 SUPER"). */
  model?: string;
  hard?: HardConstraints;
}

export interface ProductFacts {
  id: string;
  name: string;
  brand: Brand;
  vramGb: number;
  price: number;
  stock: number;
  /** Relative performance (RTX 4090 = 100); null for workstation cards. */
  perfIndex: number | null;
  boardPowerW: number | null;
  lengthMm: number | null;
}

/** 2 = fits well, 1 = acceptable, 0 = does not fit. */
type Fit = 0 | 1 | 2;

export function satisfiesHard(p: ProductFacts, h: HardConstraints = {}): boolean {
  if (h.maxPrice !== undefined && p.price > h.maxPrice) return false;
  if (h.minPrice !== undefined && p.price < h.minPrice) return false;
  if (h.minVramGb !== undefined && p.vramGb < h.minVramGb) return false;
  if (h.brands?.length && !h.brands.includes(p.brand)) return false;
  if (h.excludeBrands?.includes(p.brand)) return false;
  if (h.inStock && p.stock <= 0) return false;
  return true;
}

const between = (x: number | null, lo: number, hi: number) => x !== null && x >= lo && x <= hi;

/** How well a product serves one use (thresholds in docs/retrieval-eval.md, rule 2). */
export function useFit(p: ProductFacts, use: Use): Fit {
  const pi = p.perfIndex;
  const pro = isWorkstation(p.name);
  const gamingCard = !pro && pi !== null;
  switch (use) {
    case 'gaming':
      return gamingCard && pi >= 30 ? 2 : gamingCard && pi >= 18 ? 1 : 0;
    case 'gaming-4k':
      if (!gamingCard) return 0;
      return pi >= 64 && p.vramGb >= 16 ? 2 : pi >= 50 && p.vramGb >= 12 ? 1 : 0;
    case 'gaming-1440p':
      if (!gamingCard) return 0;
      return between(pi, 40, 80) && p.vramGb >= 12 ? 2 : pi >= 33 && p.vramGb >= 8 ? 1 : 0;
    case 'gaming-1080p':
      if (!gamingCard) return 0;
      return between(pi, 20, 45) && p.vramGb >= 8 ? 2 : between(pi, 13, 60) ? 1 : 0;
    case 'ml':
      if (p.brand === 'NVIDIA') return p.vramGb >= 16 ? 2 : p.vramGb >= 12 ? 1 : 0;
      return p.vramGb >= 16 ? 1 : 0;
    case 'video':
      if (p.vramGb >= 16 && (pro || (pi ?? 0) >= 35)) return 2;
      return p.vramGb >= 12 ? 1 : 0;
    case 'streaming':
      if (hasAv1Encoder(p.name) && (pro || (pi ?? 0) >= 25)) return 2;
      return hasAv1Encoder(p.name) || p.brand === 'NVIDIA' ? 1 : 0;
    case 'compact':
      return p.lengthMm !== null && p.lengthMm <= 210 ? 2 : p.lengthMm !== null && p.lengthMm <= 245 ? 1 : 0;
    case 'low-power':
      return p.boardPowerW !== null && p.boardPowerW <= 130
        ? 2
        : p.boardPowerW !== null && p.boardPowerW <= 170
          ? 1
          : 0;
    case 'workstation':
      return pro ? 2 : p.vramGb >= 16 && p.brand !== 'Intel' ? 1 : 0;
  }
}

const TIERS: Record<Tier, { strong: [number, number]; ok: [number, number] }> = {
  entry: { strong: [0, 24], ok: [0, 30] },
  mid: { strong: [25, 45], ok: [20, 55] },
  high: { strong: [45, 79], ok: [40, 90] },
  flagship: { strong: [75, 1000], ok: [64, 1000] },
};

export function tierFit(p: ProductFacts, tier: Tier): Fit {
  const t = TIERS[tier];
  if (p.perfIndex === null) return 0;
  return between(p.perfIndex, ...t.strong) ? 2 : between(p.perfIndex, ...t.ok) ? 1 : 0;
}

/** The product is the model asked for (2), a sibling of it ("RTX 4070 Ti" for "RTX 4070") (1), or neither. */
export function modelFit(p: ProductFacts, model: string): Fit {
  const m = modelOf(p.name);
  if (m.toLowerCase() === model.toLowerCase()) return 2;
  const number = /\d{3,4}|[AB]\d{3}/.exec(model)?.[0];
  return number && m.includes(number) ? 1 : 0;
}

/**
 * The grade (docs/retrieval-eval.md, rule 3): 0 when a hard constraint fails or any asked-for
 * aspect does not fit; otherwise the weakest aspect's fit (2 when nothing but hard
 * constraints was asked), plus 1 when the card makes use of the budget (at least half of
 * it; always, without a budget), minus 1 when it is out of stock.
 */
export function grade(p: ProductFacts, intent: Intent): number {
  if (!satisfiesHard(p, intent.hard)) return 0;
  const fits: Fit[] = [
    ...(intent.uses ?? []).map((u) => useFit(p, u)),
    ...(intent.tier ? [tierFit(p, intent.tier)] : []),
    ...(intent.model ? [modelFit(p, intent.model)] : []),
  ];
  const base = fits.length ? Math.min(...fits) : 2;
  if (base === 0) return 0;
  const max = intent.hard?.maxPrice;
  const usesBudget = max === undefined || p.price >= 0.5 * max ? 1 : 0;
  return Math.max(0, base + usesBudget - (p.stock > 0 ? 0 : 1));
}
