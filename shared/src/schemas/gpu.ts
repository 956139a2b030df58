import { z } from 'zod';
import { money, uuid } from './common.js';

export const brands = ['NVIDIA', 'AMD', 'Intel'] as const;
export const brandSchema = z.enum(brands);
export type Brand = z.infer<typeof brandSchema>;

/** Free-form technical specs; well-known keys are typed, others pass through. */
export const gpuSpecsSchema = z
  .object({
    architecture: z.string().max(80).optional(),
    chip: z.string().max(40).optional(),
    series: z.string().max(80).optional(),
    boardPartner: z.string().max(80).optional(),
    memoryType: z.string().max(40).optional(),
    memoryBusBits: z.number().int().positive().optional(),
    boardPowerW: z.number().int().positive().optional(),
    recommendedPsuW: z.number().int().positive().optional(),
    lengthMm: z.number().positive().optional(),
    slots: z.number().positive().optional(),
    powerConnectors: z.string().max(80).optional(),
    pcieGen: z.string().max(40).optional(),
    boostClockMhz: z.number().int().positive().optional(),
    shaderUnits: z.number().int().positive().optional(),
    shaderUnitName: z.string().max(40).optional(),
    outputs: z.string().max(120).optional(),
    releaseYear: z.number().int().min(1990).max(2100).optional(),
    /**
     * Relative gaming performance of the chip, GeForce RTX 4090 = 100 (TechPowerUp GPU Database
     * "relative performance"; see docs/catalog-data.md). Board-partner variants share the chip's
     * figure. Absent when no such figure is published for the card.
     */
    perfIndex: z.number().positive().max(1000).optional(),
    /**
     * Peak AI throughput in TOPS (or tensor TFLOPS) as the GPU vendor publishes it: NVIDIA "AI TOPS",
     * AMD and Intel equivalents. The precision and sparsity behind the figure are in `aiTopsPrecision`;
     * figures on different bases are not directly comparable (docs/catalog-data.md). Absent when the
     * vendor publishes none for the card.
     */
    aiTops: z.number().positive().max(100_000).optional(),
    /** The basis of `aiTops`, e.g. "FP4, sparse", "FP8, sparse", "INT8, dense". */
    aiTopsPrecision: z.string().max(40).optional(),
  })
  .catchall(z.union([z.string().max(200), z.number(), z.boolean()]));
export type GpuSpecs = z.infer<typeof gpuSpecsSchema>;

/** Languages of product text. `es` is the store's default. */
export const languages = ['es', 'en'] as const;
export const languageSchema = z.enum(languages);
export type Language = z.infer<typeof languageSchema>;
export const defaultLanguage: Language = 'es';

const descriptionText = z.string().trim().max(4000);
/** A product's description in each language ('' when not written yet). */
export const gpuDescriptionsSchema = z.object({ es: z.string(), en: z.string() });
export type GpuDescriptions = z.infer<typeof gpuDescriptionsSchema>;

/** The description in `lang`, or in the other language when that one is empty. */
export function descriptionIn(d: GpuDescriptions, lang: Language): string {
  return d[lang] || d[lang === 'es' ? 'en' : 'es'];
}

export const gpuSchema = z.object({
  id: uuid,
  sku: z.string(),
  name: z.string(),
  brand: brandSchema,
  vramGb: z.number().int(),
  price: z.number(),
  stock: z.number().int(),
  /** The description in the requested language (`?lang`, else `Accept-Language`, else `es`). */
  description: z.string(),
  descriptions: gpuDescriptionsSchema,
  imageUrl: z.string().nullable(),
  thumbnailUrl: z.string().nullable(),
  isActive: z.boolean(),
  specs: gpuSpecsSchema,
});
export type Gpu = z.infer<typeof gpuSchema>;

