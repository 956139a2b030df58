// The retrieval evaluation's metrics on cases small enough to compute by hand.
import { describe, expect, it } from 'vitest';
import { cappedRecall, dcg, mean, ndcg, satisfaction } from './metrics.js';

describe('retrieval metrics', () => {
  it('DCG sums (2^g - 1) / log2(rank + 1)', () => {
    // 7/log2(2) + 1/log2(3) + 0 + 3/log2(5)
    expect(dcg([3, 1, 0, 2], 10)).toBeCloseTo(7 + 1 / Math.log2(3) + 3 / Math.log2(5), 12);
    expect(dcg([3, 3, 3], 1)).toBe(7);
    expect(dcg([], 10)).toBe(0);
  });

  it('nDCG is 1 for the ideal order, less for a worse one, and uses the whole catalog as the ideal', () => {
    expect(ndcg([3, 2, 1], [1, 2, 3], 10)).toBe(1);
    // Swapping the top two: (3 + 7/log2 3 + 1/2) / (7 + 3/log2 3 + 1/2).
    expect(ndcg([2, 3, 1], [3, 2, 1], 10)).toBeCloseTo((3.5 + 7 / Math.log2(3)) / (7.5 + 3 / Math.log2(3)), 12);
    // The ranking found one grade-1 product; the catalog had a grade-3 one it missed.
    expect(ndcg([1], [3, 1, 0], 10)).toBeCloseTo(1 / (7 + 1 / Math.log2(3)), 12);
    expect(ndcg([0, 0], [0, 0, 0], 10)).toBe(0);
  });

  it('nDCG@k cuts both the ranking and the ideal at k', () => {
    expect(ndcg([0, 3], [3, 3], 1)).toBe(0);
    expect(ndcg([3, 0], [3, 3], 1)).toBe(1);
  });

  it('capped recall counts grade >= 2 in the first k over min(k, relevant)', () => {
    expect(cappedRecall([3, 0, 2, 1], [3, 2, 2, 1, 0], 10)).toBeCloseTo(2 / 3, 12);
    // 12 relevant in the catalog, 4 of them in the top 10: 4 / min(10, 12).
    expect(cappedRecall([2, 2, 2, 2, 0, 0, 0, 0, 0, 0], Array<number>(12).fill(2), 10)).toBeCloseTo(0.4, 12);
    expect(cappedRecall([1, 1], [1, 1, 0], 10)).toBeNull();
    expect(cappedRecall([1, 3], [3, 1], 10, 3)).toBe(1);
  });

  it('constraint satisfaction is the share of the top k that passes every hard constraint', () => {
    expect(satisfaction([true, false, true, true], 10)).toBe(0.75);
    expect(satisfaction([true, false, false], 1)).toBe(1);
    expect(satisfaction([], 10)).toBe(1);
    expect(mean([1, 2, 3])).toBe(2);
  });
});
