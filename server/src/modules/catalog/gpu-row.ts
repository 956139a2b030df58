// A product's API shape (`Gpu`) from its entity (db/entities/gpu.ts) or from a `gpus` row as
// raw SQL returns it (the list and retrieval queries): image keys -> public URLs through the
// object store, `description` in the requested language. Other modules that read products
// reuse this.
import { defaultLanguage, descriptionIn, type Brand, type Gpu, type GpuSpecs, type Language } from '@gpu/shared';
import type { GpuRecord } from '../../db/entities/index.js';
import { centsToDollars } from '../../db/types/money.js';

export const gpuColumns =
  'id, sku, name, brand, vram_gb, price_cents, stock, description_es, description_en, image_key, thumbnail_key, is_active, specs';

export interface GpuRow {
  id: string;
  sku: string;
  name: string;
  brand: Brand;
  vram_gb: number;
  /** bigint: the driver returns a string. */
  price_cents: string | number;
  stock: number;
  description_es: string;
  description_en: string;
  image_key: string | null;
  thumbnail_key: string | null;
  is_active: boolean;
  specs: GpuSpecs;
}

export type AssetUrl = (key: string) => string;

/** The entity fields a `Gpu` is made of (`fields` for a partial load). */
export const GPU_FIELDS = [
  'id',
  'sku',
  'name',
  'brand',
  'vramGb',
  'price',
  'stock',
  'descriptionEs',
  'descriptionEn',
  'imageKey',
  'thumbnailKey',
  'isActive',
  'specs',
] as const satisfies readonly (keyof GpuRecord)[];
export type GpuFields = Pick<GpuRecord, (typeof GPU_FIELDS)[number]>;

export function gpuFromRecord(p: GpuFields, assetUrl: AssetUrl, lang: Language = defaultLanguage): Gpu {
  const descriptions = { es: p.descriptionEs ?? '', en: p.descriptionEn ?? '' };
  return {
    id: p.id,
    sku: p.sku,
    name: p.name,
    brand: p.brand,
    vramGb: p.vramGb,
    price: p.price,
    stock: p.stock,
    description: descriptionIn(descriptions, lang),
    descriptions,
    imageUrl: p.imageKey ? assetUrl(p.imageKey) : null,
    thumbnailUrl: p.thumbnailKey ? assetUrl(p.thumbnailKey) : null,
    isActive: p.isActive,
    specs: p.specs ?? {},
  };
}

/** A raw row's fields under their entity names; the row's bigint cents become dollars here. */
export const fieldsFromRow = (row: GpuRow): GpuFields => ({
  id: row.id,
  sku: row.sku,
  name: row.name,
  brand: row.brand,
  vramGb: Number(row.vram_gb),
  price: centsToDollars(row.price_cents),
  stock: Number(row.stock),
  descriptionEs: row.description_es,
  descriptionEn: row.description_en,
  imageKey: row.image_key,
  thumbnailKey: row.thumbnail_key,
  isActive: row.is_active,
  specs: row.specs,
});

export const toGpu = (row: GpuRow, assetUrl: AssetUrl, lang: Language = defaultLanguage): Gpu =>
  gpuFromRecord(fieldsFromRow(row), assetUrl, lang);
