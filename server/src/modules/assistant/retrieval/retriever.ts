// Product search for the assistant (the search_products tool): the catalog's hard filters in
// SQL, then either a fixed order (cheapest, most VRAM, most powerful, best value) or, for
// relevance, vector + full-text candidates fused by RRF with soft boosts, named models always
// included; when nothing fits the budget, the nearest options above it, flagged.
// Records retrieval_duration_seconds and retrieval_results.
import type { EntityManager } from '@mikro-orm/postgresql';
import type { SearchSort } from '@gpu/shared';
import type { CatalogFilters } from '../../catalog/catalog-query.js';
import { isSelective } from '../../catalog/catalog-query.js';
import { nameIsModel } from '../../catalog/gpu-models.js';
import type { Logger } from '../../../platform/logger.js';
import { retrievalDegraded, retrievalDuration, retrievalResults } from '../../../platform/metrics.js';
import type { Embedder } from '../embeddings/embedder.js';
import type { QueryConstraints } from '../query/constraints.js';
import {
  type CandidateLists,
  candidateLists,
  cheapestAbove,
  namedModelProducts,
  sortedProducts,
  staleEmbeddings,
  strongestInBudget,
  supportsIterativeScan,
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
  /** The vector and full-text candidate lists before fusion (relevance searches asked `withCandidates`). */
  candidates?: CandidateLists;
}

export interface SearchInput {
  /** Free text (the shopper's words); may be empty for a purely sorted list. */
  text: string;
  constraints: QueryConstraints;
  sort: SearchSort;
  limit: number;
  /** Also return the candidate lists the fused ranking came from (the retrieval evaluation reads them). */
  withCandidates?: boolean;
}

export interface RetrieverOptions {
  /** Candidates taken from each list before fusion. */
  candidates?: number;
}

/** The hard filters a set of constraints stands for. */
export function catalogFilters(c: QueryConstraints): CatalogFilters {
  return {
    maxPrice: c.budgetMax,
    minPrice: c.budgetMin,
    minVramGb: c.minVramGb,
    brands: c.brands,
    excludeBrands: c.excludeBrands,
    inStockOnly: c.inStockOnly,
    maxBoardPowerW: c.maxBoardPowerW,
    minPerfIndex: c.minPerfIndex,
    maxLengthMm: c.caseMaxLengthMm,
    psuWatts: c.psuWatts,
  };
}

export class ProductRetriever {
  private iterativeSupported: Promise<boolean> | undefined;
  private readonly k: number;
  /** The last embedding error, logged once when search falls back to text and once when it recovers. */
  private embedFailure: string | null = null;

