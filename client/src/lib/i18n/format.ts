// Locale-aware formatting. Prices are US dollars; the locale decides separators and symbol
// placement ("$1,299.99" in English, "1299,99 US$" in Spanish).
import type { Locale } from './translate.js';

const intlLocale: Record<Locale, string> = { en: 'en-US', es: 'es-ES' };
const priceFormats = new Map<Locale, Intl.NumberFormat>();

export function formatPrice(amount: number, locale: Locale): string {
  let f = priceFormats.get(locale);
  if (!f) {
    f = new Intl.NumberFormat(intlLocale[locale], { style: 'currency', currency: 'USD' });
    priceFormats.set(locale, f);
  }
  return f.format(amount);
}

export function formatNumber(n: number, locale: Locale): string {
  return new Intl.NumberFormat(intlLocale[locale]).format(n);
}

export function formatDateTime(iso: string, locale: Locale): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return new Intl.DateTimeFormat(intlLocale[locale], { dateStyle: 'medium', timeStyle: 'short' }).format(d);
}

export function formatDay(iso: string, locale: Locale): string {
  const d = new Date(iso.length === 10 ? `${iso}T00:00:00Z` : iso);
  if (Number.isNaN(d.getTime())) return iso;
  return new Intl.DateTimeFormat(intlLocale[locale], { dateStyle: 'medium', timeZone: 'UTC' }).format(d);
}
