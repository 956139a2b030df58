// A guest client that leaves while its handshake is still running: Socket.IO drops such a
// socket without `connection` or `disconnect`, so the open-socket place its handshake took
// must be given back by the handshake itself. Redis goes through a proxy the suite holds, so
// the handshake is still waiting on the per-IP limiter when the client goes.
import { randomInt, randomUUID } from 'node:crypto';
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { guestLimits } from '../../src/modules/auth/guest-limits.js';
import { startTestApp, type TestApp } from '../support/app.js';
import { metricValue } from '../support/metrics.js';
import { createTestRedisUrl } from '../support/redis.js';
import { hasRedis } from '../support/services.js';
import { startTcpProxy, type TcpProxy } from '../support/tcp-proxy.js';
import { closeAllClients, connectShopper, eventually, type ShopperClient } from './helpers/sockets.js';

let app: TestApp;
let proxy: TcpProxy;

const abandoned = () => metricValue(app.url, 'socketio_rejections_total', 'reason="left_during_handshake"');

describe.skipIf(!hasRedis)('a guest who leaves during the handshake', () => {
  beforeAll(async () => {
    const direct = new URL((await createTestRedisUrl())!);
    proxy = await startTcpProxy({ host: direct.hostname, port: Number(direct.port || 6379) });
    app = await startTestApp({ env: { REDIS_URL: `redis://127.0.0.1:${proxy.port}${direct.pathname}` } });
  });

  afterAll(async () => {
    closeAllClients();
    proxy?.release();
    await app?.close();
    await proxy?.close();
  });

  it('gives its open-socket place back', async () => {
    const ip = `198.18.${randomInt(256)}.${randomInt(1, 255)}`;
    const guestId = randomUUID();
    const before = await abandoned();

    // A raw Engine.IO connection, so the test decides when the Socket.IO CONNECT goes out.
    const ws = new WebSocket(`${app.url.replace('http', 'ws')}/socket.io/?EIO=4&transport=websocket`, {
      headers: { 'x-forwarded-for': ip },
    });
    await new Promise<void>((resolve, reject) => {
      ws.once('message', (data: Buffer) =>
        data.toString().startsWith('0') ? resolve() : reject(new Error('no open')),
      );
      ws.once('error', reject);
    });
    proxy.hold();
    ws.send(`40${JSON.stringify({ guestId })}`);
    // The handshake is now waiting on Redis; the client goes away.
    await new Promise((r) => setTimeout(r, 500));
    ws.terminate();
    await eventually(() => app.application.io.engine.clientsCount === 0, 5_000, 20);
    proxy.release();
    await eventually(async () => (await abandoned()) > before, 10_000);

    // Every place of the address is free: the per-IP number of guest sockets opens.
    const sockets: ShopperClient[] = [];
    for (let i = 0; i < guestLimits.sockets.points; i++) {
      sockets.push(await connectShopper(app.url, { guestId, extraHeaders: { 'x-forwarded-for': ip } }));
    }
    expect(sockets.every((s) => s.connected)).toBe(true);
    await expect(connectShopper(app.url, { guestId, extraHeaders: { 'x-forwarded-for': ip } })).rejects.toThrow(
      'rate_limited',
    );
  });
});
