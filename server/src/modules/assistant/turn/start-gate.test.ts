import { describe, expect, it } from 'vitest';
import { StartGate } from './start-gate.js';

/** A scheduler the test runs by hand: one call = one loop turn. */
function manual() {
  const queue: (() => void)[] = [];
  return {
    schedule: (fn: () => void) => void queue.push(fn),
    async turn() {
      const fn = queue.shift();
      fn?.();
      await Promise.resolve(); // the released starts' continuations
      return fn !== undefined;
    },
    get scheduled() {
      return queue.length;
    },
  };
}

describe('StartGate', () => {
  it('lets at most perLoopTurn starts through per loop turn, in arrival order, never synchronously', async () => {
    const loop = manual();
    const gate = new StartGate(2, loop.schedule);
    const started: number[] = [];
    for (let i = 0; i < 5; i++) void gate.pass().then(() => started.push(i));
    await Promise.resolve();
    expect(started).toEqual([]);
    expect(loop.scheduled).toBe(1);

    const perTurn: number[][] = [];
    while (await loop.turn()) perTurn.push(started.splice(0));
    expect(perTurn).toEqual([[0, 1], [2, 3], [4]]);
    expect(gate.pending).toBe(0);
  });

  it('a start that arrives while others wait queues behind them', async () => {
    const loop = manual();
    const gate = new StartGate(1, loop.schedule);
    const started: string[] = [];
    void gate.pass().then(() => started.push('a'));
    void gate.pass().then(() => started.push('b'));
    await loop.turn();
    void gate.pass().then(() => started.push('c'));
    while (await loop.turn());
    expect(started).toEqual(['a', 'b', 'c']);
  });
});
