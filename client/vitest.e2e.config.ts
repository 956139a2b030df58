// Browser tests: Debian's Chromium driven by playwright-core against the real server
// (started in-process, serving the built client). Slow by nature: long timeouts, one file
// at a time.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));

export default defineConfig({
  resolve: { alias: { '@gpu/shared': here('../shared/src/index.ts') } },
  test: {
    name: 'e2e',
    root: here('.'),
    include: ['e2e/**/*.test.ts'],
    environment: 'node',
    testTimeout: 90_000,
    hookTimeout: 240_000,
    pool: 'forks',
    fileParallelism: false,
  },
});
