// Graceful drain at shutdown: close this instance's connections in batches spread over a
// window, so clients reconnect to the other instances gradually instead of all at once.
// Each socket is told why first (`session:closing`), then its transport is closed: the client
// sees "transport close" and reconnects by itself (with its own randomized backoff).
import type { Socket as EngineSocket } from 'engine.io';
import type { Namespace } from 'socket.io';

export const DRAIN_WINDOW_MS = 2_000;
const MAX_BATCHES = 10;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Returns the number of connections closed. */
export async function drainConnections(namespaces: Namespace[], windowMs = DRAIN_WINDOW_MS): Promise<number> {
  // One engine connection can carry several namespaces (e.g. "/" and "/admin").
  const byConnection = new Map<EngineSocket, { emit: (ev: string, payload: unknown) => unknown }[]>();
  for (const nsp of namespaces) {
    for (const socket of nsp.sockets.values()) {
      const list = byConnection.get(socket.conn) ?? [];
      list.push(socket);
      byConnection.set(socket.conn, list);
    }
  }
  const connections = [...byConnection.entries()];
  if (connections.length === 0) return 0;
  const batches = Math.min(MAX_BATCHES, connections.length);
  const perBatch = Math.ceil(connections.length / batches);
  const pause = batches > 1 ? windowMs / (batches - 1) : 0;
  for (let b = 0; b < batches; b++) {
    if (b > 0) await sleep(pause);
    for (const [conn, sockets] of connections.slice(b * perBatch, (b + 1) * perBatch)) {
      for (const socket of sockets) socket.emit('session:closing', { reason: 'shutdown' });
      // Flushes the buffered packets (the notice above), then closes the transport.
      conn.close();
    }
  }
  return connections.length;
}
