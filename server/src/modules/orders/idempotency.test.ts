import { describe, expect, it } from 'vitest';
import { requestHash } from './idempotency.js';

describe('requestHash', () => {
  it('is the same for equal requests whatever the key order', () => {
    expect(requestHash({ a: 1, b: [1, 2], c: { x: 'y', z: null } })).toBe(
      requestHash({ c: { z: null, x: 'y' }, b: [1, 2], a: 1 }),
    );
  });

  it('ignores undefined fields (an omitted optional field equals an absent one)', () => {
    expect(requestHash({ body: { expectedTotal: undefined }, lines: [] })).toBe(requestHash({ body: {}, lines: [] }));
  });

  it('differs when a value, an array order or a type differs', () => {
    const base = requestHash({
      lines: [
        ['a', 1],
        ['b', 2],
      ],
    });
    expect(
      requestHash({
        lines: [
          ['a', 1],
          ['b', 3],
        ],
      }),
    ).not.toBe(base);
    expect(
      requestHash({
        lines: [
          ['b', 2],
          ['a', 1],
        ],
      }),
    ).not.toBe(base);
    expect(
      requestHash({
        lines: [
          ['a', '1'],
          ['b', 2],
        ],
      }),
    ).not.toBe(base);
  });

  it('is a 64-character hex digest (the column is char(64))', () => {
    expect(requestHash({})).toMatch(/^[0-9a-f]{64}$/);
  });
});
