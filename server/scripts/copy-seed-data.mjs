// Build step: tsc compiles only TypeScript, so the seed catalog's JSON files are copied
// beside the compiled loader (dist/db/seed/catalog), where it reads them at run time.
import { cpSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const from = fileURLToPath(new URL('../src/db/seed/catalog', import.meta.url));
const to = fileURLToPath(new URL('../dist/db/seed/catalog', import.meta.url));
rmSync(to, { recursive: true, force: true });
cpSync(from, to, { recursive: true, filter: (p) => !/\.(ts|md)$/.test(p) });
