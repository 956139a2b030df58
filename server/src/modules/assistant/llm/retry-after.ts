// How long to wait before the one retry of a rate-limited or failed LLM request: the
// server's Retry-After (seconds or an HTTP date) or retry-after-ms when sent, else a short
// exponential backoff with jitter. Null means "do not retry" (the wait is too long).
import type { IncomingHttpHeaders } from 'node:http';

export const MAX_RETRY_WAIT_MS = 5_000;
export const BASE_BACKOFF_MS = 400;

const header = (headers: IncomingHttpHeaders | undefined, name: string): string | undefined => {
  const value = headers?.[name];
  return Array.isArray(value) ? value[0] : value;
};

export function retryDelayMs(headers: IncomingHttpHeaders | undefined, attempt = 0, now = Date.now()): number | null {
  const ms = header(headers, 'retry-after-ms');
  const after = header(headers, 'retry-after');
  let wait: number | undefined;
  if (ms && Number.isFinite(Number(ms))) wait = Number(ms);
  else if (after) {
    const seconds = Number(after);
    wait = Number.isFinite(seconds) ? seconds * 1000 : Date.parse(after) - now;
    if (!Number.isFinite(wait)) wait = undefined;
  }
  if (wait === undefined) wait = BASE_BACKOFF_MS * 2 ** attempt * (0.75 + Math.random() * 0.25);
  wait = Math.max(0, wait);
  return wait > MAX_RETRY_WAIT_MS ? null : wait;
}
