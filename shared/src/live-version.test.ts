import { describe, expect, it } from 'vitest';
import { isNewerVersion, newestOf } from './live-version.js';

describe('live state versions', () => {
  it('keeps the highest version whatever the arrival order', () => {
    const arrivals = [
      { stock: 7, version: 3 },
      { stock: 9, version: 1 },
      { stock: 5, version: 4 },
      { stock: 8, version: 2 },
    ];
    expect(newestOf(arrivals)).toEqual({ stock: 5, version: 4 });
    expect(newestOf([...arrivals].reverse())).toEqual({ stock: 5, version: 4 });
  });

  it('treats an equal or lower version as stale, and nothing held as older', () => {
    expect(isNewerVersion(undefined, 1)).toBe(true);
    expect(isNewerVersion(3, 4)).toBe(true);
    expect(isNewerVersion(3, 3)).toBe(false);
    expect(isNewerVersion(3, 2)).toBe(false);
    // A value without a version (an old server) only fills an empty slot.
    expect(isNewerVersion(3, undefined)).toBe(false);
    expect(isNewerVersion(undefined, undefined)).toBe(true);
  });
});
