// Ranking metrics of the retrieval evaluation, pure so they can be checked by hand
// (metrics.test.ts). Grades are 0-3; a ranking is a list of grades, best first.

/** Exponential gain (2^g - 1), as in Järvelin & Kekäläinen and the TREC/BEIR convention. */
const gain = (grade: number): number => 2 ** grade - 1;

/** DCG@k: the sum of gain / log2(rank + 1) over the first k positions (rank from 1). */
export function dcg(grades: number[], k: number): number {
  return grades.slice(0, k).reduce((sum, g, i) => sum + gain(g) / Math.log2(i + 2), 0);
}

/**
 * nDCG@k: DCG of the ranking over DCG of the ideal ranking, which orders every judged
 * product of the catalog (`allGrades`) best first. 0 when nothing is relevant at all.
 */
export function ndcg(ranked: number[], allGrades: number[], k: number): number {
  const ideal = dcg(
    [...allGrades].sort((a, b) => b - a),
    k,
  );
  return ideal === 0 ? 0 : dcg(ranked, k) / ideal;
}

/**
 * Recall@k with the denominator capped at k (BEIR's "capped recall"): relevant products
 * (grade >= `minGrade`) in the first k, over min(k, relevant in the catalog). With dozens of
 * relevant variants plain recall@10 could never reach 1; this one can. null when nothing is
 * relevant.
 */
export function cappedRecall(ranked: number[], allGrades: number[], k: number, minGrade = 2): number | null {
  const relevant = allGrades.filter((g) => g >= minGrade).length;
  if (relevant === 0) return null;
  const found = ranked.slice(0, k).filter((g) => g >= minGrade).length;
  return found / Math.min(k, relevant);
}

/** Share of the first k results that satisfy every hard constraint; 1 for an empty list. */
export function satisfaction(satisfies: boolean[], k: number): number {
  const top = satisfies.slice(0, k);
  return top.length === 0 ? 1 : top.filter(Boolean).length / top.length;
}

export const mean = (xs: number[]): number => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : Number.NaN);
