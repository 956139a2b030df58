// `npm run reindex` as a service: moves the catalog to the active embedder by re-embedding
// every row whose vector is missing or from another model, and says what it moved from.
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Embedder } from '../../platform/embedder.js';
import { reindexStale } from './product-embeddings.js';

export interface ReindexReport {
  model: string;
  lexical: boolean;
  /** Rows embedded by this run. */
  reembedded: number;
  /** Before the run: stale rows by the model that had embedded them ("none": no vector). */
  from: Record<string, number>;
  /** Rows that were already embedded by `model`. */
  alreadyCurrent: number;
  total: number;
  durationMs: number;
}

export async function reindexCatalog(em: EntityManager, embedder: Embedder): Promise<ReindexReport> {
  const started = performance.now();
  // Raw SQL: a grouped count over a computed key (no embedding counts as no model).
  const rows = await em.execute<{ model: string | null; n: string }[]>(
    `select case when embedding is null then null else embedding_model end as model, count(*)::text as n
     from gpus group by 1 order by 1`,
  );
  const from: Record<string, number> = {};
  let alreadyCurrent = 0;
  let total = 0;
  for (const r of rows) {
    total += Number(r.n);
    if (r.model === embedder.model) alreadyCurrent = Number(r.n);
    else from[r.model ?? 'none'] = Number(r.n);
  }
  const reembedded = await reindexStale(em, embedder);
  return {
    model: embedder.model,
    lexical: embedder.lexical,
    reembedded,
    from,
    alreadyCurrent,
    total,
    durationMs: Math.round(performance.now() - started),
  };
}

/** One line for the operator: "171 of 171 products re-embedded with X (171 from Y) in 1.2 s". */
export function describeReindex(r: ReindexReport): string {
  const sources = Object.entries(r.from).map(([model, n]) => `${n} from ${model}`);
  const seconds = (r.durationMs / 1000).toFixed(2);
  if (r.reembedded === 0) return `reindex: nothing to do, all ${r.total} products are embedded with ${r.model}`;
  return (
    `reindex: ${r.reembedded} of ${r.total} products re-embedded with ${r.model}` +
    `${sources.length ? ` (${sources.join(', ')})` : ''} in ${seconds} s; ${r.alreadyCurrent} were already current`
  );
}
