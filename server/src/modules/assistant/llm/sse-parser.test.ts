import { describe, expect, it } from 'vitest';
import { SseParser } from './sse-parser.js';

const bytes = (s: string) => new TextEncoder().encode(s);

/** Feeds the text cut at the given offsets (bytes), collecting every event. */
function parse(text: string, cuts: number[] = []) {
  const all = bytes(text);
  const parser = new SseParser();
  const out = [];
  let from = 0;
  for (const to of [...cuts, all.length]) {
    out.push(...parser.push(all.subarray(from, to)));
    from = to;
  }
  return out;
}

describe('SseParser', () => {
  it('reads data events, joining multi-line data, ignoring comments and unknown fields', () => {
    expect(parse('data: {"a":1}\n\n: keep-alive\n\nid: 7\ndata: one\ndata:two\n\ndata: [DONE]\n\n')).toEqual([
      { event: null, data: '{"a":1}' },
      { event: null, data: 'one\ntwo' },
      { event: null, data: '[DONE]' },
    ]);
  });

  it('gives the same events however the bytes are cut, across \\r\\n and multi-byte characters', () => {
    const text = 'event: error\r\ndata: ¡hola, señor!\r\n\r\ndata: 🎮 x\r\rdata: y\n\n';
    const whole = parse(text);
    expect(whole).toEqual([
      { event: 'error', data: '¡hola, señor!' },
      { event: null, data: '🎮 x' },
      { event: null, data: 'y' },
    ]);
    const n = bytes(text).length;
    for (let cut = 1; cut < n; cut++) expect(parse(text, [cut])).toEqual(whole);
    expect(
      parse(
        text,
        Array.from({ length: n - 1 }, (_, i) => i + 1),
      ),
    ).toEqual(whole);
  });

  it('holds an event back until its blank line, and drops one the stream never ends', () => {
    const parser = new SseParser();
    expect(parser.push(bytes('data: a\n'))).toEqual([]);
    expect(parser.push(bytes('\ndata: b\n'))).toEqual([{ event: null, data: 'a' }]);
    expect(parser.push(bytes(''))).toEqual([]);
  });
});
