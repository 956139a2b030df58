// Groups streamed text into short windows (tens of ms) so a fast model does not become
// thousands of tiny socket frames: each flushed window is one `chat:token` with the next seq.
export const COALESCE_WINDOW_MS = 40;

export class TokenCoalescer {
  private pending = '';
  private timer: NodeJS.Timeout | undefined;
  private nextSeq = 0;

  constructor(
    private readonly emit: (seq: number, text: string) => void,
    private readonly windowMs = COALESCE_WINDOW_MS,
  ) {}

  push(text: string): void {
    if (!text) return;
    this.pending += text;
    // The first text of a window starts its timer; later text joins the same window.
    this.timer ??= setTimeout(() => this.flush(), this.windowMs);
  }

  /** Emits what is pending now (end of stream, or the window elapsed). */
  flush(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    if (!this.pending) return;
    const text = this.pending;
    this.pending = '';
    this.emit(this.nextSeq++, text);
  }

  /** Chunks emitted so far. */
  get count(): number {
    return this.nextSeq;
  }
}
