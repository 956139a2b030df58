// A conversation's state: what is in force between turns. The constraints the shopper set
// (budget, VRAM, brands in and out, use, power, case length, stock), the last search text
// and sort, the products last shown (in order: "la primera" is shown[0]) and the product in
// focus ("esa", "it"). Persisted with the conversation (conversations.state), read and written
// once per turn, so any instance continues a conversation after a reconnect or a restart.
import { brandSchema, searchSortValues, useCaseSchema } from '@gpu/shared';
import { z } from 'zod';
import { emptyConstraints, type Language, type QueryConstraints } from '../query/constraints.js';

const num = z.number().finite().nullable().default(null);

export const turnKinds = [
  'search',
  'compare',
  'question',
  'cart',
  'checkout',
  'clarify',
  'smalltalk',
  'out-of-scope',
] as const;
export type TurnKind = (typeof turnKinds)[number];

export const conversationStateSchema = z.object({
  v: z.literal(1).default(1),
  language: z.enum(['es', 'en']).default('es'),
  constraints: z
    .object({
      budgetMax: num,
      budgetMin: num,
      minVramGb: num,
      brands: z.array(brandSchema).default([]),
      excludeBrands: z.array(brandSchema).default([]),
      useCases: z.array(useCaseSchema).default([]),
      psuWatts: num,
      caseMaxLengthMm: num,
      inStockOnly: z.boolean().default(false),
      maxBoardPowerW: num,
      minPerfIndex: num,
    })
    .default({
      budgetMax: null,
      budgetMin: null,
      minVramGb: null,
      brands: [],
      excludeBrands: [],
      useCases: [],
      psuWatts: null,
      caseMaxLengthMm: null,
      inStockOnly: false,
      maxBoardPowerW: null,
      minPerfIndex: null,
    }),
  /** The search text of the request being refined ("GPU para 4K gaming"). */
  query: z.string().max(300).nullable().default(null),
  sort: z.enum(searchSortValues).nullable().default(null),
  /** Product ids last shown, in order. */
  shown: z.array(z.string().uuid()).max(20).default([]),
  focus: z.string().uuid().nullable().default(null),
  lastKind: z.enum(turnKinds).nullable().default(null),
  /** The cart change the last turn made ("y la primera también" repeats it). */
  lastAction: z.enum(['add', 'set', 'remove']).nullable().default(null),
  turns: z.number().int().min(0).default(0),
});
export type ConversationState = z.infer<typeof conversationStateSchema>;
export type StateConstraints = ConversationState['constraints'];

export const emptyState = (language: Language = 'es'): ConversationState => conversationStateSchema.parse({ language });

/** A stored state, or a fresh one when it is missing or from an incompatible version. */
export function readState(raw: unknown, language: Language = 'es'): ConversationState {
  const parsed = conversationStateSchema.safeParse(raw ?? {});
  return parsed.success ? parsed.data : emptyState(language);
}

/** The constraints in force as the query parser's shape (named models never carry over). */
export function toQueryConstraints(s: StateConstraints, language: Language): QueryConstraints {
  return { ...emptyConstraints(language), ...s, brands: [...s.brands], useCases: [...s.useCases], models: [] };
}

export function fromQueryConstraints(c: QueryConstraints): StateConstraints {
  return {
    budgetMax: c.budgetMax,
    budgetMin: c.budgetMin,
    minVramGb: c.minVramGb,
    brands: [...c.brands],
    excludeBrands: [...c.excludeBrands],
    useCases: [...c.useCases],
    psuWatts: c.psuWatts,
    caseMaxLengthMm: c.caseMaxLengthMm,
    inStockOnly: c.inStockOnly,
    maxBoardPowerW: c.maxBoardPowerW,
    minPerfIndex: c.minPerfIndex,
  };
}

export const hasConstraints = (s: StateConstraints): boolean =>
  s.budgetMax !== null ||
  s.budgetMin !== null ||
  s.minVramGb !== null ||
  s.brands.length > 0 ||
  s.excludeBrands.length > 0 ||
  s.useCases.length > 0 ||
  s.psuWatts !== null ||
  s.caseMaxLengthMm !== null ||
  s.inStockOnly ||
  s.maxBoardPowerW !== null ||
  s.minPerfIndex !== null;
