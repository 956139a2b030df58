// `npm start`: build only what is missing or stale (start/build-cache.mjs), then run the
// server in this process, serving the web app built for these sources.
import { execFileSync } from 'node:child_process';
import cluster from 'node:cluster';
import { fileURLToPath } from 'node:url';
import { ensureBuild } from './start/build-cache.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));

const npm = (args, env = {}) =>
  execFileSync(process.platform === 'win32' ? 'npm.cmd' : 'npm', args, {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, ...env },
  });

// Cluster workers (WORKERS > 1) run this file again: the primary has built already.
if (cluster.isPrimary) {
  const clientDir = await ensureBuild({
    root,
    log: (line) => console.log(`start: ${line}`),
    build: async ({ clientOut }) => {
      npm(['run', 'build', '-w', 'shared']);
      npm(['run', 'build', '-w', 'server']);
      npm(['run', 'build', '-w', 'client'], { CLIENT_BUILD_OUT: clientOut });
    },
  });
  process.env.CLIENT_DIR ||= clientDir;
}
await import(new URL('../server/dist/main.js', import.meta.url).href);
