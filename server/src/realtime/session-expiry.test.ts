import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Actor } from '../modules/auth/actor.js';
import { closeAtTokenExpiry, type ExpiringSocket } from './session-expiry.js';

function fakeSocket(actor: Actor) {
  const calls: string[] = [];
  let onDisconnect: (() => void) | undefined;
  const socket: ExpiringSocket = {
    data: { actor },
    emit: (event, payload) => calls.push(`${event}:${payload.reason}`) > 0,
    disconnect: () => calls.push('disconnect'),
    once: (_event, listener) => (onDisconnect = listener),
  };
  return { socket, calls, disconnectNow: () => onDisconnect?.() };
}

afterEach(() => vi.useRealTimers());

describe('closeAtTokenExpiry', () => {
  it('tells the socket and disconnects it at the token exp', () => {
    vi.useFakeTimers({ now: 1_000_000 });
    const { socket, calls } = fakeSocket({ kind: 'user', userId: 'u', role: 'shopper', tokenExp: 1_000 + 60 });
    closeAtTokenExpiry(socket);
    vi.advanceTimersByTime(59_999);
    expect(calls).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(calls).toEqual(['session:closing:token_expired', 'disconnect']);
  });

  it('does nothing once the socket is gone, and nothing for guests', () => {
    vi.useFakeTimers({ now: 0 });
    const user = fakeSocket({ kind: 'user', userId: 'u', role: 'admin', tokenExp: 10 });
    closeAtTokenExpiry(user.socket);
    user.disconnectNow();
    const guest = fakeSocket({ kind: 'guest', guestId: 'g' });
    closeAtTokenExpiry(guest.socket);
    vi.advanceTimersByTime(3_600_000);
    expect(user.calls).toEqual([]);
    expect(guest.calls).toEqual([]);
  });
});
