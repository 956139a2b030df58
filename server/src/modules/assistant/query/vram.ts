// Minimum VRAM: "12GB", "16 GB de VRAM", "16GB+", "al menos 12 gb", "at least 12GB",
// "24GB or more", "más de 8GB". An upper bound ("up to 8GB") sets no minimum.
const VRAM = /(\d{1,3})\s?(?:gb|gib|gigas?|gigabytes?|g(?=\s?(?:de\s)?(?:vram|ram|memoria|memory)))(\+)?/g;
const MORE_THAN_BEFORE = /(?:more than|over|above|mas de|mayor a|mayor de|arriba de|greater than)\s*$/;
const MAX_BEFORE =
  /(?:up to|at most|max(?:imum)?|maximo|hasta|less than|under|below|menos de|bajo)\s*(?:of\s+|de\s+)?$/;

export function parseMinVram(folded: string): number | null {
  let best: number | null = null;
  for (const m of folded.matchAll(VRAM)) {
    const n = Number(m[1]);
    if (n < 1 || n > 256) continue;
    const before = folded.slice(Math.max(0, (m.index ?? 0) - 24), m.index);
    if (MAX_BEFORE.test(before)) continue;
    const min = MORE_THAN_BEFORE.test(before) ? n + 1 : n;
    // Several sizes ("12GB or 16GB"): the smallest is the real minimum.
    best = best === null ? min : Math.min(best, min);
  }
  return best;
}
