#!/usr/bin/env bash
# Tools the ops checks need (helm/test/chart.test.ts runs yamllint on the chart).
# Idempotent: does nothing when yamllint is already installed. Debian/Ubuntu (apt-get).
set -euo pipefail

if command -v yamllint >/dev/null 2>&1; then
  echo "yamllint already installed: $(yamllint --version)"
  exit 0
fi

sudo=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then sudo="sudo"; else
    echo "install-ops-tools: need root (or sudo) to apt-get install yamllint" >&2
    exit 1
  fi
fi

export DEBIAN_FRONTEND=noninteractive
# The package lists may be missing or stale on a fresh machine.
if ! $sudo apt-get install -y -qq --no-install-recommends yamllint >/dev/null 2>&1; then
  $sudo apt-get update -qq
  $sudo apt-get install -y -qq --no-install-recommends yamllint >/dev/null
fi
echo "yamllint installed: $(yamllint --version)"
