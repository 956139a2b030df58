// One interface for text embeddings. Implementations: MiniLM (transformers.js) and the
// deterministic hashing embedder (the embedded default, lexical only).
export const EMBEDDING_DIM = 384;

export interface Embedder {
  /** Stored beside each product's vector; a different value marks the row stale. */
  readonly model: string;
  readonly dim: number;
  /** True for the hashing embedder: similarity is lexical, not semantic. */
  readonly lexical: boolean;
  /** Unit-length vectors, one per text. */
  embed(texts: string[]): Promise<Float32Array[]>;
  close?(): Promise<void>;
}

/** Vectors are written in pgvector's text format, defined once beside the column type. */
export { toVectorLiteral } from '../../../db/types/vector.js';
