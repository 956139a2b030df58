import { afterEach, describe, expect, it, vi } from 'vitest';
import { TokenCoalescer } from './token-coalescer.js';

describe('TokenCoalescer', () => {
  afterEach(() => vi.useRealTimers());

  it('joins text that arrives within one window into one chunk, with contiguous seq', () => {
    vi.useFakeTimers();
    const out: [number, string][] = [];
    const c = new TokenCoalescer((seq, text) => out.push([seq, text]), 40);
    c.push('Hel');
    c.push('lo');
    vi.advanceTimersByTime(39);
    expect(out).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(out).toEqual([[0, 'Hello']]);
    c.push(' world');
    c.flush();
    c.flush();
    expect(out).toEqual([
      [0, 'Hello'],
      [1, ' world'],
    ]);
    expect(c.count).toBe(2);
  });

  it('ignores empty text', () => {
    const out: string[] = [];
    const c = new TokenCoalescer((_, t) => out.push(t));
    c.push('');
    c.flush();
    expect(out).toEqual([]);
  });
});
