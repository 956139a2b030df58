import { describe, expect, it } from 'vitest';
import { HashingEmbedder } from './hashing-embedder.js';

const cosine = (a: Float32Array, b: Float32Array) => a.reduce((s, x, i) => s + x * b[i]!, 0);

describe('HashingEmbedder', () => {
  const e = new HashingEmbedder();

  it('returns 384-d unit vectors, deterministically', async () => {
    const [a, b] = await e.embed(['GeForce RTX 4070 SUPER 12GB', 'GeForce RTX 4070 SUPER 12GB']);
    expect(a).toHaveLength(384);
    expect(Math.sqrt(cosine(a!, a!))).toBeCloseTo(1, 5);
    expect(Array.from(a!)).toEqual(Array.from(b!));
  });

  it('ranks lexically similar text above unrelated text, ignoring accents and case', async () => {
    const [q, near, far] = await e.embed([
      'tarjeta gráfica rtx 4070',
      'Tarjeta grafica RTX 4070 Ti',
      'Radeon RX 7600 8GB',
    ]);
    expect(cosine(q!, near!)).toBeGreaterThan(cosine(q!, far!));
    expect(cosine(q!, near!)).toBeGreaterThan(0.5);
  });

  it('embeds empty text as the zero vector instead of NaN', async () => {
    const [z] = await e.embed(['']);
    expect(Array.from(z!).every((x) => x === 0)).toBe(true);
  });
});
