// What the assistant understood from a shopper's message: hard filters (budget, VRAM,
// brand), soft preferences (use cases), named models, and the shopper's hardware.
import type { Brand } from '@gpu/shared';

export type Language = 'es' | 'en';

export const useCases = [
  'gaming-4k',
  'gaming-1440p',
  'gaming-1080p',
  'gaming',
  'ml',
  'video-editing',
  'streaming',
] as const;
export type UseCase = (typeof useCases)[number];

/** A GPU model named in text ("RX 7800 XT", "4070 super"), with SQL regexes to find it. */
export interface NamedModel {
  /** Canonical form: "RTX 4070 SUPER", "RX 7800 XT", "Arc B580". */
  display: string;
  /** PostgreSQL ARE (case-insensitive) matching product names of this model. */
  pattern: string;
  /** Names matching this are a different model ("RTX 4070" must not match "RTX 4070 Ti"). */
  excludePattern: string | null;
}

export interface QueryConstraints {
  language: Language;
  /** US dollars; null when not given. */
  budgetMax: number | null;
  budgetMin: number | null;
  minVramGb: number | null;
  /** Brands asked for (empty: any) and brands ruled out. */
  brands: Brand[];
  excludeBrands: Brand[];
  useCases: UseCase[];
  models: NamedModel[];
  psuWatts: number | null;
  caseMaxLengthMm: number | null;
  inStockOnly: boolean;
}

export const emptyConstraints = (language: Language = 'en'): QueryConstraints => ({
  language,
  budgetMax: null,
  budgetMin: null,
  minVramGb: null,
  brands: [],
  excludeBrands: [],
  useCases: [],
  models: [],
  psuWatts: null,
  caseMaxLengthMm: null,
  inStockOnly: false,
});
