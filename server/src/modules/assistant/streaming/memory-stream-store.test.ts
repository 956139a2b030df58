import { describe, expect, it } from 'vitest';
import { MemoryStreamStore } from './memory-stream-store.js';
import type { StreamEntry } from './stream-store.js';

const token = (seq: number): StreamEntry => ({ type: 'token', event: { messageId: 'm', seq, text: `t${seq}` } });
const done: StreamEntry = {
  type: 'done',
  event: {
    messageId: 'm',
    finishReason: 'stop',
    provider: 'p',
    model: 'm',
    usage: { promptTokens: 1, completionTokens: 1 },
  },
};

async function collect(it: AsyncIterable<StreamEntry>) {
  const out: StreamEntry[] = [];
  for await (const e of it) out.push(e);
  return out;
}

describe('MemoryStreamStore', () => {
  it('replays the backlog, then follows live appends until done, without gaps or repeats', async () => {
    const store = new MemoryStreamStore();
    await store.append('m', token(0));
    await store.append('m', token(1));
    const following = collect(
      store.follow('m', { signal: new AbortController().signal, deadline: Date.now() + 5_000 }),
    );
    await new Promise((r) => setTimeout(r, 5));
    await store.append('m', token(2));
    await store.append('m', done);
    expect((await following).map((e) => (e.type === 'token' ? e.event.seq : e.type))).toEqual([0, 1, 2, 'done']);
    expect(await store.exists('m')).toBe(true);
    await store.close();
  });

  it('follows a stream that does not exist yet, and stops at the deadline', async () => {
    const store = new MemoryStreamStore();
    const started = Date.now();
    expect(
      await collect(store.follow('nothing', { signal: new AbortController().signal, deadline: Date.now() + 50 })),
    ).toEqual([]);
    expect(Date.now() - started).toBeGreaterThanOrEqual(40);
    await store.close();
  });

  it('expires streams after the TTL', async () => {
    const store = new MemoryStreamStore(20);
    await store.append('m', token(0));
    await new Promise((r) => setTimeout(r, 40));
    expect(await store.exists('m')).toBe(false);
    await store.close();
  });
});
