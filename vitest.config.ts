// One `vitest run` at the root runs every workspace's suites as separate projects.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const sharedSrc = fileURLToPath(new URL('./shared/src/index.ts', import.meta.url));
const alias = { '@gpu/shared': sharedSrc };

// TEST_REPORT_FILE (set by .ci/run) adds a JSON report beside the console one, so CI can run
// `npm test` exactly as the README writes it and still print a summary line.
const reportFile = process.env.TEST_REPORT_FILE;

export default defineConfig({
  test: {
    reporters: reportFile ? ['default', ['json', { outputFile: reportFile }]] : ['default'],
    projects: [
      {
        resolve: { alias },
        test: { name: 'shared', include: ['shared/src/**/*.test.ts'] },
      },
      {
        resolve: { alias },
        test: {
          name: 'server',
          include: ['server/src/**/*.test.ts', 'server/test/**/*.test.ts'],
          // Integration suites start real servers, databases and child processes.
          testTimeout: 60_000,
          hookTimeout: 120_000,
          pool: 'forks',
          fileParallelism: false,
        },
      },
      {
        test: {
          name: 'ops',
          include: ['helm/test/**/*.test.ts', 'infra/test/**/*.test.ts', 'scripts/**/*.test.ts'],
        },
      },
      // Client logic in Node, then the browser suites (Chromium against the real server).
      'client/vitest.config.ts',
      'client/vitest.e2e.config.ts',
    ],
  },
});
