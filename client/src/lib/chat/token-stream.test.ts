import { describe, expect, it } from 'vitest';
import { acceptToken, createTokenStream, hasGap, lastSeq } from './token-stream.js';

function feed(tokens: [number, string][]): { text: string; s: ReturnType<typeof createTokenStream> } {
  const s = createTokenStream();
  let text = '';
  for (const [seq, t] of tokens) text += acceptToken(s, seq, t);
  return { text, s };
}

describe('token stream ordering', () => {
  it('appends tokens in seq order', () => {
    const { text, s } = feed([
      [0, 'The '],
      [1, 'RTX '],
      [2, '4070'],
    ]);
    expect(text).toBe('The RTX 4070');
    expect(lastSeq(s)).toBe(2);
    expect(hasGap(s)).toBe(false);
  });

  it('drops duplicates (a resume replays what we already have)', () => {
    const { text, s } = feed([
      [0, 'a'],
      [1, 'b'],
      [1, 'b'],
      [0, 'a'],
      [2, 'c'],
      [2, 'c'],
    ]);
    expect(text).toBe('abc');
    expect(lastSeq(s)).toBe(2);
  });

  it('holds tokens that arrive after a gap until it is filled', () => {
    const s = createTokenStream();
    expect(acceptToken(s, 0, 'a')).toBe('a');
    expect(acceptToken(s, 2, 'c')).toBe('');
    expect(acceptToken(s, 3, 'd')).toBe('');
    expect(hasGap(s)).toBe(true);
    expect(lastSeq(s)).toBe(0); // resume from here
    expect(acceptToken(s, 1, 'b')).toBe('bcd');
    expect(hasGap(s)).toBe(false);
    expect(lastSeq(s)).toBe(3);
  });

  it('gives the same text for any arrival order with repeats', () => {
    const tokens: [number, string][] = Array.from({ length: 20 }, (_, i) => [i, `t${i} `]);
    const expected = tokens.map(([, t]) => t).join('');
    const shuffled = [...tokens, ...tokens.slice(5, 12)].sort((a, b) => ((a[0] * 7919) % 13) - ((b[0] * 7919) % 13));
    expect(feed(shuffled).text).toBe(expected);
  });

  it('ignores negative or non-integer seq', () => {
    const s = createTokenStream();
    expect(acceptToken(s, -1, 'x')).toBe('');
    expect(acceptToken(s, 0.5, 'x')).toBe('');
    expect(lastSeq(s)).toBe(-1);
  });
});
