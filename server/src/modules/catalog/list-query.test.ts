import { describe, expect, it } from 'vitest';
import { gpuListQuerySchema } from '@gpu/shared';
import { anyWordQuery, buildListSql, likePattern } from './list-query.js';

const q = (raw: Record<string, string>) => gpuListQuerySchema.parse(raw);

describe('buildListSql', () => {
  it('only active products unless asked, and no user text in the SQL', () => {
    const sql = buildListSql(q({ brand: 'AMD', q: "x' or 1=1 --" }), { includeInactive: false });
    expect(sql.from).toContain('is_active');
    expect(sql.from).not.toContain('1=1');
    expect(sql.params).toContain("x' or 1=1 --");
    expect(buildListSql(q({}), { includeInactive: true }).from).not.toContain('is_active');
  });

  it('converts dollar bounds to cents without float error', () => {
    const sql = buildListSql(q({ minPrice: '19.99', maxPrice: '19.99' }), { includeInactive: false });
    expect(sql.params).toEqual([1999, 1999]);
    const frac = buildListSql(q({ minPrice: '10.001', maxPrice: '10.009' }), { includeInactive: false });
    // catalogWhere puts the upper bound first: 10.009 floors to 1000, 10.001 ceils to 1001.
    expect(frac.from).toMatch(/price_cents <= \? and price_cents >= \?/);
    expect(frac.params).toEqual([1000, 1001]);
  });

  it('sorts by relevance with q, by name without, always with a unique tiebreaker', () => {
    expect(buildListSql(q({ q: '4070' }), { includeInactive: false }).orderBy).toMatch(/ts_rank_cd/);
    expect(buildListSql(q({}), { includeInactive: false }).orderBy).toBe('name asc, id asc');
    expect(buildListSql(q({ sort: '-price' }), { includeInactive: false }).orderBy).toBe('price_cents desc, id asc');
    expect(buildListSql(q({ sort: 'relevance' }), { includeInactive: false }).orderBy).toBe('name asc, id asc');
  });

  it("uses websearch syntax for 'all' and an OR of plain words for 'any'", () => {
    expect(buildListSql(q({ q: 'rtx 4070' }), { includeInactive: false }).from).toContain('websearch_to_tsquery');
    const any = buildListSql(q({ q: 'tarjeta para juegos' }), { includeInactive: false, mode: 'any' });
    expect(any.from).toContain("to_tsquery('spanish'");
    expect(any.params.slice(0, 3)).toEqual(Array(3).fill('tarjeta | para | juegos'));
  });
});

describe('query text helpers', () => {
  it('escapes LIKE wildcards', () => {
    expect(likePattern('50%_off\\')).toBe('%50\\%\\_off\\\\%');
  });
  it('keeps only letters and digits for to_tsquery', () => {
    expect(anyWordQuery("RTX & 4070 | !(x) 'y' gráfica gráfica")).toBe('rtx | 4070 | x | y | gráfica');
    expect(anyWordQuery("'; -- %")).toBe('');
  });
});
