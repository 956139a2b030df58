#!/usr/bin/env node
// Loads every production dependency of the workspaces from an installed (and pruned) tree the
// way the server does, and exercises the parts that need files a prune could remove: the
// native bindings (argon2, sharp, onnxruntime-node through transformers.js) and PGlite's
// WebAssembly with pgvector. Exits 1 naming what failed. Run by the Dockerfile's prune stage
// and by scripts/image-size.sh after scripts/prune-runtime.mjs.
//
//   node scripts/check-runtime-deps.mjs <app-dir>     (the folder holding package.json + node_modules)
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

const appDir = path.resolve(process.argv[2] ?? '.');
const rootPkg = JSON.parse(readFileSync(path.join(appDir, 'package.json'), 'utf8'));

// What to do with a package beyond importing it (the import alone loads its JS entry).
const exercise = {
  argon2: `const h = await m.hash('pw'); if (!(await m.verify(h, 'pw'))) throw new Error('verify');`,
  sharp: `const png = await m.default({ create: { width: 2, height: 2, channels: 3, background: '#000' } }).png().toBuffer(); if (!png.length) throw new Error('empty');`,
  '@huggingface/transformers': `const ort = m.env.backends.onnx; if (!ort) throw new Error('no onnx backend');`,
  '@electric-sql/pglite': `const { vector } = await import('@electric-sql/pglite-pgvector'); const db = new m.PGlite({ extensions: { vector } }); await db.exec('create extension vector'); const r = await db.query("select '[1,2]'::vector <=> '[2,4]'::vector as d"); if (r.rows.length !== 1) throw new Error('query'); await db.close();`,
};

const failures = [];
let checked = 0;
for (const ws of ['', ...(rootPkg.workspaces ?? [])]) {
  const dir = path.join(appDir, ws);
  const pkgFile = path.join(dir, 'package.json');
  if (!existsSync(pkgFile)) continue;
  const deps = Object.keys(JSON.parse(readFileSync(pkgFile, 'utf8')).dependencies ?? {});
  for (const dep of deps) {
    // One process per package: a crashing native addon must not hide the others.
    const code = `const m = await import(${JSON.stringify(dep)}); ${exercise[dep] ?? ''}`;
    const r = spawnSync(process.execPath, ['--input-type=module', '-e', code], {
      cwd: dir,
      encoding: 'utf8',
      timeout: 60_000,
    });
    checked += 1;
    if (r.status !== 0) {
      const lines = (r.stderr || r.stdout || String(r.error ?? r.signal)).trim().split('\n');
      const why = lines.find((l) => /^\w*Error\b|Cannot find/.test(l.trim())) ?? lines[lines.length - 1];
      failures.push(`${ws || '.'}: ${dep}: ${why}`);
    }
  }
}

if (failures.length) {
  console.error(`check-runtime-deps: ${failures.length} of ${checked} dependencies failed to load:`);
  for (const f of failures) console.error(`  ${f}`);
  process.exit(1);
}
console.log(`check-runtime-deps: ${checked} production dependencies load (native bindings and PGlite exercised)`);
