// Catalog filters <-> URL search params <-> GET /api/gpus query, in one place.
export interface CatalogFilters {
  q: string;
  brand: string;
  minPrice: string;
  maxPrice: string;
  minVram: string;
  sort: string;
  page: number;
}

export const PAGE_SIZE = 12;
export const vramChoices = [4, 6, 8, 10, 12, 16, 20, 24, 32, 48];
export const sortChoices = ['relevance', 'price', '-price', 'name', '-vramGb'] as const;

export function filtersFromUrl(params: URLSearchParams): CatalogFilters {
  const page = Number(params.get('page'));
  return {
    q: params.get('q') ?? '',
    brand: params.get('brand') ?? '',
    minPrice: params.get('minPrice') ?? '',
    maxPrice: params.get('maxPrice') ?? '',
    minVram: params.get('minVram') ?? '',
    sort: params.get('sort') ?? '',
    page: Number.isInteger(page) && page > 0 ? page : 1,
  };
}

export function filtersToParams(f: CatalogFilters): URLSearchParams {
  const p = new URLSearchParams();
  if (f.q.trim()) p.set('q', f.q.trim());
  if (f.brand) p.set('brand', f.brand);
  if (f.minPrice !== '') p.set('minPrice', f.minPrice);
  if (f.maxPrice !== '') p.set('maxPrice', f.maxPrice);
  if (f.minVram) p.set('minVram', f.minVram);
  if (f.sort && f.sort !== 'relevance') p.set('sort', f.sort);
  if (f.page > 1) p.set('page', String(f.page));
  return p;
}

/** The API query: relevance sort only makes sense with a search text. */
export function apiQuery(f: CatalogFilters): Record<string, string | number> {
  const q: Record<string, string | number> = { page: f.page, pageSize: PAGE_SIZE };
  for (const [k, v] of filtersToParams({ ...f, page: 1 })) q[k] = v;
  if (q['sort'] === 'relevance' && !f.q.trim()) delete q['sort'];
  return q;
}
