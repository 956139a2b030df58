// Deterministic feature-hashing embedder: word unigrams, word bigrams and character
// trigrams, hashed with signs into 384 dimensions and L2-normalised. No model weights, so
// it always works; it captures spelling overlap ("4070" ~ "rtx 4070 ti"), not meaning.
import { EMBEDDING_DIM, type Embedder } from './embedder.js';

const fnv1a = (s: string): number => {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
};

export function normalizeText(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9.+]+/g, ' ')
    .trim();
}

export class HashingEmbedder implements Embedder {
  readonly model = 'hashing-ngram-384-v1';
  readonly dim = EMBEDDING_DIM;
  readonly lexical = true;

  embedOne(text: string): Float32Array {
    const v = new Float32Array(this.dim);
    const add = (feature: string, weight: number) => {
      const h = fnv1a(feature);
      v[h % this.dim]! += (h & 0x80000000 ? -1 : 1) * weight;
    };
    const words = normalizeText(text).split(' ').filter(Boolean);
    words.forEach((w, i) => {
      add(`w:${w}`, 1);
      if (i > 0) add(`b:${words[i - 1]} ${w}`, 0.7);
      const padded = `^${w}$`;
      for (let j = 0; j + 3 <= padded.length; j++) add(`c:${padded.slice(j, j + 3)}`, 0.35);
    });
    let norm = 0;
    for (const x of v) norm += x * x;
    norm = Math.sqrt(norm);
    if (norm > 0) for (let i = 0; i < v.length; i++) v[i]! /= norm;
    return v;
  }

  async embed(texts: string[]): Promise<Float32Array[]> {
    return texts.map((t) => this.embedOne(t));
  }
}
