// The assistant's tools (CONTRACT.md "Conversation"): names and argument schemas, shared by
// both planners. The LLM receives these schemas as JSON Schema; every call it makes is
// validated here before it runs, and the offline planner builds calls of the same shape.
import { z } from 'zod';
import { uuid } from './common.js';
import { brandSchema } from './gpu.js';

/** What a card is for; `useCase` in search_products. */
export const useCaseValues = [
  'gaming-4k',
  'gaming-1440p',
  'gaming-1080p',
  'gaming',
  'ml',
  'video-editing',
  'streaming',
  /** A soft wish for a card that draws little power ("bajo consumo", "low power"); a figure is maxBoardPowerW. */
  'low-power',
] as const;
export const useCaseSchema = z.enum(useCaseValues);
export type UseCase = z.infer<typeof useCaseSchema>;

/** `-performance` orders by the relative performance index; `-value` by performance per dollar; `power` by board power, lowest first. */
export const searchSortValues = ['relevance', 'price', '-price', '-vramGb', '-performance', '-value', 'power'] as const;
export type SearchSort = (typeof searchSortValues)[number];

// Models often send `null` for an argument they mean to leave out: treat it as absent.
const opt = <T extends z.ZodType>(schema: T) => z.preprocess((v) => (v === null ? undefined : v), schema.optional());
const dollars = z.coerce.number().finite().min(0).max(1_000_000);

export const searchProductsArgsSchema = z.object({
  query: opt(z.string().trim().max(200)).describe('Free-text need, e.g. "4K gaming" or "quiet card for a small case"'),
  maxPrice: opt(dollars).describe('Highest price in US dollars'),
  minPrice: opt(dollars).describe('Lowest price in US dollars'),
  minVramGb: opt(z.coerce.number().int().min(1).max(256)),
  brands: opt(z.array(brandSchema).max(3)).describe('Only these GPU brands'),
  excludeBrands: opt(z.array(brandSchema).max(3)).describe('Never these GPU brands'),
  useCase: opt(useCaseSchema),
  inStockOnly: opt(z.boolean()),
  sort: opt(z.enum(searchSortValues)).describe(
    'relevance (default), price (cheapest first), -price, -vramGb (most VRAM first), -performance (most powerful first), -value (best performance per dollar first), power (lowest power draw first)',
  ),
  limit: opt(z.coerce.number().int().min(1).max(10)),
  // Additions to the contract's arguments: the shopper's hardware and relative refinements.
  minPerfIndex: opt(z.coerce.number().min(0).max(1000)).describe(
    'Only cards faster than this relative performance index (RTX 4090 = 100)',
  ),
  maxBoardPowerW: opt(z.coerce.number().int().min(1).max(2000)).describe('Only cards drawing at most this many watts'),
  maxLengthMm: opt(z.coerce.number().min(50).max(600)).describe('Only cards at most this long (case clearance)'),
  psuWatts: opt(z.coerce.number().int().min(100).max(3000)).describe("The shopper's power supply, in watts"),
});
export type SearchProductsArgs = z.infer<typeof searchProductsArgsSchema>;

export const getProductsArgsSchema = z.object({ ids: z.array(uuid).min(1).max(10) });
export const compareProductsArgsSchema = z.object({ ids: z.array(uuid).min(2).max(4) });
export const checkCompatibilityArgsSchema = z.object({
  id: uuid,
  psuWatts: opt(z.coerce.number().int().min(100).max(3000)),
  caseMaxLengthMm: opt(z.coerce.number().min(50).max(600)),
});
export const addToCartArgsSchema = z.object({ id: uuid, quantity: opt(z.coerce.number().int().min(1).max(100)) });
export const removeFromCartArgsSchema = z.object({ id: uuid });
/** An addition to the contract's tools: sets a cart line's quantity (0 removes it). */
export const setCartQuantityArgsSchema = z.object({ id: uuid, quantity: z.coerce.number().int().min(0).max(100) });
export const viewCartArgsSchema = z.object({});

export const toolArgsSchemas = {
  search_products: searchProductsArgsSchema,
  get_products: getProductsArgsSchema,
  compare_products: compareProductsArgsSchema,
  check_compatibility: checkCompatibilityArgsSchema,
  add_to_cart: addToCartArgsSchema,
  set_cart_quantity: setCartQuantityArgsSchema,
  remove_from_cart: removeFromCartArgsSchema,
  view_cart: viewCartArgsSchema,
} as const;
export type ToolName = keyof typeof toolArgsSchemas;
export const toolNames = Object.keys(toolArgsSchemas) as ToolName[];
export type ToolArgs<N extends ToolName> = z.infer<(typeof toolArgsSchemas)[N]>;
export const isToolName = (name: string): name is ToolName => Object.hasOwn(toolArgsSchemas, name);
