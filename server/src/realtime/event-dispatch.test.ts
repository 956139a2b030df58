import { describe, expect, it, vi } from 'vitest';
import type { AckError } from '@gpu/shared';
import type { Logger } from '../platform/logger.js';
import {
  ABUSE_DISCONNECT_AFTER,
  createEventDispatcher,
  type DispatchSocket,
  type EventGate,
} from './event-dispatch.js';

function fakeSocket(): DispatchSocket & { disconnects: number } {
  const socket = {
    data: { actor: { kind: 'guest' as const, guestId: 'g' } },
    connected: true,
    disconnects: 0,
    disconnect() {
      socket.disconnects++;
      socket.connected = false;
    },
  };
  return socket;
}

const logger = () =>
  ({ error: vi.fn(), warn: vi.fn(), info: vi.fn() }) as unknown as Logger & { error: ReturnType<typeof vi.fn> };
const flush = () => new Promise((r) => setImmediate(r));
const limited: AckError = { code: 'rate_limited', message: 'slow down' };

describe('createEventDispatcher', () => {
  it('runs the gates in order, then the handler with the payload and the ack', async () => {
    const order: string[] = [];
    const gates: EventGate[] = [() => (order.push('sync gate'), null), async () => (order.push('async gate'), null)];
    const handler = vi.fn(() => order.push('handler'));
    const socket = fakeSocket();
    const dispatch = createEventDispatcher({
      namespace: '/',
      gates,
      handlers: { 'stock:watch': handler },
      logger: logger(),
    });
    const ack = vi.fn();
    dispatch.call(socket, 'stock:watch', { gpuIds: [] }, ack);
    await flush();
    expect(order).toEqual(['sync gate', 'async gate', 'handler']);
    expect(handler).toHaveBeenCalledWith(socket, { gpuIds: [] }, ack);
  });

  it('a refusing gate answers the ack (or onRejected) and the handler never runs', async () => {
    const handler = vi.fn();
    const onRejected = vi.fn();
    const socket = fakeSocket();
    const dispatch = createEventDispatcher({
      namespace: '/',
      gates: [async () => limited],
      handlers: { 'chat:send': handler },
      logger: logger(),
      onRejected,
    });
    const ack = vi.fn();
    dispatch.call(socket, 'chat:send', {}, ack);
    dispatch.call(socket, 'chat:send', {});
    await flush();
    expect(ack).toHaveBeenCalledWith({ ok: false, error: limited });
    expect(onRejected).toHaveBeenCalledWith(socket, limited);
    expect(handler).not.toHaveBeenCalled();
  });

  it(`disconnects after ${ABUSE_DISCONNECT_AFTER} rate_limited refusals in a row; a passed event resets the count`, async () => {
    let refuse = true;
    const socket = fakeSocket();
    const dispatch = createEventDispatcher({
      namespace: '/',
      gates: [() => (refuse ? limited : null)],
      handlers: { 'stock:watch': () => undefined },
      logger: logger(),
    });
    for (let i = 0; i < ABUSE_DISCONNECT_AFTER - 1; i++) dispatch.call(socket, 'stock:watch', {});
    refuse = false;
    dispatch.call(socket, 'stock:watch', {});
    refuse = true;
    for (let i = 0; i < ABUSE_DISCONNECT_AFTER - 1; i++) dispatch.call(socket, 'stock:watch', {});
    expect(socket.disconnects).toBe(0);
    dispatch.call(socket, 'stock:watch', {});
    await flush();
    expect(socket.disconnects).toBe(1);
  });

  it('ignores events without a handler, including names of Object.prototype members', async () => {
    const log = logger();
    const socket = fakeSocket();
    const dispatch = createEventDispatcher({ namespace: '/', gates: [], handlers: {}, logger: log });
    for (const name of ['constructor', '__proto__', 'toString', 'hasOwnProperty', '__defineGetter__', 'nope']) {
      dispatch.call(socket, name, {}, vi.fn());
    }
    await flush();
    expect(log.error).not.toHaveBeenCalled();
  });
});
