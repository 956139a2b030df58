// Unit tests for client logic that runs in Node (sanitizer policy, token ordering, i18n,
// formatting, URL helpers). Browser behaviour is covered by the e2e project.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));

export default defineConfig({
  resolve: {
    alias: { '@gpu/shared': here('../shared/src/index.ts'), $lib: here('./src/lib') },
  },
  test: {
    name: 'client',
    root: here('.'),
    include: ['src/**/*.test.ts'],
    environment: 'node',
  },
});
