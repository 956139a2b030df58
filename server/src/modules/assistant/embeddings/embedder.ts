// One interface for text embeddings. Implementations: MiniLM (transformers.js) and the
// deterministic hashing embedder (the embedded default, lexical only).
import { toSql } from 'pgvector';

export const EMBEDDING_DIM = 384;

export interface Embedder {
  /** Stored beside each product's vector; a different value marks the row stale. */
  readonly model: string;
  readonly dim: number;
  /** True for the hashing embedder: similarity is lexical, not semantic. */
  readonly lexical: boolean;
  /** Unit-length vectors, one per text. */
  embed(texts: string[]): Promise<Float32Array[]>;
  /** Why this embedder can no longer embed (its worker died), or null while it can. */
  failure?(): string | null;
  close?(): Promise<void>;
}

/**
 * A vector as a `?::vector` parameter, in pgvector's text format (the pgvector package's
 * `toSql`; floats printed in full, so the stored float4 values are the embedder's own).
 * A non-finite component is a broken model, never silently stored.
 */
export function toVectorLiteral(v: Float32Array | number[]): string {
  const values = Array.from(v);
  if (!values.every(Number.isFinite)) throw new Error('vector has a non-finite component');
  return toSql(values) as string;
}
