import { EntitySchema } from '@mikro-orm/core';
import type { Brand, GpuSpecs } from '@gpu/shared';

/**
 * A product row. Money is integer cents; the API speaks dollars. The `embedding vector(384)`
 * and `search_vector` columns are not mapped: retrieval and the embedder use SQL directly.
 */
export class GpuRecord {
  id!: string;
  sku!: string;
  name!: string;
  brand!: Brand;
  vramGb!: number;
  priceCents!: number;
  stock!: number;
  /** Spanish and English descriptions ('' when not written). */
  descriptionEs!: string;
  descriptionEn!: string;
  /** Bumped with every stock change (stock:update carries it). */
  version!: number;
  imageKey!: string | null;
  thumbnailKey!: string | null;
  isActive!: boolean;
  specs!: GpuSpecs;
  embeddingModel!: string | null;
  createdAt!: Date;
  updatedAt!: Date;
}

export const GpuSchema = new EntitySchema<GpuRecord>({
  class: GpuRecord,
  tableName: 'gpus',
  properties: {
    id: { type: 'uuid', primary: true, defaultRaw: 'gen_random_uuid()' },
    sku: { type: 'string', length: 64, unique: true },
    name: { type: 'string', length: 160 },
    brand: { type: 'string', length: 16 },
    vramGb: { type: 'integer' },
    // bigint column; values stay far below 2^53 cents, so a JS number is exact.
    priceCents: { type: 'integer', columnType: 'bigint' },
    stock: { type: 'integer' },
    descriptionEs: { type: 'text', default: '' },
    descriptionEn: { type: 'text', default: '' },
    version: { type: 'integer', columnType: 'bigint', default: 1 },
    imageKey: { type: 'text', nullable: true },
    thumbnailKey: { type: 'text', nullable: true },
    isActive: { type: 'boolean', default: true },
    specs: { type: 'json', default: '{}' },
    embeddingModel: { type: 'string', length: 80, nullable: true },
    createdAt: { type: 'datetime', defaultRaw: 'now()', onCreate: () => new Date() },
    updatedAt: { type: 'datetime', defaultRaw: 'now()', onCreate: () => new Date(), onUpdate: () => new Date() },
  },
});
