#!/usr/bin/env bash
# Smoke test of the embedded defaults: the built server with no DATABASE_URL / REDIS_URL
# must migrate, seed and serve /health and the catalog.
set -euo pipefail
cd "$(dirname "$0")/../.."

dir=$(mktemp -d)
port=$(node -e "const s=require('net').createServer();s.listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})")
log="$dir/server.log"
env -u DATABASE_URL -u REDIS_URL -u GROQ_API_KEY PORT="$port" HOST=127.0.0.1 PGLITE_DIR="$dir/pglite" UPLOADS_DIR="$dir/uploads" \
  node server/dist/main.js >"$log" 2>&1 &
pid=$!
cleanup() { kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; rm -rf "$dir"; }
trap cleanup EXIT

for _ in $(seq 1 120); do
  if curl -fsS "http://127.0.0.1:$port/readyz" >/dev/null 2>&1; then break; fi
  if ! kill -0 "$pid" 2>/dev/null; then echo "server exited:"; cat "$log"; exit 1; fi
  sleep 0.5
done
curl -fsS "http://127.0.0.1:$port/readyz" >/dev/null || { echo "not ready:"; tail -50 "$log"; exit 1; }

health=$(curl -fsS "http://127.0.0.1:$port/health")
echo "health: $health"
echo "$health" | node -e "
const h = JSON.parse(require('fs').readFileSync(0, 'utf8'));
if (h.status !== 'ok') throw new Error('health not ok');
if (h.checks.database.engine !== 'pglite') throw new Error('expected the embedded database');
if (h.checks.redis.status !== 'disabled') throw new Error('expected redis disabled');
"
catalog=$(curl -fsS "http://127.0.0.1:$port/api/gpus?pageSize=5")
echo "$catalog" | node -e "
const c = JSON.parse(require('fs').readFileSync(0, 'utf8'));
if (!(c.total >= 120) || c.items.length !== 5) throw new Error('catalog not seeded: total=' + c.total);
console.log('catalog total:', c.total);
"
home=$(curl -fsS -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/")
[ "$home" = "200" ] || { echo "home page status $home"; exit 1; }
kill -TERM "$pid"
wait "$pid"
echo "embedded smoke test passed"
