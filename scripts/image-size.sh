#!/usr/bin/env bash
# What the runtime image's node_modules weighs, measured without Docker: installs the production
# dependencies in a temporary folder exactly as the Dockerfile's prune stage does (same
# manifests, `npm ci --omit=dev`, scripts/prune-runtime.mjs, scripts/check-runtime-deps.mjs)
# and prints the total and the ten largest packages.
#
#   scripts/image-size.sh [--embeddings=onnx|none] [--arch=amd64|arm64] [--no-prune] [--keep]
#     --embeddings=none  the EMBEDDINGS_RUNTIME=none variant (no transformers.js / ONNX Runtime)
#     --no-prune         stop after `npm ci --omit=dev` (what the image shipped before pruning)
#     --keep             leave the temporary folder in place and print its path
#
# The image adds the base (debian:bookworm-slim), the node binary and the built app to this:
# `docker image inspect` gives the whole figure where Docker runs (docs/operations.md).
set -euo pipefail
cd "$(dirname "$0")/.."

embeddings=onnx arch=amd64 prune=1 keep=0
for arg in "$@"; do
  case "$arg" in
    --embeddings=onnx | --embeddings=none) embeddings="${arg#*=}" ;;
    --arch=amd64 | --arch=arm64) arch="${arg#*=}" ;;
    --no-prune) prune=0 ;;
    --keep) keep=1 ;;
    *) echo "usage: $0 [--embeddings=onnx|none] [--arch=amd64|arm64] [--no-prune] [--keep]" >&2; exit 2 ;;
  esac
done

work=$(mktemp -d "${TMPDIR:-/tmp}/image-size.XXXXXX")
[ "$keep" -eq 1 ] || trap 'rm -rf "$work"' EXIT

# The files the prune stage copies, and nothing else.
cp package.json package-lock.json .npmrc "$work/"
mkdir -p "$work/scripts"
cp scripts/prepare.mjs scripts/prune-runtime.mjs scripts/check-runtime-deps.mjs "$work/scripts/"
for ws in shared server client; do
  mkdir -p "$work/$ws"
  cp "$ws/package.json" "$work/$ws/package.json"
done

cd "$work"
export ONNXRUNTIME_NODE_INSTALL_CUDA=skip npm_config_fund=false npm_config_audit=false npm_config_update_notifier=false
# Same commands as the Dockerfile's prune stage.
npm ci --omit=dev --loglevel=error >/dev/null
if [ "$embeddings" = none ]; then
  npm uninstall --omit=dev --loglevel=error -w server @huggingface/transformers >/dev/null
fi
if [ "$prune" -eq 1 ]; then
  node scripts/prune-runtime.mjs node_modules --arch="$arch"
  node scripts/check-runtime-deps.mjs .
fi

node --input-type=module - "$work/node_modules" "$embeddings" "$arch" "$prune" <<'EOF'
import { lstatSync, readdirSync } from 'node:fs';
import path from 'node:path';
const [root, embeddings, arch, prune] = process.argv.slice(2);
const size = (p) => {
  const st = lstatSync(p);
  if (!st.isDirectory()) return st.size;
  let t = 0;
  for (const e of readdirSync(p)) t += size(path.join(p, e));
  return t;
};
// A package's own files (its nested node_modules are counted as their own packages).
const own = (p) => readdirSync(p).filter((e) => e !== 'node_modules').reduce((t, e) => t + size(path.join(p, e)), 0);
const byName = new Map();
const visit = (dir) => {
  for (const name of readdirSync(dir)) {
    if (name.startsWith('.')) continue;
    const p = path.join(dir, name);
    const pkgs = name.startsWith('@') ? readdirSync(p).map((s) => [`${name}/${s}`, path.join(p, s)]) : [[name, p]];
    for (const [n, dirOf] of pkgs) {
      byName.set(n, (byName.get(n) ?? 0) + own(dirOf));
      try {
        visit(path.join(dirOf, 'node_modules'));
      } catch {}
    }
  }
};
visit(root);
const mb = (b) => `${(b / 1e6).toFixed(1)} MB`;
const total = size(root);
console.log(
  `node_modules (${prune === '1' ? 'pruned' : 'not pruned'}, linux/${arch}, embeddings=${embeddings}): ${mb(total)} in ${byName.size} packages`,
);
console.log('ten largest packages:');
for (const [n, b] of [...byName].sort((a, b) => b[1] - a[1]).slice(0, 10)) console.log(`  ${mb(b).padStart(9)}  ${n}`);
EOF
[ "$keep" -eq 0 ] || echo "kept: $work"
