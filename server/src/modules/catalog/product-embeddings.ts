// Keeps each product's embedding in step with its text and the active embedder: the row
// records the model that embedded it, so a model change marks every row stale.
import type { EntityManager } from '@mikro-orm/postgresql';
import type { GpuDescriptions, GpuSpecs } from '@gpu/shared';
import type { Embedder } from '../assistant/embeddings/embedder.js';
import { toVectorLiteral } from '../assistant/embeddings/embedder.js';

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

interface Row {
  id: string;
  name: string;
  brand: string;
  vram_gb: number;
  description_es: string;
  description_en: string;
  specs: GpuSpecs;
}

async function embedRows(em: EntityManager, embedder: Embedder, rows: Row[]): Promise<void> {
  if (rows.length === 0) return;
  const vectors = await embedder.embed(
    rows.map((r) =>
      productEmbeddingText({
        name: r.name,
        brand: r.brand,
        vramGb: r.vram_gb,
        descriptions: { es: r.description_es, en: r.description_en },
        specs: r.specs,
      }),
    ),
  );
  for (let i = 0; i < rows.length; i++) {
    await em.execute(`update gpus set embedding = ?::vector, embedding_model = ? where id = ?`, [
      toVectorLiteral(vectors[i]!),
      embedder.model,
      rows[i]!.id,
    ]);
  }
}

/** Re-embeds one product (after a text change). */
export async function embedProduct(em: EntityManager, embedder: Embedder, id: string): Promise<void> {
  const rows = await em.execute<Row[]>(
    `select id, name, brand, vram_gb, description_es, description_en, specs from gpus where id = ?`,
    [id],
  );
  await embedRows(em, embedder, rows);
}

/** Re-embeds every row with no embedding or one from another model. Returns how many. */
export async function reindexStale(em: EntityManager, embedder: Embedder, batchSize = 64): Promise<number> {
  let total = 0;
  for (;;) {
    const rows = await em.execute<Row[]>(
      `select id, name, brand, vram_gb, description_es, description_en, specs from gpus
       where embedding is null or embedding_model is distinct from ? order by id limit ?`,
      [embedder.model, batchSize],
    );
    if (rows.length === 0) return total;
    await embedRows(em, embedder, rows);
    total += rows.length;
  }
}