  constructor(
    private readonly deps: { em: () => EntityManager; embedder: Embedder; logger: Logger },
    opts: RetrieverOptions = {},
  ) {
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
      this.deps.logger.warn({ err: (err as Error).message }, 'could not read the pgvector version; no iterative scans');
      return false;
    });
  }

  async search(input: SearchInput): Promise<RetrievalResult> {
    const end = retrievalDuration.startTimer();
    try {
      const result = input.sort === 'relevance' ? await this.relevance(input) : await this.sorted(input);
      retrievalResults.observe(result.products.length);
      return result;
    } finally {
      end();
    }
  }

  /**
   * The question's vector, or null when the embedder fails (its worker died, say): a shopper
   * still gets full-text results, counted in retrieval_degraded_total, rather than an error.
   */
  private async queryVector(text: string): Promise<Float32Array | null> {
    try {
      const [vector] = await this.deps.embedder.embed([text]);
      if (this.embedFailure) this.deps.logger.info({ model: this.deps.embedder.model }, 'query embedding works again');
      this.embedFailure = null;
      return vector ?? null;
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      if (this.embedFailure === null) {
        this.deps.logger.error(
          { err: message, model: this.deps.embedder.model },
          'query embedding failed: searching by full-text only',
        );
      }
      this.embedFailure = message;
      retrievalDegraded.inc({ reason: 'embedder' });
      return null;
    }
  }

  /** A fixed order over the filtered catalog; above the budget when nothing fits it. */
  private async sorted(input: SearchInput): Promise<RetrievalResult> {
    const sort = input.sort as Exclude<SearchSort, 'relevance'>;
    const em = this.deps.em();
    const c = input.constraints;
    // "cheapest RTX 5070": a sorted list of the named model's variants.
    const filters = { ...catalogFilters(c), ...(c.models.length ? { models: c.models } : {}) };
    let products = await sortedProducts(em, filters, sort, input.limit);
    let overBudget = false;
    if (products.length === 0 && c.budgetMax !== null) {
      products = await cheapestAbove(
        em,
        { ...filters, maxPrice: null, minPrice: null, abovePrice: c.budgetMax },
        input.limit,
      );
      overBudget = products.length > 0;
    }
    return {
      products,
      overBudget,
      outOfStockIds: products.filter((p) => p.stock === 0).map((p) => p.id),
      missingModels: [],
    };
  }

  private async relevance(input: SearchInput): Promise<RetrievalResult> {
    const c = input.constraints;
    const vector = await this.queryVector(input.text || 'graphics card');
    const em = this.deps.em();
    this.iterativeSupported ??= this.firstUse(em);
    const canIterate = await this.iterativeSupported;
    const filters = catalogFilters(c);
    const terms = searchTerms(input.text);
    // Selective filters need iterative HNSW scans: `set local` lives in a transaction, and
    // inside it every query must use the transaction (PGlite has a single connection).
    const iterative = canIterate && isSelective(filters);
    const run = async (db: EntityManager) => {
      const query = { vector, model: this.deps.embedder.model, websearch: terms };
      const lists = await candidateLists(db, query, filters, this.k, iterative);
      // Every variant the limit allows for one model asked for by name; two each for several.
      const perModel = c.models.length === 1 ? input.limit : 2;
      const named = c.models.length
        ? await namedModelProducts(db, c.models, filters, perModel)
        : { exact: [], family: [] };
      // Lexical search alone misses strong cards whose text does not echo the question.
      const tier = wantsPerformance(c) ? await strongestInBudget(db, filters, 8, memoryBound(c)) : [];
      const result = await this.rank(db, c, filters, input.limit, {
        vec: lists.vector,
        text: lists.text,
        named: named.exact,
        family: named.family,
        tier,
      });
      return input.withCandidates ? { ...result, candidates: lists } : result;
    };
    return iterative ? em.transactional(run) : run(em);
  }

  private async rank(
    db: EntityManager,
    c: QueryConstraints,
    filters: CatalogFilters,
    limit: number,
    lists: { vec: ProductRow[]; text: ProductRow[]; named: ProductRow[]; family: ProductRow[]; tier: ProductRow[] },
  ): Promise<RetrievalResult> {
    const { named } = lists;
    const missingModels = c.models
      .filter((m) => !named.some((row) => nameIsModel(row.name, m.display)))
      .map((m) => m.display);
    const candidates = mergeCandidates(lists.vec, lists.text, named, lists.tier, lists.family);
    let products = rankCandidates(candidates, c, { limit });
    const unstocked = rankCandidates(candidates, c, { limit, withStock: false });
    let overBudget = false;
    const namedIds = new Set(named.map((p) => p.id));
    if (products.every((p) => namedIds.has(p.id)) && c.budgetMax !== null) {
      const above = await cheapestAbove(db, { ...filters, maxPrice: null, minPrice: null, abovePrice: c.budgetMax }, 3);
      if (above.length) {
        overBudget = true;
        products = [...products, ...above.filter((a) => !products.some((p) => p.id === a.id))].slice(0, limit);
      }
    }
    const outOfStockIds = [...new Set([...named, ...unstocked].filter((p) => p.stock === 0).map((p) => p.id))];
    return { products, overBudget, outOfStockIds, missingModels };
  }
}

/** Work that runs out of memory before it runs out of compute: VRAM decides. */
const memoryBound = (c: QueryConstraints) => c.useCases.some((u) => u === 'ml' || u === 'video-editing');

/** A budget and a demanding use: the shopper wants the most performance the budget buys. */
const wantsPerformance = (c: QueryConstraints) =>
  c.budgetMax !== null &&
  c.useCases.some((u) => u === 'gaming-4k' || u === 'gaming-1440p' || u === 'ml' || u === 'video-editing');
