import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Namespace } from 'socket.io';
import { drainConnections } from './drain.js';

interface FakeConn {
  closed: boolean;
  close(): void;
}

function fakeNamespace(conns: FakeConn[], told: string[]) {
  const sockets = new Map(
    conns.map((conn, i) => [
      String(i),
      { conn, emit: (ev: string, payload: { reason: string }) => told.push(`${ev}:${payload.reason}`) },
    ]),
  );
  // Only `sockets` (with conn and emit) is used by the drain.
  return { sockets } as unknown as Namespace;
}

const conn = (): FakeConn => ({
  closed: false,
  close() {
    this.closed = true;
  },
});

afterEach(() => vi.useRealTimers());

describe('drainConnections', () => {
  it('closes connections in batches spread over the window, telling each socket first', async () => {
    vi.useFakeTimers();
    const conns = Array.from({ length: 40 }, conn);
    const told: string[] = [];
    const done = drainConnections([fakeNamespace(conns, told)], 2_000);

    await vi.advanceTimersByTimeAsync(0);
    const firstBatch = conns.filter((c) => c.closed).length;
    expect(firstBatch).toBeGreaterThan(0);
    expect(firstBatch).toBeLessThan(conns.length);

    await vi.advanceTimersByTimeAsync(1_000);
    const halfway = conns.filter((c) => c.closed).length;
    expect(halfway).toBeGreaterThan(firstBatch);
    expect(halfway).toBeLessThan(conns.length);

    await vi.advanceTimersByTimeAsync(1_000);
    expect(await done).toBe(40);
    expect(conns.every((c) => c.closed)).toBe(true);
    expect(told).toEqual(Array(40).fill('session:closing:shutdown'));
  });

  it('closes a connection shared by two namespaces once, telling both sockets', async () => {
    const shared = conn();
    const told: string[] = [];
    expect(await drainConnections([fakeNamespace([shared], told), fakeNamespace([shared], told)], 2_000)).toBe(1);
    expect(shared.closed).toBe(true);
    expect(told).toHaveLength(2);
  });

  it('returns at once when nothing is connected', async () => {
    expect(await drainConnections([fakeNamespace([], [])], 60_000)).toBe(0);
  });
});
