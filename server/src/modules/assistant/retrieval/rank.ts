// Reciprocal rank fusion of the vector and full-text candidate lists, plus soft boosts:
// in stock first, use-case fit (4K wants VRAM, ML wants CUDA and VRAM...), cards that make
// good use of the budget, and at most two variants of one model so the shopper sees choice.
// Pure: the SQL lives in hybrid-search.ts.
import type { QueryConstraints } from '../query/constraints.js';
import { modelsInName } from '../query/named-models.js';
import { priceOf, type ProductRow } from './product-row.js';

export const RRF_K = 60;
/** One "first place" in one list is worth 1/(RRF_K+1) ≈ 0.016; boosts are on that scale. */
const B = 1 / (RRF_K + 1);

export interface Candidate {
  row: ProductRow;
  vectorRank?: number;
  textRank?: number;
  /** Rank among the strongest in-budget cards (performance use cases only). */
  tierRank?: number;
  /** Asked for by name: always shown. */
  named?: boolean;
}

const isWorkstation = (row: ProductRow) => /\b(?:RTX A\d{4}|Ada Generation|Radeon PRO)\b/i.test(row.name);
const hasModernEncoder = (row: ProductRow) => /\b(?:RTX [45]0\d0|RX [79]\d{3}|Arc)\b/i.test(row.name);

export function useCaseBoost(row: ProductRow, c: QueryConstraints): number {
  let s = 0;
  const vram = row.vram_gb;
  const nvidia = row.brand === 'NVIDIA';
  for (const u of c.useCases) {
    switch (u) {
      case 'gaming-4k':
        s += vram >= 16 ? 0.8 * B : vram >= 12 ? 0.4 * B : -0.6 * B;
        break;
      case 'gaming-1440p':
        s += (vram >= 12 ? 0.5 * B : vram < 8 ? -0.6 * B : 0) + (priceOf(row) > 1200 ? -0.4 * B : 0);
        break;
      case 'gaming-1080p':
        // A flagship is wasted at 1080p: prefer sensible cards.
        s += (vram >= 8 ? 0.3 * B : 0) + (priceOf(row) > 600 ? -0.8 * B : 0);
        break;
      case 'ml':
        s += (nvidia ? 0.8 * B : 0) + Math.min(vram, 32) * 0.03 * B;
        break;
      case 'video-editing':
        s += (vram >= 12 ? 0.4 * B : 0) + (nvidia ? 0.2 * B : 0);
        break;
      case 'streaming':
        s += (nvidia ? 0.25 * B : 0) + (hasModernEncoder(row) ? 0.25 * B : 0);
        break;
      case 'gaming':
        break;
    }
  }
  if (c.useCases.some((u) => u.startsWith('gaming')) && isWorkstation(row)) s -= 0.8 * B;
  return s;
}

/** With the shopper's PSU or case given, cards that fit rank above cards that do not. */
export function hardwareBoost(row: ProductRow, c: QueryConstraints): number {
  let s = 0;
  const { recommendedPsuW, boardPowerW, lengthMm } = row.specs;
  if (c.psuWatts !== null && recommendedPsuW) {
    if (c.psuWatts >= recommendedPsuW) s += 0.5 * B;
    else if (boardPowerW && c.psuWatts < boardPowerW + 250) s -= 0.8 * B;
  }
  if (c.caseMaxLengthMm !== null && lengthMm) s += lengthMm <= c.caseMaxLengthMm ? 0.3 * B : -1 * B;
  return s;
}

/** A $950 card answers "under $1000" better than a $170 one. */
export function budgetBoost(row: ProductRow, c: QueryConstraints): number {
  if (c.budgetMax === null) return 0;
  // 4K and ML buyers want the most card the budget buys; price is the performance proxy.
  const weight = c.useCases.some((u) => u === 'gaming-4k' || u === 'ml') ? 1.8 : 0.9;
  return Math.min(priceOf(row) / c.budgetMax, 1) * weight * B;
}

export function score(cand: Candidate, c: QueryConstraints, withStock = true): number {
  let s = 0;
  if (cand.vectorRank !== undefined) s += 1 / (RRF_K + cand.vectorRank);
  if (cand.textRank !== undefined) s += 1 / (RRF_K + cand.textRank);
  if (cand.tierRank !== undefined) s += 1 / (RRF_K + cand.tierRank);
  s += useCaseBoost(cand.row, c) + budgetBoost(cand.row, c) + hardwareBoost(cand.row, c);
  if (withStock) s += cand.row.stock > 0 ? 0.6 * B : -1.2 * B;
  if (cand.named) s += 10;
  return s;
}

function modelKey(row: ProductRow): string {
  return modelsInName(row.name)[0] ?? row.name;
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
    const key = modelKey(cand.row);
    const n = perKey.get(key) ?? 0;
    if (n >= perModel && !cand.named) continue;
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
  return [...byId.values()];
}
