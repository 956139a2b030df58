import { describe, expect, it } from 'vitest';
import { apiQuery, filtersFromUrl, filtersToParams, PAGE_SIZE } from './query.js';

describe('catalog query', () => {
  it('round-trips filters through the URL', () => {
    const params = new URLSearchParams('q=4070&brand=NVIDIA&minPrice=300&maxPrice=900&minVram=12&sort=-price&page=3');
    const f = filtersFromUrl(params);
    expect(f).toEqual({
      q: '4070',
      brand: 'NVIDIA',
      minPrice: '300',
      maxPrice: '900',
      minVram: '12',
      sort: '-price',
      page: 3,
    });
    expect(filtersToParams(f).toString()).toBe(params.toString());
  });
  it('builds the API query with paging and without empty values', () => {
    const f = filtersFromUrl(new URLSearchParams('brand=AMD&page=2'));
    expect(apiQuery(f)).toEqual({ brand: 'AMD', page: 2, pageSize: PAGE_SIZE });
  });
  it('falls back to page 1 for junk page numbers', () => {
    expect(filtersFromUrl(new URLSearchParams('page=-4')).page).toBe(1);
    expect(filtersFromUrl(new URLSearchParams('page=abc')).page).toBe(1);
  });
});
