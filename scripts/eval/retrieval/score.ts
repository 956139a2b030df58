// Scores one embedder's rankings against the graded judgments: per query, per ranking,
// nDCG@10, capped recall@10 and hard-constraint satisfaction; then means per language and
// split. Pure (no database), so the table can be recomputed from a saved run.
import { cappedRecall, mean, ndcg, satisfaction } from './metrics.js';
import { grade, satisfiesHard, type ProductFacts } from './judgments.js';
import type { EvalQuery } from './queries.js';

export const LISTS = ['lexical', 'vector', 'fused'] as const;
export type ListName = (typeof LISTS)[number];
export const K = 10;

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
): QueryScore[] {
  const byId = new Map(facts.map((f) => [f.id, f]));
  return queries.map((q) => {
    const grades = new Map(facts.map((f) => [f.id, grade(f, q.intent)]));
    const all = [...grades.values()];
    const hasHard = Object.keys(q.intent.hard ?? {}).length > 0;
    const per = <T>(fn: (ids: string[]) => T) =>
      Object.fromEntries(LISTS.map((l) => [l, fn(rankings[q.id]?.[l] ?? [])])) as Record<ListName, T>;
    const gradesOf = (ids: string[]) => ids.map((id) => grades.get(id) ?? 0);
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
