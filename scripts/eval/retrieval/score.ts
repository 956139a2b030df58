// Scores one embedder's rankings against the graded judgments: per query, per ranking,
// nDCG@10, capped recall@10 and hard-constraint satisfaction; then means per language and
// split. Pure (no database), so the table can be recomputed from a saved run.
import { cappedRecall, mean, ndcg, satisfaction } from './metrics.js';
import { grade, satisfiesHard, type ProductFacts } from './judgments.js';
import { modelOf } from '../../../server/src/modules/catalog/gpu-models.js';
import type { EvalQuery } from './queries.js';

export const LISTS = ['lexical', 'vector', 'fused'] as const;
export type ListName = (typeof LISTS)[number];
export const K = 10;
/** Variants of one GPU model that count in a ranking (rule 4 in docs/retrieval-eval.md). */
export const VARIANTS_THAT_COUNT = 2;

/** Grades with every variant of a model past the first `cap` in the list set to 0. */
export function capVariants(grades: number[], models: string[], cap: number): number[] {
  const seen = new Map<string, number>();
  return grades.map((g, i) => {
    const n = (seen.get(models[i]!) ?? 0) + 1;
    seen.set(models[i]!, n);
    return n > cap ? 0 : g;
  });
}

export interface QueryScore {
  id: string;
  lang: 'es' | 'en';
  split: 'tune' | 'heldout';
  ndcg: Record<ListName, number>;
  recall: Record<ListName, number | null>;
  /** null when the query has no hard constraint. */
  constraints: Record<ListName, number | null>;
}

export interface Cell {
  ndcg: number;
  recall: number;
  constraints: number;
  queries: number;
}

export function scoreQueries(
  queries: EvalQuery[],
  facts: ProductFacts[],
  rankings: Record<string, Record<ListName, string[]>>,
  opts: { variantCap?: number } = {},
): QueryScore[] {
  const byId = new Map(facts.map((f) => [f.id, f]));
  const cap = opts.variantCap ?? VARIANTS_THAT_COUNT;
  const modelOfId = new Map(facts.map((f) => [f.id, modelOf(f.name)]));
  return queries.map((q) => {
    const grades = new Map(facts.map((f) => [f.id, grade(f, q.intent)]));
    // The ideal ranking obeys the same cap: the best `cap` variants of each model.
    const byGrade = [...facts].sort((a, b) => grades.get(b.id)! - grades.get(a.id)!);
    const all = capVariants(
      byGrade.map((f) => grades.get(f.id)!),
      byGrade.map((f) => modelOfId.get(f.id)!),
      cap,
    );
    const hasHard = Object.keys(q.intent.hard ?? {}).length > 0;
    const per = <T>(fn: (ids: string[]) => T) =>
      Object.fromEntries(LISTS.map((l) => [l, fn(rankings[q.id]?.[l] ?? [])])) as Record<ListName, T>;
    const gradesOf = (ids: string[]) =>
      capVariants(
        ids.map((id) => grades.get(id) ?? 0),
        ids.map((id) => modelOfId.get(id) ?? id),
        cap,
      );
    return {
      id: q.id,
      lang: q.lang,
      split: q.split,
      ndcg: per((ids) => ndcg(gradesOf(ids), all, K)),
      recall: per((ids) => cappedRecall(gradesOf(ids), all, K)),
      constraints: per((ids) =>
        hasHard
          ? satisfaction(
              ids.map((id) => satisfiesHard(byId.get(id)!, q.intent.hard)),
              K,
            )
          : null,
      ),
    };
  });
}

/** Means over the queries of one language and split (recall and constraints over the queries where defined). */
export function cell(scores: QueryScore[], list: ListName): Cell {
  const defined = (xs: (number | null)[]) => xs.filter((x): x is number => x !== null);
  return {
    ndcg: mean(scores.map((s) => s.ndcg[list])),
    recall: mean(defined(scores.map((s) => s.recall[list]))),
    constraints: mean(defined(scores.map((s) => s.constraints[list]))),
    queries: scores.length,
  };
}
