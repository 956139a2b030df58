// Lets turns start a few per event-loop turn. A burst of chat:send (200 shoppers at once)
// makes their turns ready together, and each runs a stretch of synchronous work before its
// first wait (understanding the message, the prompt, opening the upstream request): all of
// them in one loop turn is a stall of hundreds of ms for every answer already streaming.
// At most `perLoopTurn` start in one turn, in arrival order; the rest wait for the next ones,
// with timers and I/O (the other streams' tokens) in between.
export const STARTS_PER_LOOP_TURN = 8;

export class StartGate {
  private readonly waiting: (() => void)[] = [];
  private scheduled = false;

  constructor(
    private readonly perLoopTurn = STARTS_PER_LOOP_TURN,
    // setImmediate from inside a setImmediate callback runs in the next loop turn.
    private readonly schedule: (fn: () => void) => void = (fn) => void setImmediate(fn),
  ) {}

  /** Resolves in a later macrotask (never synchronously), when this start's turn comes. */
  pass(): Promise<void> {
    return new Promise((resolve) => {
      this.waiting.push(resolve);
      this.arm();
    });
  }

  /** Starts waiting for a later loop turn. */
  get pending(): number {
    return this.waiting.length;
  }

  private arm(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    this.schedule(this.release);
  }

  private readonly release = (): void => {
    this.scheduled = false;
    for (const resolve of this.waiting.splice(0, this.perLoopTurn)) resolve();
    if (this.waiting.length) this.arm();
  };
}
