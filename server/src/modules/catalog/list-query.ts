// SQL for GET /api/gpus: the catalog query's filters (catalog-query.ts) plus the listing's own
// full-text match and sorts, with `?` parameters only.
// Full text ORs the 'simple', 'english' and 'spanish' parsings of `q` over the generated
// `search_vector`; an ILIKE on name and SKU catches partial model numbers ("407", "4070ti").
// Mode 'all' needs every word (websearch syntax: quotes, -exclusions, "or"); mode 'any', the
// fallback when 'all' finds nothing, takes products matching any word, best ranked first: a
// Spanish question ("tarjeta para juegos 4K") still finds the English-described cards.
import type { GpuListQuery } from '@gpu/shared';
import { catalogWhere } from './catalog-query.js';

export interface ListSql {
  /** `from ... where ...` shared by the page and the count query. */
  from: string;
  orderBy: string;
  /** `orderBy` as its keys (an expression and a direction each), for a query that sorts in two steps. */
  orderKeys: OrderKey[];
  params: unknown[];
  /** Parameters used by `orderBy` (after `from`'s). */
  orderParams: unknown[];
}

export interface OrderKey {
  expr: string;
  dir: 'asc' | 'desc';
}

const key = (expr: string, dir: 'asc' | 'desc' = 'asc'): OrderKey => ({ expr, dir });

const sortColumns: Record<string, OrderKey> = {
  price: key('price_cents'),
  '-price': key('price_cents', 'desc'),
  name: key('name'),
  '-name': key('name', 'desc'),
  vramGb: key('vram_gb'),
  '-vramGb': key('vram_gb', 'desc'),
  stock: key('stock'),
  '-stock': key('stock', 'desc'),
};

/** `%` `_` and `\` are LIKE wildcards/escape: match them literally. */
export const likePattern = (q: string): string => `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** The words of `q` joined with `|` for to_tsquery; letters and digits only, so never a syntax error. */
export function anyWordQuery(q: string): string {
  const words = q.match(/[\p{L}\p{N}]+/gu) ?? [];
  return [...new Set(words.map((w) => w.toLowerCase()))].slice(0, 16).join(' | ');
}

export type MatchMode = 'all' | 'any';

export function buildListSql(query: GpuListQuery, opts: { includeInactive: boolean; mode?: MatchMode }): ListSql {
  const where: string[] = [];
  const params: unknown[] = [];
  const orderParams: unknown[] = [];
  const q = query.q?.trim() || undefined;
  let from = 'gpus';

  if (q) {
    // One-row subquery: the tsquery is computed once and referenced by name.
    const fn = opts.mode === 'any' ? 'to_tsquery' : 'websearch_to_tsquery';
    const text = opts.mode === 'any' ? anyWordQuery(q) : q;
    from = `gpus, (select ${fn}('simple', ?) || ${fn}('english', ?) || ${fn}('spanish', ?) as tsq) as search`;
    params.push(text, text, text);
  }
  // The filters are the one catalog query's (catalog-query.ts): a bound means the same here as
  // in the assistant's search.
  const filters = catalogWhere({
    includeInactive: opts.includeInactive,
    brands: query.brand ? [query.brand] : [],
    minPrice: query.minPrice ?? null,
    maxPrice: query.maxPrice ?? null,
    minVramGb: query.minVram ?? null,
    inStockOnly: query.inStock === true,
  });
  where.push(filters.sql);
  params.push(...filters.params);
  if (q) {
    const pattern = likePattern(q);
    where.push(`(search_vector @@ search.tsq or name ilike ? escape '\\' or sku ilike ? escape '\\')`);
    params.push(pattern, pattern);
  }

  const sort = query.sort ?? (q ? 'relevance' : 'name');
  let orderKeys: OrderKey[];
  if (sort === 'relevance' && q) {
    // Name matches first (a model number typed by the shopper), then text rank.
    orderKeys = [
      key(`(name ilike ? escape '\\')`, 'desc'),
      key('ts_rank_cd(search_vector, search.tsq)', 'desc'),
      key('name'),
      key('id'),
    ];
    orderParams.push(likePattern(q));
  } else {
    orderKeys = [sortColumns[sort] ?? sortColumns.name!, key('id')];
  }
  const orderBy = orderKeys.map((k) => `${k.expr} ${k.dir}`).join(', ');
  return {
    from: `${from} where ${where.join(' and ')}`,
    orderBy,
    orderKeys,
    params,
    orderParams,
  };
}
