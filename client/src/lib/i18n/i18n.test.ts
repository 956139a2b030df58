import { describe, expect, it } from 'vitest';
import { en } from './en.js';
import { es } from './es.js';
import { detectLocale, translate } from './translate.js';
import { formatPrice } from './format.js';

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('dictionaries', () => {
  it('Spanish and English have exactly the same keys', () => {
    expect(Object.keys(es).sort()).toEqual(Object.keys(en).sort());
  });
  it('no message is empty and placeholders match across languages', () => {
    for (const key of Object.keys(en) as (keyof typeof en)[]) {
      expect(en[key].trim(), key).not.toBe('');
      expect(es[key].trim(), key).not.toBe('');
      expect(placeholders(es[key]), key).toEqual(placeholders(en[key]));
    }
  });
});

describe('translate', () => {
  it('fills placeholders', () => {
    expect(translate('en', 'stock.low', { n: 2 })).toBe('Only 2 left');
    expect(translate('es', 'stock.low', { n: 2 })).toBe('Solo quedan 2');
  });
  it('leaves unknown placeholders visible', () => {
    expect(translate('en', 'stock.low', {})).toBe('Only {n} left');
  });
});

describe('detectLocale', () => {
  it('follows the browser languages, English by default', () => {
    expect(detectLocale(['es-MX', 'en-US'])).toBe('es');
    expect(detectLocale(['fr-FR', 'es'])).toBe('es');
    expect(detectLocale(['en-GB'])).toBe('en');
    expect(detectLocale(['de-DE'])).toBe('en');
    expect(detectLocale([])).toBe('en');
  });
});

describe('formatPrice', () => {
  // Intl output uses narrow no-break spaces in some locales: compare with them normalized.
  const norm = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');
  it('formats US dollars for English', () => {
    expect(formatPrice(999.99, 'en')).toBe('$999.99');
    expect(formatPrice(1299, 'en')).toBe('$1,299.00');
  });
  it('formats US dollars for Spanish', () => {
    expect(norm(formatPrice(999.99, 'es'))).toBe('999,99 US$');
    expect(norm(formatPrice(12999.5, 'es'))).toBe('12.999,50 US$');
  });
});
