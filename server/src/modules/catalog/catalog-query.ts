// The one catalog query: which active products pass the shopper's hard filters, and in what
// order. The assistant's search (sorted lists and the hybrid vector + full-text candidates)
// builds its SQL here, so a filter means the same thing wherever it is applied. `?`
// parameters only; dollars become cents once, here.
import type { Brand, SearchSort } from '@gpu/shared';
import { REST_OF_SYSTEM_W } from './compatibility.js';

export interface CatalogFilters {
  /** Dollars; a bound on the price the shopper sees. */
  maxPrice?: number | null;
  minPrice?: number | null;
  /** Strictly above this price (the over-budget fallback). */
  abovePrice?: number | null;
  minVramGb?: number | null;
  brands?: Brand[];
  excludeBrands?: Brand[];
  inStockOnly?: boolean;
  /** Cards drawing at most this many watts. */
  maxBoardPowerW?: number | null;
  /** Cards strictly faster than this relative performance index. */
  minPerfIndex?: number | null;
  /** The shopper's case clearance: cards that fit it. */
  maxLengthMm?: number | null;
  /** The shopper's power supply: cards it can run (see compatibility.ts). */
  psuWatts?: number | null;
  /** Only these products. */
  ids?: string[];
  /** Only products of these GPU models (gpu-models.ts patterns, any of them). */
  models?: { pattern: string; excludePattern: string | null }[];
  includeInactive?: boolean;
}

// Float-safe dollar bounds: 19.99 * 100 is 1998.9999999999998.
export const minCents = (dollars: number): number => Math.ceil(dollars * 100 - 1e-6);
export const maxCents = (dollars: number): number => Math.floor(dollars * 100 + 1e-6);

const spec = (key: string) => `(specs->>'${key}')::numeric`;
/** Performance per dollar; products without a performance figure sort last. */
export const VALUE_SQL = `${spec('perfIndex')} / nullif(price_cents, 0)`;

/** The `where` clause (without the keyword) and its parameters. */
export function catalogWhere(f: CatalogFilters): { sql: string; params: unknown[] } {
  const parts: string[] = [];
  const params: unknown[] = [];
  const add = (sql: string, ...values: unknown[]) => {
    parts.push(sql);
    params.push(...values);
  };
  if (!f.includeInactive) parts.push('is_active');
  if (f.maxPrice != null) add('price_cents <= ?', maxCents(f.maxPrice));
  if (f.minPrice != null) add('price_cents >= ?', minCents(f.minPrice));
  if (f.abovePrice != null) add('price_cents > ?', maxCents(f.abovePrice));
  if (f.minVramGb != null) add('vram_gb >= ?', f.minVramGb);
  if (f.brands?.length) add(`brand in (${f.brands.map(() => '?').join(', ')})`, ...f.brands);
  if (f.excludeBrands?.length) add(`brand not in (${f.excludeBrands.map(() => '?').join(', ')})`, ...f.excludeBrands);
  if (f.inStockOnly) parts.push('stock > 0');
  if (f.maxBoardPowerW != null) add(`${spec('boardPowerW')} <= ?`, f.maxBoardPowerW);
  if (f.minPerfIndex != null) add(`${spec('perfIndex')} > ?`, f.minPerfIndex);
  // A card fits when it is no longer than the clearance (tight under LENGTH_MARGIN_MM, still fits).
  if (f.maxLengthMm != null) add(`${spec('lengthMm')} <= ?`, f.maxLengthMm);
  // Cards the shopper's power supply runs comfortably: the maker's recommended PSU, or the
  // card plus the rest of the system where no recommendation is published (compatibility.ts).
  if (f.psuWatts != null)
    add(`coalesce(${spec('recommendedPsuW')}, ${spec('boardPowerW')} + ${REST_OF_SYSTEM_W}) <= ?`, f.psuWatts);
  if (f.models?.length) {
    const one = '(name ~* ? and (?::text is null or name !~* ?))';
    add(
      `(${f.models.map(() => one).join(' or ')})`,
      ...f.models.flatMap((m) => [m.pattern, m.excludePattern, m.excludePattern ?? '']),
    );
  }
  if (f.ids) {
    if (f.ids.length === 0) parts.push('false');
    else add(`id in (${f.ids.map(() => '?').join(', ')})`, ...f.ids);
  }
  return { sql: parts.length ? parts.join(' and ') : 'true', params };
}

/** True when the filters may exclude many rows (a filtered HNSW scan must then iterate). */
export const isSelective = (f: CatalogFilters): boolean =>
  f.maxPrice != null ||
  f.minPrice != null ||
  f.abovePrice != null ||
  f.minVramGb != null ||
  Boolean(f.brands?.length) ||
  Boolean(f.excludeBrands?.length) ||
  Boolean(f.inStockOnly) ||
  f.maxBoardPowerW != null ||
  f.minPerfIndex != null ||
  f.maxLengthMm != null ||
  f.psuWatts != null;

/**
 * ORDER BY for a sorted search. Ties go to the faster card, then the cheaper one, so the
 * first card of "most VRAM" is the best of the largest, and the order is stable.
 */
export function catalogOrder(sort: Exclude<SearchSort, 'relevance'>): string {
  const perf = `${spec('perfIndex')} desc nulls last`;
  switch (sort) {
    case 'price':
      return `price_cents asc, ${perf}, id`;
    case '-price':
      return `price_cents desc, ${perf}, id`;
    case '-vramGb':
      return `vram_gb desc, ${perf}, price_cents asc, id`;
    case '-performance':
      return `${perf}, price_cents asc, id`;
    case '-value':
      return `${VALUE_SQL} desc nulls last, price_cents asc, id`;
    case 'power':
      return `${spec('boardPowerW')} asc nulls last, ${perf}, price_cents asc, id`;
  }
}
