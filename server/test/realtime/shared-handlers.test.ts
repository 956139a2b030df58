// What an idle socket costs is what the server allocates for it: event handling must be the
// namespace's shared functions (realtime/event-dispatch.ts), not closures per connection, and
// the handshake's bearer token must not stay on the socket. (The memory itself is measured
// by scripts/bench/socket-memory.ts, not here.)
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/app.js';
import { createUser } from '../support/users.js';
import { closeAllClients, connectShopper, emitWithAck } from './helpers/sockets.js';

let app: TestApp;

beforeAll(async () => {
  app = await startTestApp();
});

afterAll(async () => {
  closeAllClients();
  await app?.close();
});

const serverSocket = (id: string | undefined) => {
  const socket = app.application.io.of('/').sockets.get(id!);
  if (!socket) throw new Error(`no server socket ${id}`);
  return socket;
};

describe('per-socket allocations', () => {
  it('every shopper socket shares one dispatcher and one disconnect listener, and keeps no token', async () => {
    const [a, b] = await Promise.all([createUser(app), createUser(app)]);
    const clients = await Promise.all([
      connectShopper(app.url, { token: a!.token }),
      connectShopper(app.url, { token: b!.token }),
      connectShopper(app.url, { guestId: randomUUID() }),
    ]);
    // An event through the shared path still works (and would fail with no handler at all).
    const watched = await emitWithAck<{ ok: boolean }>(clients[0]!, 'stock:watch', { gpuIds: [] });
    expect(watched.ok).toBe(false);
    const sockets = clients.map((c) => serverSocket(c.id));
    for (const s of sockets) {
      expect(s.listenersAny()).toHaveLength(1);
      // Socket.IO itself adds a no-op `error` listener to every socket; nothing else may be there.
      expect(s.eventNames().filter((e) => e !== 'error')).toEqual(['disconnect']);
      expect(s.listeners('disconnect')).toHaveLength(1);
      expect(s.handshake.auth).toEqual({});
    }
    expect(new Set(sockets.map((s) => s.listenersAny()[0])).size).toBe(1);
    expect(new Set(sockets.map((s) => s.listeners('disconnect')[0])).size).toBe(1);
  });
});