/** Admin create: strict, unknown fields rejected. */
export const gpuCreateSchema = z
  .object({
    sku: z
      .string()
      .trim()
      .min(2)
      .max(64)
      .regex(/^[A-Za-z0-9._-]+$/, 'letters, digits, dot, dash, underscore'),
    name: z.string().trim().min(2).max(160),
    brand: brandSchema,
    vramGb: z.number().int().min(1).max(256),
    price: money
      .refine((v) => v > 0, { message: 'must be greater than 0' })
      .refine((v) => v < 1_000_000, {
        message: 'must be less than 1000000',
      }),
    stock: z.number().int().min(0).max(1_000_000),
    /** Sets the description in the request's language (`?lang`, else `Accept-Language`, else `es`). */
    description: descriptionText.optional(),
    /** Both languages or one; `descriptions` wins over `description` for the language it names. */
    descriptions: z.object({ es: descriptionText, en: descriptionText }).partial().strict().optional(),
    isActive: z.boolean().default(true),
    specs: gpuSpecsSchema.default({}),
  })
  .strict();
export type GpuCreate = z.infer<typeof gpuCreateSchema>;

/**
 * PUT and PATCH: partial update, only the sent fields change. The create defaults are removed
 * first: inside `.partial()` a `.default()` would still fire and reset unsent fields.
 */
export const gpuUpdateSchema = gpuCreateSchema
  .extend({
    isActive: z.boolean(),
    specs: gpuSpecsSchema,
  })
  .partial()
  .strict()
  .refine((v) => Object.keys(v).length > 0, { message: 'at least one field is required' });
export type GpuUpdate = z.infer<typeof gpuUpdateSchema>;

export const gpuSortValues = [
  'price',
  '-price',
  'name',
  '-name',
  'vramGb',
  '-vramGb',
  'stock',
  '-stock',
  'relevance',
] as const;

const numberParam = z.coerce.number().finite();
export const gpuListQuerySchema = z
  .object({
    brand: brandSchema.optional(),
    minPrice: numberParam.min(0).optional(),
    maxPrice: numberParam.min(0).optional(),
    minVram: numberParam.int().min(0).optional(),
    q: z.string().trim().max(200).optional(),
    lang: languageSchema.optional(),
    sort: z.enum(gpuSortValues).optional(),
    page: z.coerce.number().int().min(1).max(100_000).default(1),
    pageSize: z.coerce.number().int().min(1).max(100).default(20),
    inStock: z
      .enum(['true', 'false'])
      .transform((v) => v === 'true')
      .optional(),
    includeInactive: z
      .enum(['true', 'false'])
      .transform((v) => v === 'true')
      .optional(),
  })
  .strict()
  .refine((v) => v.minPrice === undefined || v.maxPrice === undefined || v.minPrice <= v.maxPrice, {
    message: 'minPrice must not exceed maxPrice',
    path: ['minPrice'],
  });
export type GpuListQuery = z.infer<typeof gpuListQuerySchema>;

/** GET /api/gpus/:id query: the language of `description`. */
export const gpuReadQuerySchema = z.object({ lang: languageSchema.optional() });

export const gpuListSchema = z.object({
  items: z.array(gpuSchema),
  page: z.number().int(),
  pageSize: z.number().int(),
  total: z.number().int(),
});
export type GpuList = z.infer<typeof gpuListSchema>;

/**
 * One product of the seed catalog (server/src/db/seed/catalog/*.json): the admin create shape,
 * with both descriptions required and written out.
 */
export const gpuSeedEntrySchema = gpuCreateSchema
  .omit({ description: true, descriptions: true, isActive: true })
  .extend({
    descriptions: z.object({ es: descriptionText.min(20), en: descriptionText.min(20) }).strict(),
    specs: gpuSpecsSchema,
  })
  .strict();
export type GpuSeedEntry = z.infer<typeof gpuSeedEntrySchema>;

/** A seed catalog file: one product family. */
export const gpuSeedFileSchema = z
  .object({
    family: z.string().min(2).max(80),
    /** Where the figures of this family come from, by spec key (docs/catalog-data.md). */
    sources: z.record(z.string(), z.string().max(400)).optional(),
    products: z.array(gpuSeedEntrySchema).min(1),
  })
  .strict();
export type GpuSeedFile = z.infer<typeof gpuSeedFileSchema>;
