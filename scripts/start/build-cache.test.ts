import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { clientBuildDir, ensureBuild, KEEP_CLIENT_BUILDS, sourceHash } from './build-cache.mjs';

const roots: string[] = [];
afterEach(() => roots.splice(0).forEach((r) => rmSync(r, { recursive: true, force: true })));

function checkout(): string {
  const root = mkdtempSync(path.join(tmpdir(), 'build-cache-'));
  roots.push(root);
  for (const dir of ['shared/src', 'server/src', 'client/src']) mkdirSync(path.join(root, dir), { recursive: true });
  writeFileSync(path.join(root, 'package.json'), '{}');
  writeFileSync(path.join(root, 'server/src/main.ts'), 'export {};');
  return root;
}

/** Writes what a real build leaves, slowly, and counts its runs. */
function fakeBuild(root: string, ms = 150) {
  const runs: string[] = [];
  const build = async ({ hash, clientOut }: { hash: string; clientOut: string }) => {
    runs.push(hash);
    await new Promise((r) => setTimeout(r, ms));
    for (const [dir, file] of [
      ['shared/dist', 'index.js'],
      ['server/dist', 'main.js'],
      [path.join('client', clientOut), 'handler.js'],
    ] as const) {
      mkdirSync(path.join(root, dir), { recursive: true });
      writeFileSync(path.join(root, dir, file), `// ${hash}`);
    }
  };
  return { runs, build };
}

describe('ensureBuild', () => {
  it('builds once for two starts at the same time, and not again while the sources are unchanged', async () => {
    const root = checkout();
    const { runs, build } = fakeBuild(root);
    const [a, b] = await Promise.all([ensureBuild({ root, build }), ensureBuild({ root, build })]);
    expect(runs).toHaveLength(1);
    expect(a).toBe(b);
    expect(existsSync(path.join(a, 'handler.js'))).toBe(true);
    await ensureBuild({ root, build });
    expect(runs).toHaveLength(1);
  });

  it('rebuilds into a new folder when a source changes, leaving the running build in place', async () => {
    const root = checkout();
    const { runs, build } = fakeBuild(root, 10);
    const first = await ensureBuild({ root, build });
    writeFileSync(path.join(root, 'server/src/main.ts'), 'export const changed = 1;');
    const second = await ensureBuild({ root, build });
    expect(runs).toHaveLength(2);
    expect(second).not.toBe(first);
    expect(existsSync(path.join(first, 'handler.js'))).toBe(true);
  });

  it('ignores test files, and keeps only the most recent builds', async () => {
    const root = checkout();
    const before = sourceHash(root);
    writeFileSync(path.join(root, 'server/src/main.test.ts'), 'test');
    expect(sourceHash(root)).toBe(before);
    const { build } = fakeBuild(root, 5);
    let current = '';
    for (let i = 0; i < KEEP_CLIENT_BUILDS + 2; i++) {
      writeFileSync(path.join(root, 'client/src/app.ts'), `export const v = ${i};`);
      current = await ensureBuild({ root, build });
      await new Promise((r) => setTimeout(r, 20)); // distinct mtimes
    }
    const kept = readdirSync(path.join(root, 'client/.builds'));
    expect(kept).toHaveLength(KEEP_CLIENT_BUILDS);
    expect(kept).toContain(path.basename(current));
  });

  it('takes over a lock left by a process that died', async () => {
    const root = checkout();
    const dead = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']).stdout.toString();
    mkdirSync(path.join(root, '.build/lock'), { recursive: true });
    writeFileSync(path.join(root, '.build/lock/pid'), dead);
    const { runs, build } = fakeBuild(root, 5);
    const dir = await ensureBuild({ root, build });
    expect(runs).toHaveLength(1);
    expect(dir).toBe(clientBuildDir(root, sourceHash(root)));
    expect(existsSync(path.join(root, '.build/lock'))).toBe(false);
  });
});
