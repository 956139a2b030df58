import { describe, expect, it } from 'vitest';
import { MAX_RETRY_WAIT_MS, retryDelayMs } from './retry-after.js';

describe('retryDelayMs', () => {
  it('honours Retry-After in seconds and as an HTTP date, and retry-after-ms', () => {
    expect(retryDelayMs({ 'retry-after': '0' })).toBe(0);
    expect(retryDelayMs({ 'retry-after': '2' })).toBe(2000);
    expect(retryDelayMs({ 'retry-after-ms': '150' })).toBe(150);
    const now = Date.parse('2026-01-01T00:00:00Z');
    expect(retryDelayMs({ 'retry-after': 'Thu, 01 Jan 2026 00:00:03 GMT' }, 0, now)).toBe(3000);
  });

  it('gives up when the server asks for a long wait, and backs off otherwise', () => {
    expect(retryDelayMs({ 'retry-after': '60' })).toBeNull();
    const backoff = retryDelayMs(undefined)!;
    expect(backoff).toBeGreaterThan(0);
    expect(backoff).toBeLessThanOrEqual(MAX_RETRY_WAIT_MS);
  });

  it('reads the first of a repeated header', () => {
    expect(retryDelayMs({ 'retry-after-ms': ['100', '900'] })).toBe(100);
  });
});
