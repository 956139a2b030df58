// A `gpus` row as SQL returns it, and its API shape (`Gpu`): cents -> dollars, image keys ->
// public URLs through the object store, `description` in the requested language. Other
// modules that read products can reuse this.
import { defaultLanguage, descriptionIn, type Brand, type Gpu, type GpuSpecs, type Language } from '@gpu/shared';

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

export const centsToDollars = (cents: string | number): number => Math.round(Number(cents)) / 100;

/** Dollars (at most 2 decimals, validated upstream) to integer cents, immune to float error. */
export const dollarsToCents = (dollars: number): number => Math.round(dollars * 100);

export function toGpu(row: GpuRow, assetUrl: AssetUrl, lang: Language = defaultLanguage): Gpu {
  const descriptions = { es: row.description_es ?? '', en: row.description_en ?? '' };
  return {
    id: row.id,
    sku: row.sku,
    name: row.name,
    brand: row.brand,
    vramGb: Number(row.vram_gb),
    price: centsToDollars(row.price_cents),
    stock: Number(row.stock),
    description: descriptionIn(descriptions, lang),
    descriptions,
    imageUrl: row.image_key ? assetUrl(row.image_key) : null,
    thumbnailUrl: row.thumbnail_key ? assetUrl(row.thumbnail_key) : null,
    isActive: row.is_active,
    specs: row.specs ?? {},
  };
}
