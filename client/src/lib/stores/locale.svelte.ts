// The UI language: from localStorage when the user chose one, else the browser's
// languages. t() and price() read it, so text re-renders when it changes.
import { readStored, storageKeys, writeStored } from '../storage.js';
import { detectLocale, isLocale, translate, type Locale, type MessageKey, type Params } from '../i18n/translate.js';
import { formatDateTime, formatPrice } from '../i18n/format.js';

class LocaleState {
  current = $state<Locale>('en');
}
export const locale = new LocaleState();

export function initLocale(): void {
  const saved = readStored(storageKeys.locale);
  locale.current = isLocale(saved) ? saved : detectLocale(navigator.languages ?? [navigator.language]);
  document.documentElement.lang = locale.current;
}

export function setLocale(next: Locale): void {
  locale.current = next;
  writeStored(storageKeys.locale, next);
  document.documentElement.lang = next;
}

export function t(key: MessageKey, params?: Params): string {
  return translate(locale.current, key, params);
}

export function price(amount: number): string {
  return formatPrice(amount, locale.current);
}

export function dateTime(iso: string): string {
  return formatDateTime(iso, locale.current);
}
