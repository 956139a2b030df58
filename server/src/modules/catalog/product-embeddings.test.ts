import { describe, expect, it } from 'vitest';
import { productEmbeddingText } from './product-embeddings.js';

describe('productEmbeddingText', () => {
  it('puts identity and specs first, then the two descriptions sentence by sentence', () => {
    const text = productEmbeddingText({
      name: 'Card X 16GB',
      brand: 'AMD',
      vramGb: 16,
      specs: { memoryType: 'GDDR6', boardPowerW: 220 },
      descriptions: {
        en: 'Great for 1440p. 280 mm long; needs 2x 8-pin.',
        es: 'Ideal para 1440p. Mide 280 mm, usa 2x 8-pin. Silenciosa.',
      },
    });
    expect(text).toBe(
      'Card X 16GB. AMD. 16GB VRAM. GDDR6. 220W. Great for 1440p. Ideal para 1440p. ' +
        '280 mm long; needs 2x 8-pin. Mide 280 mm, usa 2x 8-pin. Silenciosa',
    );
  });

  it('keeps a description that has no sentence ending whole, and skips an empty one', () => {
    const text = productEmbeddingText({
      name: 'Card Y',
      brand: 'Intel',
      vramGb: 8,
      specs: {},
      descriptions: { en: '', es: 'Tarjeta de entrada, 2,5 slots' },
    });
    expect(text).toBe('Card Y. Intel. 8GB VRAM. Tarjeta de entrada, 2,5 slots');
  });
});
