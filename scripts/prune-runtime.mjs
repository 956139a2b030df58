#!/usr/bin/env node
// Removes from a production node_modules what the server never loads on Linux, so the runtime
// image carries only code it can run. Used by the Dockerfile's prune stage and by
// scripts/image-size.sh (same rules, so the script measures what the image ships).
//
//   node scripts/prune-runtime.mjs <node_modules> [--arch=x64|arm64]
//
// Every rule names why it is safe; scripts/check-runtime-deps.mjs then loads every production
// dependency (and the native bindings) from the pruned tree, so a rule that removes a file the
// server needs fails the build instead of a pod.
import { existsSync, lstatSync, readdirSync, rmSync } from 'node:fs';
import path from 'node:path';

const args = process.argv.slice(2);
const root = args.find((a) => !a.startsWith('--'));
const archArg = args.find((a) => a.startsWith('--arch='))?.slice('--arch='.length) || process.arch;
// Docker's TARGETARCH says amd64 where Node says x64.
const arch = archArg === 'amd64' ? 'x64' : archArg;
if (!root || !existsSync(root) || !['x64', 'arm64'].includes(arch)) {
  console.error('usage: node scripts/prune-runtime.mjs <node_modules> [--arch=x64|arm64|amd64]');
  process.exit(2);
}

/** Bytes of a file or folder (symlinks counted as links, never followed). */
function sizeOf(p) {
  const st = lstatSync(p);
  if (!st.isDirectory()) return st.size;
  let total = 0;
  for (const e of readdirSync(p)) total += sizeOf(path.join(p, e));
  return total;
}

const removed = new Map();
function remove(rule, p) {
  if (!existsSync(p)) return;
  removed.set(rule, (removed.get(rule) ?? 0) + sizeOf(p));
  rmSync(p, { recursive: true, force: true });
}

/** Every installed package folder (scoped and nested node_modules included). */
function packages(dir) {
  const out = [];
  if (!existsSync(dir)) return out;
  for (const name of readdirSync(dir)) {
    if (name.startsWith('.')) continue;
    const p = path.join(dir, name);
    if (name.startsWith('@')) {
      for (const sub of readdirSync(p)) out.push(path.join(p, sub), ...packages(path.join(p, sub, 'node_modules')));
    } else {
      out.push(p, ...packages(path.join(p, 'node_modules')));
    }
  }
  return out;
}

const licence = /^(licen[cs]e|notice|copying|authors|patents)/i;

/** Files anywhere below a package (not descending into nested node_modules). */
function walkFiles(dir, visit) {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    if (e.name === 'node_modules') continue;
    const p = path.join(dir, e.name);
    if (e.isDirectory()) walkFiles(p, visit);
    else visit(p, e.name);
  }
}

const byName = (name) => path.join(root, ...name.split('/'));

// 1. Native binaries for other platforms. onnxruntime-node ships every OS and CPU it supports
//    (bin/napi-v3/<os>/<cpu>); its binding requires bin/napi-v3/${process.platform}/${process.arch}.
for (const napi of existsSync(byName('onnxruntime-node/bin')) ? readdirSync(byName('onnxruntime-node/bin')) : []) {
  const napiDir = path.join(byName('onnxruntime-node/bin'), napi);
  for (const os of readdirSync(napiDir)) {
    if (os !== 'linux') remove('other platforms: onnxruntime-node', path.join(napiDir, os));
    else
      for (const cpu of readdirSync(path.join(napiDir, os))) {
        if (cpu !== arch) remove('other platforms: onnxruntime-node', path.join(napiDir, os, cpu));
      }
  }
}

// 2. Browser runtimes. transformers.js imports onnxruntime-web next to onnxruntime-node but runs
//    inference on onnxruntime-node in Node; Node resolves onnxruntime-web through its "node"
//    export condition (dist/ort.node.min.*), so the WebAssembly/WebGL/WebGPU bundles never load.
const ortWebDist = byName('onnxruntime-web/dist');
if (existsSync(ortWebDist)) {
  for (const f of readdirSync(ortWebDist)) {
    if (!/^ort\.node\.min\.(mjs|js)$/.test(f)) remove('browser runtimes: onnxruntime-web', path.join(ortWebDist, f));
  }
}
const transformersDist = byName('@huggingface/transformers/dist');
if (existsSync(transformersDist)) {
  // Node's export conditions pick dist/transformers.node.{mjs,cjs}; the rest are web builds.
  for (const f of readdirSync(transformersDist)) {
    if (!/^transformers\.node\.(mjs|cjs)$/.test(f))
      remove('browser runtimes: @huggingface/transformers', path.join(transformersDist, f));
  }
  // "main" points at src/, but "exports" (which Node prefers) never does.
  remove('browser runtimes: @huggingface/transformers', byName('@huggingface/transformers/src'));
}

// 3. Type-only packages and files: Node never loads them.
for (const pkg of packages(root)) {
  if (path.basename(path.dirname(pkg)) === '@types') remove('types: @types/* packages', pkg);
}

// 4. Source maps, declarations, TypeScript sources and docs inside every package. Maps only
//    matter with --enable-source-maps (the server's own maps ship with server/dist); license
//    texts stay.
for (const pkg of packages(root)) {
  if (!existsSync(pkg)) continue;
  walkFiles(pkg, (p, name) => {
    if (name.endsWith('.map')) remove('source maps (*.map)', p);
    else if (/\.d\.[cm]?ts$/.test(name)) remove('declarations (*.d.ts)', p);
    else if (/\.[cm]?ts$/.test(name) && !/\.d\.[cm]?ts$/.test(name)) remove('TypeScript sources (*.ts)', p);
    else if (/\.(md|markdown)$/i.test(name) && !licence.test(name)) remove('docs (*.md)', p);
  });
}

let total = 0;
for (const [rule, bytes] of [...removed].sort((a, b) => b[1] - a[1])) {
  total += bytes;
  console.log(`prune-runtime: ${(bytes / 1e6).toFixed(1).padStart(7)} MB  ${rule}`);
}
console.log(`prune-runtime: ${(total / 1e6).toFixed(1).padStart(7)} MB  removed in all (linux-${arch})`);
