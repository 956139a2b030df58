// Pure message lookup and interpolation, shared by the locale store and unit tests.
import { en, type MessageKey } from './en.js';
import { es } from './es.js';

export const locales = ['en', 'es'] as const;
export type Locale = (typeof locales)[number];
export const dictionaries: Record<Locale, Record<MessageKey, string>> = { en, es };
export type { MessageKey };

export type Params = Record<string, string | number>;

export function translate(locale: Locale, key: MessageKey, params?: Params): string {
  const template = dictionaries[locale][key] ?? en[key] ?? key;
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (m, name: string) => (name in params ? String(params[name]) : m));
}

/** Picks the first supported language from the browser's list; English otherwise. */
export function detectLocale(languages: readonly string[]): Locale {
  for (const lang of languages) {
    const base = lang.toLowerCase().split('-')[0];
    if (base === 'es' || base === 'en') return base;
  }
  return 'en';
}

export function isLocale(v: unknown): v is Locale {
  return v === 'en' || v === 'es';
}
