// Retrieval for one question: hard filters in SQL, vector + full-text candidates fused by
// RRF with soft boosts, named models always included, and — when nothing fits the budget —
// the nearest options above it, flagged. Records retrieval_duration_seconds.
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Logger } from '../../../platform/logger.js';
import { retrievalDuration, retrievalResults } from '../../../platform/metrics.js';
import type { Embedder } from '../embeddings/embedder.js';
import type { QueryConstraints } from '../query/constraints.js';
import {
  candidateLists,
  cheapestAbove,
  isSelective,
  namedModelProducts,
  staleEmbeddings,
  strongestInBudget,
  supportsIterativeScan,
  type HardFilters,
} from './hybrid-search.js';
import type { ProductRow } from './product-row.js';
import { mergeCandidates, rankCandidates } from './rank.js';
import { searchTerms } from './search-terms.js';

export interface RetrievalResult {
  products: ProductRow[];
  /** Nothing fit the budget: these are the nearest options above it. */
  overBudget: boolean;
  /** Out-of-stock products the shopper asked for or that ranked among the best matches. */
  outOfStockIds: string[];
  /** Named models the catalog does not carry. */
  missingModels: string[];
}

export interface RetrieverOptions {
  /** Products shown per answer. */
  limit?: number;
  /** Candidates taken from each list before fusion. */
  candidates?: number;
}

const cents = (dollars: number | null) => (dollars === null ? null : Math.round(dollars * 100));

export function hardFilters(c: QueryConstraints): HardFilters {
  return {
    maxPriceCents: cents(c.budgetMax),
    minPriceCents: cents(c.budgetMin),
    abovePriceCents: null,
    minVramGb: c.minVramGb,
    brands: c.brands,
    excludeBrands: c.excludeBrands,
    inStockOnly: c.inStockOnly,
  };
}

export class ProductRetriever {
  private iterativeSupported: Promise<boolean> | undefined;
  private readonly limit: number;
  private readonly k: number;

  constructor(
    private readonly deps: { em: () => EntityManager; embedder: Embedder; logger: Logger },
    opts: RetrieverOptions = {},
  ) {
    this.limit = opts.limit ?? 5;
    this.k = opts.candidates ?? 24;
  }

  /** Once: does pgvector iterate filtered scans; are product vectors from this embedder? */
  private async firstUse(em: EntityManager): Promise<boolean> {
    const model = this.deps.embedder.model;
    const stale = await staleEmbeddings(em, model).catch(() => 0);
    if (stale > 0) {
      this.deps.logger.warn(
        { stale, model },
        'products embedded by another model are searched by text only; run `npm run reindex`',
      );
    }
    return supportsIterativeScan(em).catch((err: Error) => {
      this.deps.logger.warn({ err: err.message }, 'could not read the pgvector version; no iterative scans');
      return false;
    });
  }

  async retrieve(message: string, c: QueryConstraints): Promise<RetrievalResult> {
    const end = retrievalDuration.startTimer();
    try {
      const result = await this.run(message, c);
      retrievalResults.observe(result.products.length);
      return result;
    } finally {
      end();
    }
  }

  private async run(message: string, c: QueryConstraints): Promise<RetrievalResult> {
    const [vector] = await this.deps.embedder.embed([message]);
    const em = this.deps.em();
    this.iterativeSupported ??= this.firstUse(em);
    const canIterate = await this.iterativeSupported;
    const filters = hardFilters(c);
    const terms = searchTerms(message);

    // Selective filters need iterative HNSW scans: `set local` lives in a transaction, and
    // inside it every query must use the transaction (PGlite has a single connection).
    const iterative = canIterate && isSelective(filters);
    const run = async (db: EntityManager) => {
      const query = { vector: vector!, model: this.deps.embedder.model, websearch: terms };
      const lists = await candidateLists(db, query, filters, this.k, iterative);
      const named = c.models.length ? await namedModelProducts(db, c.models) : [];
      // Lexical search alone misses strong cards whose text does not echo the question.
      const tier = wantsPerformance(c) ? await strongestInBudget(db, filters, 8) : [];
      return this.rank(db, c, filters, lists.vector, lists.text, named, tier);
    };
    return iterative ? em.transactional(run) : run(em);
  }

  private async rank(
    db: EntityManager,
    c: QueryConstraints,
    filters: HardFilters,
    vec: ProductRow[],
    text: ProductRow[],
    named: ProductRow[],
    tier: ProductRow[],
  ): Promise<RetrievalResult> {
    const missingModels = c.models
      .filter((m) => !named.some((row) => new RegExp(toJsRegex(m.pattern), 'i').test(row.name)))
      .map((m) => m.display);
    const candidates = mergeCandidates(vec, text, named, tier);
    let products = rankCandidates(candidates, c, { limit: this.limit });
    const unstocked = rankCandidates(candidates, c, { limit: this.limit, withStock: false });
    let overBudget = false;
    const namedIds = new Set(named.map((p) => p.id));
    if (products.every((p) => namedIds.has(p.id)) && c.budgetMax !== null) {
      const above = await cheapestAbove(
        db,
        { ...filters, maxPriceCents: null, minPriceCents: null, abovePriceCents: cents(c.budgetMax) },
        3,
      );
      if (above.length) {
        overBudget = true;
        products = [...products, ...above.filter((a) => !products.some((p) => p.id === a.id))].slice(0, this.limit);
      }
    }
    const outOfStockIds = [...new Set([...named, ...unstocked].filter((p) => p.stock === 0).map((p) => p.id))];
    return { products, overBudget, outOfStockIds, missingModels };
  }
}

/** A budget and a demanding use: the shopper wants the most performance the budget buys. */
const wantsPerformance = (c: QueryConstraints) =>
  c.budgetMax !== null &&
  c.useCases.some((u) => u === 'gaming-4k' || u === 'gaming-1440p' || u === 'ml' || u === 'video-editing');

/** PostgreSQL's word anchors (\m, \M) as JavaScript's \b. */
export const toJsRegex = (pattern: string): string => pattern.replace(/\\[mM]/g, '\\b');
