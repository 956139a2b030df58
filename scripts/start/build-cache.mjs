// Build only what is missing or stale, safely when several `npm start` share one checkout.
//
// - Stale means the sources differ from the last build: a content hash of every input
//   (sources, manifests, lockfile) is compared with the stamp the last build left.
// - Builds are serialized by a lock directory (mkdir is atomic), so two starts never build
//   at once; the second waits, then finds the build fresh. A lock whose owner died is taken over.
// - The web app goes to `client/.builds/<hash>` and is served from there, so a rebuild never
//   replaces files under a server that is already running; the last few builds are kept.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export const KEEP_CLIENT_BUILDS = 3;
const LOCK_STALE_MS = 15 * 60_000;

/** Everything a build reads. Tests are not inputs: they are never built into the product. */
export const INPUT_DIRS = ['shared/src', 'server/src', 'client/src', 'client/static'];
export const INPUT_FILES = [
  'package.json',
  'package-lock.json',
  'tsconfig.json',
  'shared/package.json',
  'shared/tsconfig.json',
  'shared/tsconfig.build.json',
  'server/package.json',
  'server/tsconfig.json',
  'server/tsconfig.build.json',
  'client/package.json',
  'client/svelte.config.js',
  'client/vite.config.ts',
  'client/tsconfig.json',
];

function listFiles(dir) {
  const out = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...listFiles(p));
    else if (!/\.test\.ts$/.test(entry.name)) out.push(p);
  }
  return out;
}

export function sourceHash(root) {
  const h = createHash('sha256');
  const files = [
    ...INPUT_DIRS.map((d) => path.join(root, d))
      .filter((d) => existsSync(d))
      .flatMap(listFiles),
    ...INPUT_FILES.map((f) => path.join(root, f)).filter((f) => existsSync(f)),
  ].sort();
  for (const f of files) h.update(path.relative(root, f)).update('\0').update(readFileSync(f)).update('\0');
  return h.digest('hex').slice(0, 16);
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const alive = (pid) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

async function withLock(dir, log, fn) {
  const lock = path.join(dir, 'lock');
  mkdirSync(dir, { recursive: true });
  for (let waited = 0; ; waited += 250) {
    try {
      mkdirSync(lock);
      writeFileSync(path.join(lock, 'pid'), String(process.pid));
      break;
    } catch (err) {
      if (err.code !== 'EEXIST') throw err;
      let owner = NaN;
      try {
        owner = Number(readFileSync(path.join(lock, 'pid'), 'utf8'));
      } catch {
        /* being created or removed right now */
      }
      const age = Date.now() - (statSync(lock, { throwIfNoEntry: false })?.mtimeMs ?? Date.now());
      if ((Number.isInteger(owner) && owner > 0 && !alive(owner)) || age > LOCK_STALE_MS) {
        rmSync(lock, { recursive: true, force: true });
        continue;
      }
      if (waited % 10_000 === 0) log('another build is running in this checkout; waiting for it');
      await sleep(250);
    }
  }
  try {
    return await fn();
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

export const clientBuildDir = (root, hash) => path.join(root, 'client', '.builds', hash);

/**
 * Makes sure the build for the current sources exists; returns the web app's directory.
 * `build({ hash, clientOut })` builds shared, server and the client into `clientOut`
 * (relative to client/).
 */
export async function ensureBuild({ root, build, log = () => {} }) {
  const stateDir = path.join(root, '.build');
  const stampFile = path.join(stateDir, 'stamp.json');
  const hash = sourceHash(root);
  const fresh = () => {
    let stamp = null;
    try {
      stamp = JSON.parse(readFileSync(stampFile, 'utf8'));
    } catch {
      /* never built */
    }
    return (
      stamp?.hash === hash &&
      existsSync(path.join(root, 'shared', 'dist', 'index.js')) &&
      existsSync(path.join(root, 'server', 'dist', 'main.js')) &&
      existsSync(path.join(clientBuildDir(root, hash), 'handler.js'))
    );
  };
  if (!fresh()) {
    await withLock(stateDir, log, async () => {
      if (fresh()) return; // the start that held the lock built these sources
      const started = Date.now();
      log(`building (sources ${hash})`);
      rmSync(clientBuildDir(root, hash), { recursive: true, force: true });
      await build({ hash, clientOut: path.join('.builds', hash) });
      writeFileSync(stampFile, JSON.stringify({ hash, builtAt: new Date().toISOString() }));
      pruneClientBuilds(root, hash);
      log(`built in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    });
  }
  return clientBuildDir(root, hash);
}

/** Keeps the current build and the most recent others, up to KEEP_CLIENT_BUILDS in all. */
function pruneClientBuilds(root, current) {
  const dir = path.join(root, 'client', '.builds');
  const others = readdirSync(dir)
    .filter((name) => name !== current)
    .map((name) => ({ name, mtime: statSync(path.join(dir, name)).mtimeMs }))
    .sort((a, b) => b.mtime - a.mtime);
  for (const old of others.slice(KEEP_CLIENT_BUILDS - 1)) {
    rmSync(path.join(dir, old.name), { recursive: true, force: true });
  }
}
