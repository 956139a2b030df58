import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Actor } from '../modules/auth/actor.js';
import { SessionExpiry, type ExpiringSocket } from './session-expiry.js';

function fakeSocket(actor: Actor) {
  const calls: string[] = [];
  const socket: ExpiringSocket = {
    data: { actor },
    connected: true,
    emit: (event, payload) => calls.push(`${event}:${payload.reason}`) > 0,
    disconnect: () => {
      socket.connected = false;
      calls.push('disconnect');
    },
  };
  return { socket, calls };
}

afterEach(() => vi.useRealTimers());

describe('SessionExpiry', () => {
  it('tells the socket and disconnects it within a second of the token exp', () => {
    vi.useFakeTimers({ now: 1_000_000 });
    const clock = new SessionExpiry();
    const { socket, calls } = fakeSocket({ kind: 'user', userId: 'u', role: 'shopper', tokenExp: 1_000 + 60 });
    clock.track(socket);
    vi.advanceTimersByTime(59_999);
    expect(calls).toEqual([]);
    vi.advanceTimersByTime(1_000);
    expect(calls).toEqual(['session:closing:token_expired', 'disconnect']);
    clock.stop();
  });

  it('moves the deadline on track() again (auth:refresh), once', () => {
    vi.useFakeTimers({ now: 0 });
    const clock = new SessionExpiry();
    const user = fakeSocket({ kind: 'user', userId: 'u', role: 'shopper', tokenExp: 10 });
    clock.track(user.socket);
    user.socket.data.actor = { kind: 'user', userId: 'u', role: 'shopper', tokenExp: 100 };
    clock.track(user.socket);
    vi.advanceTimersByTime(50_000);
    expect(user.calls).toEqual([]);
    vi.advanceTimersByTime(51_000);
    expect(user.calls).toEqual(['session:closing:token_expired', 'disconnect']);
    clock.stop();
  });

  it('does nothing once the socket is forgotten or gone, and nothing for guests', () => {
    vi.useFakeTimers({ now: 0 });
    const clock = new SessionExpiry();
    const forgotten = fakeSocket({ kind: 'user', userId: 'u', role: 'admin', tokenExp: 10 });
    clock.track(forgotten.socket);
    clock.forget(forgotten.socket);
    const gone = fakeSocket({ kind: 'user', userId: 'v', role: 'shopper', tokenExp: 10 });
    clock.track(gone.socket);
    gone.socket.connected = false;
    const guest = fakeSocket({ kind: 'guest', guestId: 'g' });
    clock.track(guest.socket);
    vi.advanceTimersByTime(3_600_000);
    expect(forgotten.calls).toEqual([]);
    expect(gone.calls).toEqual([]);
    expect(guest.calls).toEqual([]);
    clock.stop();
  });
});
