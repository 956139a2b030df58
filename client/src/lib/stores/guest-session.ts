// The guest's server-issued session: a signed, expiring guest token from POST /api/auth/guest,
// kept in localStorage so every tab is the same guest. The id an older version of this app
// made up (gpu.guestId) is sent once as a hint, so that guest keeps its history. If no token
// can be had (offline, rate limited), the bare id still works for a while; the server counts it.
import type { GuestSession } from '@gpu/shared';
import { postJson } from '../http/problem.js';
import { readStored, readStoredJson, storageKeys, writeStored } from '../storage.js';
import { uuid } from '../uuid.js';

interface StoredGuest {
  guestToken: string;
  guestId: string;
  /** Epoch ms when the guest token expires. */
  expiresAt: number;
}

let pending: Promise<StoredGuest | null> | null = null;

function storedGuest(): StoredGuest | null {
  const g = readStoredJson<StoredGuest>(storageKeys.guestSession);
  return g && typeof g.guestToken === 'string' && g.expiresAt - Date.now() > 60_000 ? g : null;
}

function legacyGuestId(): string | undefined {
  const id = readStored(storageKeys.guestId);
  return id && /^[0-9a-f-]{36}$/i.test(id) ? id : undefined;
}

async function requestGuest(): Promise<StoredGuest | null> {
  try {
    const hint = storedGuestId() ?? legacyGuestId();
    const res = await postJson<GuestSession>('/api/auth/guest', hint ? { guestId: hint } : {});
    const g = { guestToken: res.guestToken, guestId: res.guestId, expiresAt: Date.now() + res.expiresIn * 1000 };
    writeStored(storageKeys.guestSession, JSON.stringify(g));
    writeStored(storageKeys.guestId, res.guestId);
    return g;
  } catch {
    return null;
  }
}

function storedGuestId(): string | undefined {
  return readStoredJson<StoredGuest>(storageKeys.guestSession)?.guestId;
}

/** Handshake credentials for a guest: the guest token (fetched when missing or expiring), else a bare id. */
export async function guestAuth(): Promise<{ guestToken: string } | { guestId: string }> {
  const g = storedGuest() ?? (await (pending ??= requestGuest().finally(() => (pending = null))));
  if (g) return { guestToken: g.guestToken };
  let id = legacyGuestId();
  if (!id) {
    id = uuid();
    writeStored(storageKeys.guestId, id);
  }
  return { guestId: id };
}

/** The server refused the guest token (expired, or its key changed): the next handshake gets a new one. */
export function dropGuestToken(): void {
  const g = readStoredJson<StoredGuest>(storageKeys.guestSession);
  if (g) writeStored(storageKeys.guestSession, JSON.stringify({ ...g, expiresAt: 0 }));
}
