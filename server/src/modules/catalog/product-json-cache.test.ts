import { describe, expect, it } from 'vitest';
import { ProductJsonCache } from './product-json-cache.js';

describe('ProductJsonCache', () => {
  it('answers only for the row version and language the bytes were made from', () => {
    const cache = new ProductJsonCache();
    const json = Buffer.from('{"id":"a"}');
    cache.set('es', 'a', '100', json);
    expect(cache.get('es', 'a', '100')).toBe(json);
    expect(cache.get('es', 'a', '101')).toBeUndefined();
    expect(cache.get('en', 'a', '100')).toBeUndefined();
    expect(cache.get('es', 'b', '100')).toBeUndefined();
  });

  it('a newer version replaces the older one', () => {
    const cache = new ProductJsonCache();
    cache.set('es', 'a', '100', Buffer.from('old'));
    cache.set('es', 'a', '105', Buffer.from('new'));
    expect(cache.get('es', 'a', '100')).toBeUndefined();
    expect(cache.get('es', 'a', '105')?.toString()).toBe('new');
    expect(cache.size).toBe(1);
  });

  it('stays within its bound', () => {
    const cache = new ProductJsonCache(3);
    for (let i = 0; i < 10; i++) cache.set('es', `p${i}`, '1', Buffer.from(String(i)));
    expect(cache.size).toBeLessThanOrEqual(3);
    expect(cache.get('es', 'p9', '1')?.toString()).toBe('9');
  });
});
