// A refinement keeps what the shopper did not replace: "¿y con 16 GB?" adds a VRAM floor to
// the budget and use already in force; "prefiero AMD" swaps the brand; "sin NVIDIA" rules
// one out. Relative asks ("más barato", "más potente", "que consuma menos", "más corta")
// are measured against the first card shown, as the contract says.
import type { Gpu } from '@gpu/shared';
import type { QueryConstraints } from '../query/constraints.js';

export type Relative = 'cheaper' | 'more-powerful' | 'less-power' | 'more-vram' | 'smaller';

/** The constraints in force after a refinement: `next` wins where it says something. */
export function mergeConstraints(prev: QueryConstraints, next: QueryConstraints): QueryConstraints {
  const brands = next.brands.length ? [...next.brands] : prev.brands.filter((b) => !next.excludeBrands.includes(b));
  const excludeBrands = [...new Set([...prev.excludeBrands, ...next.excludeBrands])].filter(
    (b) => !next.brands.includes(b),
  );
  const budgetMax = next.budgetMax ?? prev.budgetMax;
  let budgetMin = next.budgetMin ?? (next.budgetMax !== null ? null : prev.budgetMin);
  if (budgetMin !== null && budgetMax !== null && budgetMin >= budgetMax) budgetMin = null;
  return {
    language: next.language,
    budgetMax,
    budgetMin,
    minVramGb: next.minVramGb ?? prev.minVramGb,
    brands,
    excludeBrands,
    useCases: next.useCases.length ? [...next.useCases] : [...prev.useCases],
    models: [...next.models],
    psuWatts: next.psuWatts ?? prev.psuWatts,
    caseMaxLengthMm: next.caseMaxLengthMm ?? prev.caseMaxLengthMm,
    inStockOnly: next.inStockOnly || prev.inStockOnly,
    maxBoardPowerW: next.maxBoardPowerW ?? prev.maxBoardPowerW,
    minPerfIndex: next.minPerfIndex ?? prev.minPerfIndex,
  };
}

/** A new request starts from what the message says; the shopper's own hardware stays. */
export function freshConstraints(prev: QueryConstraints, next: QueryConstraints): QueryConstraints {
  return {
    ...next,
    psuWatts: next.psuWatts ?? prev.psuWatts,
    caseMaxLengthMm: next.caseMaxLengthMm ?? prev.caseMaxLengthMm,
  };
}

/** Applies a relative ask, anchored on the first card shown. Null when it cannot be measured. */
export function applyRelative(c: QueryConstraints, relative: Relative, anchor: Gpu): QueryConstraints | null {
  const s = anchor.specs;
  switch (relative) {
    case 'cheaper': {
      const below = Math.round(anchor.price * 100 - 1) / 100;
      return { ...c, budgetMax: c.budgetMax === null ? below : Math.min(c.budgetMax, below), budgetMin: null };
    }
    case 'more-powerful':
      // Faster than the anchor: the budget that bound it is lifted only when nothing fits
      // (the search falls back to the nearest options above it).
      if (typeof s.perfIndex === 'number') return { ...c, minPerfIndex: s.perfIndex, budgetMin: null };
      return { ...c, budgetMin: Math.round(anchor.price * 100 + 1) / 100 };
    case 'less-power':
      return typeof s.boardPowerW === 'number' ? { ...c, maxBoardPowerW: s.boardPowerW - 1 } : null;
    case 'more-vram':
      return { ...c, minVramGb: anchor.vramGb + 1 };
    case 'smaller':
      return typeof s.lengthMm === 'number' ? { ...c, caseMaxLengthMm: Math.floor(s.lengthMm - 1) } : null;
  }
}
