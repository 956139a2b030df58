// Puts streamed tokens back in order. Tokens carry a contiguous seq from 0; after a
// reconnect the server replays from the last seq we saw, so the same seq can arrive twice
// and later ones can arrive before a gap is filled. Text is released only in order.
export interface TokenStream {
  /** The next seq we can append. */
  next: number;
  /** Tokens that arrived ahead of a gap, by seq. */
  ahead: Map<number, string>;
}

export function createTokenStream(): TokenStream {
  return { next: 0, ahead: new Map() };
}

/** The last seq appended (-1 before the first), as chat:resume's afterSeq. */
export function lastSeq(s: TokenStream): number {
  return s.next - 1;
}

/** True when tokens are waiting for an earlier one that has not arrived. */
export function hasGap(s: TokenStream): boolean {
  return s.ahead.size > 0;
}

/**
 * Accepts one token and returns the text that can now be appended, in order: '' for a
 * duplicate or for a token ahead of a gap (kept until the gap is filled).
 */
export function acceptToken(s: TokenStream, seq: number, text: string): string {
  if (!Number.isInteger(seq) || seq < s.next) return '';
  if (seq > s.next) {
    s.ahead.set(seq, text);
    return '';
  }
  let out = text;
  s.next += 1;
  for (let t = s.ahead.get(s.next); t !== undefined; t = s.ahead.get(s.next)) {
    s.ahead.delete(s.next);
    out += t;
    s.next += 1;
  }
  return out;
}
