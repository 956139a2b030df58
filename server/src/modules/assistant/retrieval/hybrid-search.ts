// The SQL side of retrieval: the catalog's hard filters (catalog-query.ts) applied in every
// query; candidates by pgvector cosine distance (HNSW, with iterative scans so a selective
// filter still yields k rows) and by full-text rank; named models by regex; sorted lists.
import type { EntityManager } from '@mikro-orm/postgresql';
import type { SearchSort } from '@gpu/shared';
import { catalogOrder, catalogWhere, type CatalogFilters } from '../../catalog/catalog-query.js';
import { EMBEDDING_DIM, toVectorLiteral } from '../embeddings/embedder.js';
import type { NamedModel } from '../query/constraints.js';
import { PRODUCT_COLUMNS, type ProductRow } from './product-row.js';

const filterSql = catalogWhere;

/** pgvector >= 0.8 has iterative index scans; older servers just skip the setting. */
export async function supportsIterativeScan(em: EntityManager): Promise<boolean> {
  const rows = await em.execute<{ extversion: string }[]>(
    `select extversion from pg_extension where extname = 'vector'`,
  );
  const [major = 0, minor = 0] = (rows[0]?.extversion ?? '0.0').split('.').map(Number);
  return major > 0 || minor >= 8;
}

export interface CandidateLists {
  /** Nearest by cosine distance, closest first. */
  vector: ProductRow[];
  /** Best full-text matches, best first. */
  text: ProductRow[];
}

/**
 * Both candidate lists in one statement (one round trip, one plan): the k nearest by
 * pgvector cosine distance and the k best by full-text rank, under the same hard filters.
 * Only vectors from the query's model are compared (rows not yet re-embedded after a model
 * change are left to full-text search until `npm run reindex`).
 * With `iterative`, call inside a transaction: `set local hnsw.iterative_scan` lets a
 * filtered HNSW scan keep going until it has k rows (relaxed order, so the top k is
 * re-sorted by distance).
 */
export async function candidateLists(
  em: EntityManager,
  /** `vector` null (the embedder failed): the vector list is empty and full-text carries the search. */
  query: { vector: Float32Array | null; model: string; websearch: string },
  f: CatalogFilters,
  k: number,
  iterative: boolean,
): Promise<CandidateLists> {
  const { vector, websearch } = query;
  const where = filterSql(f);
  // Without a vector the statement keeps its shape (a zero vector is a valid literal) and the
  // nearest list is switched off with `false`, so one query still serves both cases.
  const v = toVectorLiteral(vector ?? new Float32Array(EMBEDDING_DIM));
  const vectorOn = vector ? 'true' : 'false';
  if (iterative) await em.execute(`set local hnsw.iterative_scan = relaxed_order`);
  // The search vector mixes 'simple' (names), 'english' and 'spanish' (descriptions). Ties
  // (equal ranks and prices are common among variants) break by SKU, so a search repeats, also
  // on another seeded database; the HNSW scan keeps its plain distance order (a second key
  // would bypass the index).
  const rows = await em.execute<(ProductRow & { list: 'vector' | 'text'; rank: string })[]>(
    `with nearest as materialized (
       select ${PRODUCT_COLUMNS}, embedding <=> ?::vector as distance
       from gpus where ${vectorOn} and ${where.sql} and embedding is not null and embedding_model = ?
       order by embedding <=> ?::vector limit ?
     ), query as (
       select websearch_to_tsquery('simple', ?) || websearch_to_tsquery('english', ?)
              || websearch_to_tsquery('spanish', ?) as q
     ), matched as materialized (
       select ${PRODUCT_COLUMNS}, ts_rank(search_vector, q) as text_rank
       from gpus, query where ${where.sql} and ? <> '' and search_vector @@ q
       order by text_rank desc, price_cents, sku limit ?
     )
     select 'vector' as list, row_number() over (order by distance, sku) as rank, ${PRODUCT_COLUMNS} from nearest
     union all
     select 'text' as list, row_number() over (order by text_rank desc, price_cents, sku) as rank, ${PRODUCT_COLUMNS}
     from matched`,
    [v, ...where.params, query.model, v, k, websearch, websearch, websearch, ...where.params, websearch, k],
  );
  const list = (name: 'vector' | 'text') =>
    rows
      .filter((r) => r.list === name)
      .sort((a, b) => Number(a.rank) - Number(b.rank))
      .map(({ list: _list, rank: _rank, ...row }) => row as ProductRow);
  return { vector: list('vector'), text: list('text') };
}

