// Browser tests: Debian's Chromium driven by playwright-core against the real server
// (started in-process, serving the built client). Slow by nature: long timeouts, one file
// at a time.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));

// Like PostgreSQL and Redis for the server suites: Chromium is a machine service. Without it
// the browser suites are left out with a warning, unless REQUIRE_SERVICES=1 (CI) demands it.
const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const hasChromium = existsSync(chromium);
if (!hasChromium && process.env.REQUIRE_SERVICES === '1') {
  throw new Error(`REQUIRE_SERVICES=1 but Chromium is missing at ${chromium} (apt-get install chromium)`);
}
if (!hasChromium) console.warn(`e2e: no Chromium at ${chromium}; browser tests skipped (apt-get install chromium)`);

export default defineConfig({
  resolve: { alias: { '@gpu/shared': here('../shared/src/index.ts') } },
  test: {
    name: 'e2e',
    root: here('.'),
    include: hasChromium ? ['e2e/**/*.test.ts'] : [],
    passWithNoTests: true,
    environment: 'node',
    testTimeout: 90_000,
    hookTimeout: 240_000,
    pool: 'forks',
    fileParallelism: false,
  },
});
