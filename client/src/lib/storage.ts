// localStorage that never throws (private mode, quota, storage disabled by policy).
export function readStored(key: string): string | null {
  try {
    return localStorage.getItem(key);
  } catch {
    return null;
  }
}

export function writeStored(key: string, value: string | null): void {
  try {
    if (value === null) localStorage.removeItem(key);
    else localStorage.setItem(key, value);
  } catch {
    /* storage unavailable: the value lives for this page only */
  }
}

export function readStoredJson<T>(key: string): T | null {
  const raw = readStored(key);
  if (!raw) return null;
  try {
    return JSON.parse(raw) as T;
  } catch {
    return null;
  }
}

/** Keys this app keeps in localStorage, in one place so they never collide. */
export const storageKeys = {
  session: 'gpu.session',
  guestId: 'gpu.guestId',
  guestSession: 'gpu.guestSession',
  locale: 'gpu.locale',
  checkoutKey: 'gpu.checkoutKey',
} as const;
