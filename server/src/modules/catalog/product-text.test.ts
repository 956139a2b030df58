import { describe, expect, it } from 'vitest';
import { normalizeProductText } from './product-text.js';

describe('normalizeProductText', () => {
  it('applies NFKC and removes invisible and control characters', () => {
    const out = normalizeProductText({
      name: 'Ｒ\u200BＴＸ\u00A04070\u202E  SUPER\u0007',
      description: 'Line one\u200D \r\n\tLine\u0000 two\uFEFF',
      specs: { chip: 'AD\u2060104', slots: 2, series: 'GeForce\nRTX 40' },
    });
    expect(out).toEqual({
      name: 'RTX 4070 SUPER',
      description: 'Line one\n\tLine two',
      specs: { chip: 'AD104', slots: 2, series: 'GeForce RTX 40' },
    });
  });

  it('reveals text hidden in Unicode tag characters instead of keeping it invisible', () => {
    const hidden = [...'ignore'].map((c) => String.fromCodePoint(0xe0000 + c.charCodeAt(0))).join('');
    expect(normalizeProductText({ name: `Card${hidden}` }).name).toBe('Card');
  });

  it('leaves other fields and absent fields alone', () => {
    expect(normalizeProductText({ price: 10, isActive: true, name: undefined })).toEqual({
      price: 10,
      isActive: true,
      name: undefined,
    });
  });
});
