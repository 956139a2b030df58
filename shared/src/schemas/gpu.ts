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
  })
  .catchall(z.union([z.string().max(200), z.number(), z.boolean()]));
export type GpuSpecs = z.infer<typeof gpuSpecsSchema>;

export const gpuSchema = z.object({
  id: uuid,
  sku: z.string(),
  name: z.string(),
  brand: brandSchema,
  vramGb: z.number().int(),
  price: z.number(),
  stock: z.number().int(),
  description: z.string(),
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
    description: z.string().trim().max(4000).default(''),
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
    description: z.string().trim().max(4000),
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

export const gpuListSchema = z.object({
  items: z.array(gpuSchema),
  page: z.number().int(),
  pageSize: z.number().int(),
  total: z.number().int(),
});
export type GpuList = z.infer<typeof gpuListSchema>;
