import { describe, expect, it } from 'vitest';
import { checkGrounding } from './grounding.js';

const products = [
  { name: 'Sapphire PULSE AMD Radeon RX 7800 XT GAMING 16GB', price: 479.99 },
  { name: 'XFX Speedster QICK319 Radeon RX 7800 XT Core Edition 16GB', price: 469.99 },
  { name: 'MSI GeForce RTX 4070 SUPER 12G VENTUS 2X OC', price: 599.99 },
];

describe('checkGrounding', () => {
  it('passes an answer that names listed products at their prices', () => {
    const g = checkGrounding(
      '1. **Sapphire PULSE AMD Radeon RX 7800 XT GAMING 16GB**: $479.99. Great at 1440p.\n' +
        '2. The RTX 4070 SUPER ($599.99) adds DLSS. Both fit your $1,000 budget.',
      products,
      { allowedAmounts: [1000] },
    );
    expect(g).toEqual({ ok: true, unknownProducts: [], priceMismatches: [] });
  });

  it('accepts any variant price when only the model is named', () => {
    expect(checkGrounding('An RX 7800 XT costs $469.99 here.', products).ok).toBe(true);
  });

  it('flags a model that was not sent', () => {
    const g = checkGrounding('Consider the RTX 4090 or the RX 7900 XTX instead.', products);
    expect(g.ok).toBe(false);
    expect(g.unknownProducts).toEqual(['RTX 4090', 'RX 7900 XTX']);
  });

  it('flags a wrong price for a named product', () => {
    const g = checkGrounding('The MSI GeForce RTX 4070 SUPER 12G VENTUS 2X OC is only $399.99!', products);
    expect(g.priceMismatches).toEqual([
      { product: 'MSI GeForce RTX 4070 SUPER 12G VENTUS 2X OC', quoted: 399.99, actual: 599.99 },
    ]);
  });

  it('flags an unattributed price that matches nothing', () => {
    const g = checkGrounding('Cards like this start at $123.45.', products);
    expect(g.ok).toBe(false);
    expect(g.priceMismatches[0]).toMatchObject({ quoted: 123.45 });
  });

  it('reads prices written as "1,299.99 USD"', () => {
    const g = checkGrounding('The RTX 4070 SUPER is 1,299.99 USD.', products);
    expect(g.priceMismatches[0]).toMatchObject({ quoted: 1299.99, actual: 599.99 });
  });
});
