#!/usr/bin/env bash
# Builds pgvector from Debian's own source package (trixie) against the local
# PostgreSQL server headers, because Debian 12 does not package it for PG 15.
# Idempotent: exits at once when the extension is already installed.
set -euo pipefail

PG_MAJOR="${PG_MAJOR:-$(ls /usr/lib/postgresql | sort -n | tail -1)}"
EXT_DIR="$(/usr/lib/postgresql/${PG_MAJOR}/bin/pg_config --sharedir 2>/dev/null || echo /usr/share/postgresql/${PG_MAJOR})/extension"

if [ -f "${EXT_DIR}/vector.control" ]; then
  echo "pgvector already installed for PostgreSQL ${PG_MAJOR}"
  exit 0
fi

# A deb-src entry for trixie, copying URIs and Signed-By of the machine's own source.
src_file=$(ls /etc/apt/sources.list.d/*.sources 2>/dev/null | head -1 || true)
uris=$(grep -m1 '^URIs:' "${src_file:-/dev/null}" | awk '{print $2}' || true)
signed=$(grep -m1 '^Signed-By:' "${src_file:-/dev/null}" | awk '{print $2}' || true)
uris="${uris:-http://deb.debian.org/debian}"
signed="${signed:-/usr/share/keyrings/debian-archive-keyring.gpg}"
cat > /etc/apt/sources.list.d/pgvector-src.sources <<SRC
Types: deb-src
URIs: ${uris}
Suites: trixie
Components: main
Signed-By: ${signed}
SRC

export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq "postgresql-server-dev-${PG_MAJOR}" >/dev/null

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"
apt-get source --download-only pgvector >/dev/null
tar xf pgvector_*.orig.tar.gz
cd "$(find . -maxdepth 1 -type d -name 'pgvector-*' | head -1)"
make -s PG_CONFIG="/usr/lib/postgresql/${PG_MAJOR}/bin/pg_config" >/dev/null
make -s install PG_CONFIG="/usr/lib/postgresql/${PG_MAJOR}/bin/pg_config" >/dev/null
echo "pgvector installed for PostgreSQL ${PG_MAJOR}"
