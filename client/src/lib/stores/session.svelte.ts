// The signed-in user and their tokens. The refresh token lives in localStorage so every tab
// shares one session; a Web Lock makes tabs refresh one at a time (rotation invalidates the
// old token, so two tabs refreshing with it would sign each other out).
import type { AuthResponse, User } from '@gpu/shared';
import { ApiError, postJson } from '../http/problem.js';
import { readStoredJson, storageKeys, writeStored } from '../storage.js';

interface StoredSession {
  user: User;
  accessToken: string;
  refreshToken: string;
  /** Epoch ms when the access token expires. */
  expiresAt: number;
}

export type SessionChange = 'login' | 'logout' | 'refresh';

class SessionState {
  user = $state<User | null>(null);
  /** True once the stored session was read (and refreshed if needed). */
  ready = $state(false);
  /** Set when the server ended the session (refresh refused). */
  expired = $state(false);
}
export const session = new SessionState();

let current: StoredSession | null = null;
let refreshing: Promise<boolean> | null = null;
let timer: ReturnType<typeof setTimeout> | undefined;
// eslint-disable-next-line svelte/prefer-svelte-reactivity -- bookkeeping, never rendered
const listeners = new Set<(change: SessionChange) => void>();

export function onSessionChange(fn: (change: SessionChange) => void): () => void {
  listeners.add(fn);
  return () => listeners.delete(fn);
}

/** Expiry from the JWT's exp claim, when the response did not say. */
function tokenExpiry(token: string): number {
  try {
    const payload = JSON.parse(atob(token.split('.')[1]!.replace(/-/g, '+').replace(/_/g, '/'))) as { exp?: number };
    if (typeof payload.exp === 'number') return payload.exp * 1000;
  } catch {
    /* not a JWT we can read */
  }
  return Date.now() + 5 * 60_000;
}

function adopt(next: StoredSession | null, change: SessionChange, persist = true): void {
  const prevUser = current?.user.id;
  current = next;
  session.user = next?.user ?? null;
  if (persist) writeStored(storageKeys.session, next ? JSON.stringify(next) : null);
  schedule();
  // A refresh for the same user keeps sockets; a different user (or none) reconnects them.
  const effective: SessionChange =
    change === 'refresh' && prevUser !== next?.user.id ? (next ? 'login' : 'logout') : change;
  for (const fn of listeners) fn(effective);
}

function fromAuth(a: AuthResponse | Omit<AuthResponse, 'user'>, user?: User): StoredSession {
  const u = 'user' in a ? a.user : user;
  if (!u) throw new Error('auth response without user');
  const expiresAt = typeof a.expiresIn === 'number' ? Date.now() + a.expiresIn * 1000 : tokenExpiry(a.accessToken);
  return { user: u, accessToken: a.accessToken, refreshToken: a.refreshToken, expiresAt };
}

function schedule(): void {
  clearTimeout(timer);
  if (!current) return;
  // Refresh a minute before expiry so sockets and requests never carry a stale token.
  const delay = Math.max(5_000, current.expiresAt - Date.now() - 60_000);
  timer = setTimeout(() => void refreshSession(), delay);
}

export function accessToken(): string | null {
  return current?.accessToken ?? null;
}

/** A valid access token (refreshing first if it is about to expire), or null for guests. */
export async function freshAccessToken(): Promise<string | null> {
  if (!current) return null;
  if (current.expiresAt - Date.now() < 15_000) await refreshSession();
  return current?.accessToken ?? null;
}

export function refreshSession(): Promise<boolean> {
  refreshing ??= withRefreshLock(refreshNow).finally(() => (refreshing = null));
  return refreshing;
}

async function withRefreshLock(fn: () => Promise<boolean>): Promise<boolean> {
  // navigator.locks exists only in secure contexts; without it tabs may race (rare).
  if (typeof navigator !== 'undefined' && navigator.locks) return navigator.locks.request('gpu.auth.refresh', fn);
  return fn();
}

async function refreshNow(): Promise<boolean> {
  const stored = readStoredJson<StoredSession>(storageKeys.session);
  // Another tab may have rotated the pair while we waited for the lock: use its result.
  if (stored && stored.refreshToken !== current?.refreshToken && stored.expiresAt - Date.now() > 30_000) {
    adopt(stored, 'refresh', false);
    return true;
  }
  const refreshToken = stored?.refreshToken ?? current?.refreshToken;
  if (!refreshToken) return false;
  try {
    const res = await postJson<AuthResponse | Omit<AuthResponse, 'user'>>('/api/auth/refresh', { refreshToken });
    adopt(fromAuth(res, current?.user ?? stored?.user), 'refresh');
    return true;
  } catch (err) {
    if (err instanceof ApiError && err.status >= 400 && err.status < 500 && err.status !== 429) {
      session.expired = true;
      adopt(null, 'logout');
    } else {
      schedule(); // network or server trouble: keep the session and try again later
    }
    return false;
  }
}

export async function login(email: string, password: string): Promise<User> {
  const res = await postJson<AuthResponse>('/api/auth/login', { email, password });
  session.expired = false;
  adopt(fromAuth(res), 'login');
  return res.user;
}

export async function register(email: string, password: string, name?: string): Promise<User> {
  const res = await postJson<AuthResponse>(
    '/api/auth/register',
    name ? { email, password, name } : { email, password },
  );
  session.expired = false;
  adopt(fromAuth(res), 'login');
  return res.user;
}

export async function logout(): Promise<void> {
  const refreshToken = current?.refreshToken;
  const token = current?.accessToken;
  adopt(null, 'logout');
  if (!refreshToken) return;
  // Best effort: the server revokes the refresh token; we are signed out locally either way.
  await postJson('/api/auth/logout', { refreshToken }, token ? { authorization: `Bearer ${token}` } : {}).catch(
    () => undefined,
  );
}

/** Replaces the stored user (e.g. after GET /api/auth/me), keeping the tokens. */
export function updateUser(user: User): void {
  if (!current) return;
  current = { ...current, user };
  session.user = user;
  writeStored(storageKeys.session, JSON.stringify(current));
}

export async function initSession(): Promise<void> {
  const stored = readStoredJson<StoredSession>(storageKeys.session);
  if (stored?.accessToken && stored.refreshToken && stored.user) {
    current = stored;
    session.user = stored.user;
    if (stored.expiresAt - Date.now() < 30_000) await refreshSession();
    else schedule();
  }
  // Sign-in, sign-out and refreshes in other tabs arrive as storage events.
  window.addEventListener('storage', (e) => {
    if (e.key !== storageKeys.session) return;
    const next = readStoredJson<StoredSession>(storageKeys.session);
    if (next?.refreshToken === current?.refreshToken) return;
    const change: SessionChange = !next ? 'logout' : next.user.id === current?.user.id ? 'refresh' : 'login';
    adopt(next, change, false);
  });
  session.ready = true;
}
