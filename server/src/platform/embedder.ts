// One interface for text embeddings, an external dependency like the LLM: the platform picks
// an implementation once (context.ts); the catalog embeds products with it and the assistant
// embeds questions. Implementations: modules/assistant/embeddings (MiniLM with
// transformers.js, and the deterministic hashing embedder, the embedded default, lexical only).
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
