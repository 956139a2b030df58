// What the assistant understood from a shopper's message: hard filters (budget, VRAM,
// brand, power, length), soft preferences (use cases), named models, and the shopper's
// hardware. A conversation keeps the constraints in force across turns (conversation/state.ts).
import type { Brand, Language, UseCase } from '@gpu/shared';
import type { NamedModel } from '../../catalog/gpu-models.js';

export type { NamedModel } from '../../catalog/gpu-models.js';
export { useCaseValues as useCases, type UseCase } from '@gpu/shared';

export type { Language } from '@gpu/shared';

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
  /** "que consuma menos": only cards drawing at most this (watts). */
  maxBoardPowerW: number | null;
  /** "más potente": only cards above this relative performance index. */
  minPerfIndex: number | null;
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
  maxBoardPowerW: null,
  minPerfIndex: null,
});
