// Reciprocal rank fusion of the vector and full-text candidate lists, plus soft boosts:
// in stock first, use-case fit (4K wants VRAM, ML wants CUDA and VRAM...), the shopper's
// hardware (compatibility.ts decides what fits), cards that make good use of the budget, and
// at most two variants of one model so the shopper sees choice. Pure: the SQL lives in
// hybrid-search.ts. Every weight is named below, in units of one first place in one list.
import { checkLength, checkPsu } from '../../catalog/compatibility.js';
import { hasAv1Encoder, isWorkstation, modelOf } from '../../catalog/gpu-models.js';
import type { QueryConstraints } from '../query/constraints.js';
import { priceOf, type ProductRow } from './product-row.js';

export const RRF_K = 60;
/** One "first place" in one list is worth 1/(RRF_K+1) ≈ 0.016; boosts are on that scale. */
const B = 1 / (RRF_K + 1);

/** The soft boosts, as multiples of one first place (B). */
export const WEIGHTS = {
  inStock: 0.6,
  outOfStock: -1.2,
  /** 4K: 16 GB and up is comfortable, 12 GB workable, less struggles with textures. */
  vram4kBig: 0.8,
  vram4kOk: 0.4,
  vram4kSmall: -0.6,
  /** 1440p: 12 GB and up; under 8 GB struggles; flagships are overkill. */
  vram1440Big: 0.5,
  vram1440Small: -0.6,
  overkill1440: -0.4,
  /** 1080p: 8 GB is enough; a card above OVERKILL_1080P_USD is wasted there. */
  vram1080Ok: 0.3,
  overkill1080: -0.8,
  /** ML: CUDA matters most, then every GB of VRAM (capped at 32 GB). */
  mlCuda: 0.8,
  mlPerGb: 0.03,
  videoVram: 0.4,
  videoNvidia: 0.2,
  streamNvenc: 0.25,
  /** Low power: cards at or under LOW_POWER_W draw little, up to MODEST_POWER_W are fine, past HUNGRY_POWER_W are not. */
  lowPower: 0.8,
  modestPower: 0.4,
  hungryPower: -0.6,
  streamAv1: 0.25,
  workstationForGaming: -0.8,
  psuFits: 0.5,
  psuInsufficient: -0.8,
  lengthFits: 0.3,
  lengthTooLong: -1,
  /** Budget use: how close to the budget a card comes (for performance uses, twice as much). */
  budgetUse: 0.9,
  budgetUsePerformance: 1.8,
  named: 10 / B,
  /** A sibling of a model asked for by name ("RTX 4060 Ti" for "RTX 4060"): after it, before the rest. */
  family: 5 / B,
} as const;

export const OVERKILL_1440P_USD = 1200;
export const OVERKILL_1080P_USD = 600;
export const LOW_POWER_W = 130;
export const MODEST_POWER_W = 170;
export const HUNGRY_POWER_W = 250;
const ML_VRAM_CAP_GB = 32;

export interface Candidate {
  row: ProductRow;
  vectorRank?: number;
  textRank?: number;
  /** Rank among the strongest in-budget cards (performance use cases only). */
  tierRank?: number;
  /** Asked for by name: always shown. */
  named?: boolean;
  /** A sibling of a model asked for by name. */
  family?: boolean;
}

export function useCaseBoost(row: ProductRow, c: QueryConstraints): number {
  const w = WEIGHTS;
  let s = 0;
  const vram = row.vram_gb;
  const nvidia = row.brand === 'NVIDIA';
  const price = priceOf(row);
  for (const u of c.useCases) {
    switch (u) {
      case 'gaming-4k':
        s += vram >= 16 ? w.vram4kBig : vram >= 12 ? w.vram4kOk : w.vram4kSmall;
        break;
      case 'gaming-1440p':
        s +=
          (vram >= 12 ? w.vram1440Big : vram < 8 ? w.vram1440Small : 0) +
          (price > OVERKILL_1440P_USD ? w.overkill1440 : 0);
        break;
      case 'gaming-1080p':
        s += (vram >= 8 ? w.vram1080Ok : 0) + (price > OVERKILL_1080P_USD ? w.overkill1080 : 0);
        break;
      case 'ml':
        s += (nvidia ? w.mlCuda : 0) + Math.min(vram, ML_VRAM_CAP_GB) * w.mlPerGb;
        break;
      case 'video-editing':
        s += (vram >= 12 ? w.videoVram : 0) + (nvidia ? w.videoNvidia : 0);
        break;
      case 'streaming':
        s += (nvidia ? w.streamNvenc : 0) + (hasAv1Encoder(row.name) ? w.streamAv1 : 0);
        break;
      case 'low-power': {
        const watts = typeof row.specs.boardPowerW === 'number' ? row.specs.boardPowerW : null;
        if (watts === null) break;
        s +=
          watts <= LOW_POWER_W
            ? w.lowPower
            : watts <= MODEST_POWER_W
              ? w.modestPower
              : watts > HUNGRY_POWER_W
                ? w.hungryPower
                : 0;
        break;
      }
      case 'gaming':
        break;
    }
  }
  if (c.useCases.some((u) => u.startsWith('gaming')) && isWorkstation(row.name)) s += w.workstationForGaming;
  return s * B;
}

