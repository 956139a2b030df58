// Keeps each product's embedding in step with its text and the active embedder: the row
// records the model that embedded it, so a model change marks every row stale.
import type { EntityManager } from '@mikro-orm/postgresql';
import type { GpuDescriptions, GpuSpecs } from '@gpu/shared';
import { GpuRecord } from '../../db/entities/index.js';
import { toVectorLiteral } from '../../db/types/vector.js';
import type { Embedder } from '../../platform/embedder.js';

export interface EmbeddableProduct {
  name: string;
  brand: string;
  vramGb: number;
  descriptions: GpuDescriptions;
  specs: GpuSpecs;
}

/** A description's sentences (a period, question or exclamation mark, then a space). */
const sentences = (text: string): string[] =>
  text
    .split(/(?<=[.!?])\s+/)
    .map((t) => t.trim().replace(/[.!?]$/, ''))
    .filter(Boolean);

/**
 * The text a product is embedded from: identity, key specs, then both descriptions sentence by
 * sentence (English, Spanish, English, ...), so one vector answers a shopper in either
 * language. Interleaved because the multilingual model reads only 128 word pieces: with one
 * description after the other, the cut fell inside the second language; this way it falls on
 * the last sentences (sizes and connectors) of both, and what a card is for comes first.
 */
export function productEmbeddingText(p: EmbeddableProduct): string {
  const s = p.specs;
  const en = sentences(p.descriptions.en);
  const es = sentences(p.descriptions.es);
  const interleaved = Array.from({ length: Math.max(en.length, es.length) }, (_, i) => [en[i], es[i]]).flat();
  return [
    p.name,
    p.brand,
    `${p.vramGb}GB VRAM`,
    s.memoryType,
    s.series,
    s.architecture,
    s.boardPowerW ? `${s.boardPowerW}W` : undefined,
    ...interleaved,
  ]
    .filter(Boolean)
    .join('. ');
}

const EMBEDDED_FIELDS = ['id', 'name', 'brand', 'vramGb', 'descriptionEs', 'descriptionEn', 'specs'] as const;
type Row = Pick<GpuRecord, (typeof EMBEDDED_FIELDS)[number]>;

async function embedRows(em: EntityManager, embedder: Embedder, rows: Row[]): Promise<void> {
  if (rows.length === 0) return;
  const vectors = await embedder.embed(
    rows.map((r) =>
      productEmbeddingText({
        name: r.name,
        brand: r.brand,
        vramGb: r.vramGb,
        descriptions: { es: r.descriptionEs, en: r.descriptionEn },
        specs: r.specs,
      }),
    ),
  );
  for (let i = 0; i < rows.length; i++) {
    // Raw SQL (pgvector write): an embedding is derived data, not a change of the product, and
    // the ORM bumps a versioned entity's version on every update (nativeUpdate and the query
    // builder alike); this statement leaves `version`, which stock:update carries, alone.
    await em.execute(`update gpus set embedding = ?::vector, embedding_model = ? where id = ?`, [
      toVectorLiteral(vectors[i]!),
      embedder.model,
      rows[i]!.id,
    ]);
  }
}

/** Re-embeds one product (after a text change). */
export async function embedProduct(em: EntityManager, embedder: Embedder, id: string): Promise<void> {
  const rows = await em.find(GpuRecord, { id }, { fields: EMBEDDED_FIELDS, disableIdentityMap: true });
  await embedRows(em, embedder, rows);
}

/** Re-embeds every row with no embedding or one from another model. Returns how many. */
export async function reindexStale(em: EntityManager, embedder: Embedder, batchSize = 64): Promise<number> {
  let total = 0;
  for (;;) {
    const rows = await em.find(
      GpuRecord,
      { $or: [{ embedding: null }, { embeddingModel: null }, { embeddingModel: { $ne: embedder.model } }] },
      { fields: EMBEDDED_FIELDS, orderBy: { id: 'asc' }, limit: batchSize, disableIdentityMap: true },
    );
    if (rows.length === 0) return total;
    await embedRows(em, embedder, rows);
    total += rows.length;
  }
}