/**
 * The strongest in-stock cards that pass the filters: by performance index, and by price
 * where the index is missing or tied (price is the performance proxy then). For memory-bound
 * work (`byMemory`: ML, video editing) the card with more VRAM is the stronger one first.
 */
export async function strongestInBudget(
  tx: EntityManager,
  f: CatalogFilters,
  limit: number,
  byMemory = false,
): Promise<ProductRow[]> {
  const where = catalogWhere({ ...f, inStockOnly: true });
  return tx.execute<ProductRow[]>(
    `select ${PRODUCT_COLUMNS} from gpus where ${where.sql}
     order by ${byMemory ? 'vram_gb desc, ' : ''}(specs->>'perfIndex')::numeric desc nulls last, price_cents desc, id limit ?`,
    [...where.params, limit],
  );
}

/** The products that pass the filters in a fixed order (cheapest first, most VRAM first, ...). */
export async function sortedProducts(
  tx: EntityManager,
  f: CatalogFilters,
  sort: Exclude<SearchSort, 'relevance'>,
  limit: number,
): Promise<ProductRow[]> {
  const where = filterSql(f);
  return tx.execute<ProductRow[]>(
    `select ${PRODUCT_COLUMNS} from gpus where ${where.sql} order by ${catalogOrder(sort)} limit ?`,
    [...where.params, limit],
  );
}

/** Active products of each named model, in stock and cheapest first, a few per model. */
/**
 * The variants of each named model, in stock and cheapest first, under the shopper's other
 * hard filters ("rtx 5060 ti 16gb" means the 16 GB ones); when the filters leave none, the
 * model's variants anyway, so the answer can say what we carry and how it differs.
 */
export async function namedModelProducts(
  tx: EntityManager,
  models: NamedModel[],
  filters: CatalogFilters,
  perModel: number,
): Promise<{ exact: ProductRow[]; family: ProductRow[] }> {
  const exact: ProductRow[] = [];
  const family: ProductRow[] = [];
  const pick = async (m: NamedModel, f: CatalogFilters, limit: number, skip: string[]) => {
    const where = filterSql({ ...f, models: [m] });
    const notIn = skip.length ? ` and id not in (${skip.map(() => '?').join(', ')})` : '';
    return tx.execute<ProductRow[]>(
      `select ${PRODUCT_COLUMNS} from gpus where ${where.sql}${notIn} order by (stock > 0) desc, price_cents limit ?`,
      [...where.params, ...skip, limit],
    );
  };
  for (const m of models) {
    let rows = await pick(m, filters, perModel, []);
    if (!rows.length) rows = await pick(m, {}, perModel, []);
    exact.push(...rows);
    // Fewer variants than room: the model's siblings ("RTX 4060" -> "RTX 4060 Ti") come next.
    if (m.excludePattern && rows.length < perModel) {
      const siblings = { ...m, excludePattern: null };
      family.push(
        ...(await pick(
          siblings,
          filters,
          perModel - rows.length,
          [...exact, ...family].map((r) => r.id),
        )),
      );
    }
  }
  return { exact, family };
}

/** Products whose embedding is missing or from another model than `model`. */
export async function staleEmbeddings(em: EntityManager, model: string): Promise<number> {
  const rows = await em.execute<{ n: string }[]>(
    `select count(*)::text as n from gpus where is_active and (embedding is null or embedding_model is distinct from ?)`,
    [model],
  );
  return Number(rows[0]?.n ?? 0);
}

/** The over-budget fallback: the cheapest matches just above the budget, in stock first. */
export async function cheapestAbove(tx: EntityManager, f: CatalogFilters, limit: number): Promise<ProductRow[]> {
  const where = filterSql(f);
  return tx.execute<ProductRow[]>(
    `select ${PRODUCT_COLUMNS} from gpus where ${where.sql} order by (stock > 0) desc, price_cents limit ?`,
    [...where.params, limit],
  );
}
