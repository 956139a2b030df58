// A client that stops reading: its output queue stays bounded and, once it reads again, it
// holds the latest stock; one far behind is closed (it reconnects and re-watches). The client
// is a real socket.io-client whose WebSocket is paused; a few large packets fill the loopback
// buffers so the server really cannot write to it.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Socket as ServerSocket } from 'socket.io';
import type { StockUpdateEvent, StockWatchAck } from '@gpu/shared';
import type WebSocket from 'ws';
import { startTestApp, type TestApp } from '../support/app.js';
import { appExec, insertGpu, type Exec } from './helpers/catalog.js';
import {
  closeAllClients,
  collect,
  connectShopper,
  emitWithAck,
  eventually,
  type ShopperClient,
} from './helpers/sockets.js';
import { queuedPackets, SLOW_CONSUMER_PACKETS, STOCK_BACKLOG_PACKETS } from '../../src/realtime/backpressure.js';
import type { ShopperSocket } from '../../src/realtime/types.js';

let app: TestApp;
let exec: Exec;
beforeAll(async () => {
  app = await startTestApp();
  exec = appExec(app);
});
afterAll(async () => {
  closeAllClients();
  await app?.close();
});

/** The client's WebSocket (engine.io-client keeps the `ws` instance on its transport). */
const wsOf = (client: ShopperClient) => (client.io.engine as unknown as { transport: { ws: WebSocket } }).transport.ws;
const serverSide = (client: ShopperClient) => app.application.io.of('/').sockets.get(client.id!) as ShopperSocket;

/** Watches `gpuId`, stops reading, and fills the path to the client until the server must queue. */
async function stalledWatcher(gpuId: string) {
  const client = await connectShopper(app.url, { guestId: randomUUID() });
  const ack = await emitWithAck<StockWatchAck>(client, 'stock:watch', { gpuIds: [gpuId] });
  expect(ack.ok).toBe(true);
  const updates = collect<StockUpdateEvent>(client, 'stock:update');
  const server = serverSide(client);
  wsOf(client).pause();
  // Large packets until the server has held a queue for 300 ms in a row: the kernel's
  // buffers are full and the connection really takes nothing more.
  const filler = 'x'.repeat(2 * 1024 * 1024);
  let stuckFor = 0;
  for (let sent = 0; stuckFor < 3;) {
    if (queuedPackets(server) === 0) {
      expect(sent).toBeLessThan(64);
      (server as unknown as ServerSocket).emit('test:filler', filler);
      sent++;
      stuckFor = 0;
    } else stuckFor++;
    await new Promise((r) => setTimeout(r, 100));
  }
  return { client, server, updates };
}

async function publish(gpuId: string, from: number, count: number) {
  for (let v = from; v < from + count; v++) {
    await app.platform.bus.publish('stock.changed', { gpuId, stock: v, version: v, reason: 'test' });
  }
}

describe('a slow consumer', () => {
  it('keeps a bounded queue while 2,000 stock changes go by, then gets the latest stock', async () => {
    const gpu = await insertGpu(exec, { stock: 1 });
    const { client, server, updates } = await stalledWatcher(gpu.id);
    const queuedBefore = queuedPackets(server);
    await publish(gpu.id, 1, 2_000);
    // Let every bus message arrive (Redis delivers asynchronously).
    await new Promise((r) => setTimeout(r, 500));
    expect(queuedPackets(server)).toBeLessThanOrEqual(queuedBefore + STOCK_BACKLOG_PACKETS);
    expect(server.connected).toBe(true);

    wsOf(client).resume();
    await eventually(async () => updates.at(-1)?.stock === 2_000, 20_000);
    // Far fewer than 2,000 updates were queued for it; versions only go up.
    expect(updates.length).toBeLessThanOrEqual(STOCK_BACKLOG_PACKETS + 2);
    const versions = updates.map((u) => u.version);
    expect([...versions].sort((a, b) => a - b)).toEqual(versions);
  });

  it('is closed once its queue reaches the limit, and a watcher that reads keeps getting updates', async () => {
    const gpu = await insertGpu(exec, { stock: 1 });
    const reader = await connectShopper(app.url, { guestId: randomUUID() });
    expect((await emitWithAck<StockWatchAck>(reader, 'stock:watch', { gpuIds: [gpu.id] })).ok).toBe(true);
    const seen = collect<StockUpdateEvent>(reader, 'stock:update');
    const { server } = await stalledWatcher(gpu.id);
    // Other traffic piles up behind the stalled connection...
    for (let i = 0; i < SLOW_CONSUMER_PACKETS; i++) server.emit('chat:error', { code: 'filler', message: 'x' });
    // ...and the next stock change closes it.
    await publish(gpu.id, 1, 1);
    await eventually(async () => !server.connected);
    await publish(gpu.id, 2, 1);
    await eventually(async () => seen.at(-1)?.stock === 2);
  });
});
