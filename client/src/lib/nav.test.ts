import { describe, expect, it } from 'vitest';
import { safeNext } from './nav.js';

describe('safeNext', () => {
  const next = (v: string) => safeNext(new URLSearchParams({ next: v }));
  it('keeps paths on this site', () => {
    expect(next('/checkout')).toBe('/checkout');
    expect(next('/catalog?brand=AMD')).toBe('/catalog?brand=AMD');
  });
  it('refuses other sites (open redirect)', () => {
    expect(next('https://evil.example')).toBe('/');
    expect(next('//evil.example')).toBe('/');
    expect(next('/\\evil.example')).toBe('/');
    expect(next('javascript:alert(1)')).toBe('/');
    expect(safeNext(new URLSearchParams())).toBe('/');
  });
});