/** With the shopper's PSU or case given, cards that fit rank above cards that do not. */
export function hardwareBoost(row: ProductRow, c: QueryConstraints): number {
  let s = 0;
  if (c.psuWatts !== null) {
    const v = checkPsu(row.specs, c.psuWatts).verdict;
    if (v === 'fits') s += WEIGHTS.psuFits;
    else if (v === 'insufficient') s += WEIGHTS.psuInsufficient;
  }
  if (c.caseMaxLengthMm !== null) {
    const v = checkLength(row.specs, c.caseMaxLengthMm).verdict;
    if (v === 'fits' || v === 'marginal') s += WEIGHTS.lengthFits;
    else if (v === 'insufficient') s += WEIGHTS.lengthTooLong;
  }
  return s * B;
}

/** A $950 card answers "under $1000" better than a $170 one. */
export function budgetBoost(row: ProductRow, c: QueryConstraints): number {
  if (c.budgetMax === null) return 0;
  // 4K and ML buyers want the most card the budget buys.
  const weight = c.useCases.some((u) => u === 'gaming-4k' || u === 'ml')
    ? WEIGHTS.budgetUsePerformance
    : WEIGHTS.budgetUse;
  return Math.min(priceOf(row) / c.budgetMax, 1) * weight * B;
}

export function score(cand: Candidate, c: QueryConstraints, withStock = true): number {
  let s = 0;
  if (cand.vectorRank !== undefined) s += 1 / (RRF_K + cand.vectorRank);
  if (cand.textRank !== undefined) s += 1 / (RRF_K + cand.textRank);
  if (cand.tierRank !== undefined) s += 1 / (RRF_K + cand.tierRank);
  s += useCaseBoost(cand.row, c) + budgetBoost(cand.row, c) + hardwareBoost(cand.row, c);
  // A card asked for by name is shown for what it is, out of stock or not: its text match
  // decides the order among the variants ("asus dual 3060 ti" before another 3060 Ti).
  if (withStock && !cand.named) s += (cand.row.stock > 0 ? WEIGHTS.inStock : WEIGHTS.outOfStock) * B;
  if (cand.named) s += WEIGHTS.named * B;
  else if (cand.family) s += WEIGHTS.family * B;
  return s;
}

/** Best first, at most `perModel` variants of one model, `limit` in all. */
export function rankCandidates(
  candidates: Candidate[],
  c: QueryConstraints,
  opts: { limit: number; perModel?: number; withStock?: boolean },
): ProductRow[] {
  const perModel = opts.perModel ?? 2;
  const sorted = [...candidates]
    .map((cand) => ({ cand, s: score(cand, c, opts.withStock ?? true) }))
    .sort((a, b) => b.s - a.s || priceOf(a.cand.row) - priceOf(b.cand.row));
  const out: ProductRow[] = [];
  const perKey = new Map<string, number>();
  for (const { cand } of sorted) {
    const key = modelOf(cand.row.name);
    const n = perKey.get(key) ?? 0;
    if (n >= perModel && !cand.named && !cand.family) continue;
    perKey.set(key, n + 1);
    out.push(cand.row);
    if (out.length >= opts.limit) break;
  }
  return out;
}

/** Merges candidate lists by product id, keeping each list's 1-based rank. */
export function mergeCandidates(
  vector: ProductRow[],
  text: ProductRow[],
  named: ProductRow[],
  tier: ProductRow[] = [],
  family: ProductRow[] = [],
): Candidate[] {
  const byId = new Map<string, Candidate>();
  const get = (row: ProductRow) => {
    let cand = byId.get(row.id);
    if (!cand) byId.set(row.id, (cand = { row }));
    return cand;
  };
  vector.forEach((row, i) => (get(row).vectorRank = i + 1));
  text.forEach((row, i) => (get(row).textRank = i + 1));
  named.forEach((row) => (get(row).named = true));
  tier.forEach((row, i) => (get(row).tierRank = i + 1));
  family.forEach((row) => (get(row).family = true));
  return [...byId.values()];
}
