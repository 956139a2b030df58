// Server-sent events parsed incrementally from the bytes of a text/event-stream body, as the
// HTML spec reads them: lines end in \n, \r\n or \r; `data:` lines of one event are joined
// with \n; a blank line ends the event; `event:` names it; comments (`:`) and other fields
// are ignored. An event the stream does not end with a blank line is never complete (so it is
// dropped, as groq-sdk's own decoder does). One synchronous call per network chunk: the
// provider reads the body with a single async loop instead of groq-sdk's stack of generators
// (bytes -> chunks -> lines -> events -> JSON), which cost several promises per token.
export interface SseEvent {
  event: string | null;
  data: string;
}

const LINE_END = /\r\n|\r|\n/g;

export class SseParser {
  private readonly decoder = new TextDecoder();
  private buffer = '';
  private event: string | null = null;
  private data: string[] = [];

  /** The events this chunk of bytes completes, in order. */
  push(bytes: Uint8Array): SseEvent[] {
    const text = this.buffer + this.decoder.decode(bytes, { stream: true });
    const out: SseEvent[] = [];
    let start = 0;
    LINE_END.lastIndex = 0;
    for (let m = LINE_END.exec(text); m; m = LINE_END.exec(text)) {
      // A \r at the very end may be the first half of a \r\n split across chunks: wait.
      if (m[0] === '\r' && m.index === text.length - 1) break;
      this.line(text.slice(start, m.index), out);
      start = LINE_END.lastIndex;
    }
    this.buffer = text.slice(start);
    return out;
  }

  private line(line: string, out: SseEvent[]): void {
    if (line === '') {
      if (this.event !== null || this.data.length) out.push({ event: this.event, data: this.data.join('\n') });
      this.event = null;
      this.data = [];
      return;
    }
    if (line.startsWith(':')) return;
    const colon = line.indexOf(':');
    const field = colon < 0 ? line : line.slice(0, colon);
    let value = colon < 0 ? '' : line.slice(colon + 1);
    if (value.startsWith(' ')) value = value.slice(1);
    if (field === 'data') this.data.push(value);
    else if (field === 'event') this.event = value;
  }
}
