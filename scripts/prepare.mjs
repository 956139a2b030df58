// `npm install`'s prepare step: SvelteKit's generated tsconfig and types (client/.svelte-kit),
// which the client's tests, type checks and builds read. Without it a fresh clone's `npm test`
// fails before any build has run. Production installs (no dev dependencies) skip it.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const clientDir = fileURLToPath(new URL('../client/', import.meta.url));
const require = createRequire(path.join(clientDir, 'package.json'));

let kitBin;
try {
  kitBin = path.join(path.dirname(require.resolve('@sveltejs/kit/package.json')), 'svelte-kit.js');
} catch {
  console.log('prepare: @sveltejs/kit is not installed (production install); skipping svelte-kit sync');
  process.exit(0);
}
const r = spawnSync(process.execPath, [kitBin, 'sync'], { cwd: clientDir, stdio: 'inherit' });
process.exit(r.status ?? 1);
