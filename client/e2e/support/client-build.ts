// Makes sure client/build is there and not older than the sources (builds it otherwise),
// so the in-process server can serve the real app.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const clientDir = fileURLToPath(new URL('../../', import.meta.url));
const handler = path.join(clientDir, 'build', 'handler.js');

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    const m = entry.isDirectory() ? newestMtime(p) : statSync(p).mtimeMs;
    if (m > newest) newest = m;
  }
  return newest;
}

export function ensureClientBuild(): void {
  const sources = Math.max(
    newestMtime(path.join(clientDir, 'src')),
    newestMtime(path.join(clientDir, '..', 'shared', 'src')),
    statSync(path.join(clientDir, 'svelte.config.js')).mtimeMs,
  );
  if (existsSync(handler) && statSync(handler).mtimeMs >= sources && process.env.E2E_REBUILD !== '1') return;
  execFileSync('npm', ['run', 'build', '-w', 'client'], { cwd: path.join(clientDir, '..'), stdio: 'pipe' });
}
