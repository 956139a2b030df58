#!/usr/bin/env bash
# A three-master Redis Cluster on loopback, for trying REDIS_CLUSTER_NODES by hand and for
# CI's preflight (the test suites start their own, on free ports: server/test/support/redis-cluster.ts).
#   scripts/ci/redis-cluster.sh start [port1 port2 port3]   (default 7101 7102 7103)
#   scripts/ci/redis-cluster.sh stop  [port1 port2 port3]
#   scripts/ci/redis-cluster.sh check   start on 7201-7203, wait for cluster_state:ok, stop
# Data and nodes.conf live under ${REDIS_CLUSTER_DIR:-/tmp/gpu-redis-cluster}/<port>.
set -euo pipefail
cmd=${1:-start}
shift || true
ports=("$@")
[ ${#ports[@]} -gt 0 ] || ports=(7101 7102 7103)
root=${REDIS_CLUSTER_DIR:-/tmp/gpu-redis-cluster}

need() {
  command -v redis-server >/dev/null && command -v redis-cli >/dev/null ||
    { echo "redis-server and redis-cli are needed (apt-get install redis-server)"; exit 1; }
  local major
  major=$(redis-server --version | sed -E 's/.* v=([0-9]+).*/\1/')
  [ "$major" -ge 7 ] || { echo "redis-server $major: sharded pub/sub (SPUBLISH) needs Redis 7"; exit 1; }
}

start() {
  need
  for p in "${ports[@]}"; do
    mkdir -p "$root/$p"
    rm -f "$root/$p/nodes.conf"
    redis-server --port "$p" --bind 127.0.0.1 --cluster-enabled yes --cluster-config-file nodes.conf \
      --cluster-node-timeout 2000 --cluster-require-full-coverage no --appendonly yes --save "" \
      --dir "$root/$p" --logfile redis.log --daemonize yes
  done
  for p in "${ports[@]}"; do
    for _ in $(seq 1 50); do redis-cli -p "$p" ping >/dev/null 2>&1 && break; sleep 0.1; done
  done
  redis-cli --cluster create $(printf '127.0.0.1:%s ' "${ports[@]}") --cluster-replicas 0 --cluster-yes >/dev/null
  for p in "${ports[@]}"; do
    for _ in $(seq 1 100); do
      redis-cli -p "$p" cluster info | grep -q 'cluster_state:ok' && break
      sleep 0.1
    done
    redis-cli -p "$p" cluster info | grep -q 'cluster_state:ok' || { echo "node $p: cluster not ok"; exit 1; }
  done
  echo "REDIS_CLUSTER_NODES=$(printf '127.0.0.1:%s,' "${ports[@]}" | sed 's/,$//')"
}

stop() {
  for p in "${ports[@]}"; do redis-cli -p "$p" shutdown nosave >/dev/null 2>&1 || true; done
  for p in "${ports[@]}"; do rm -rf "${root:?}/$p"; done
}

case "$cmd" in
  start) start ;;
  stop) stop ;;
  check)
    ports=(7201 7202 7203)
    trap stop EXIT
    start >/dev/null
    echo "redis cluster: 3 masters reached cluster_state:ok ($(redis-server --version | sed -E 's/.* v=([0-9.]+).*/\1/'))"
    ;;
  *) echo "usage: $0 start|stop|check [ports...]"; exit 2 ;;
esac
