#!/usr/bin/env bash
# Installs scrapls from this clone for a user who has Rust:
#   1. builds the shipped binary (cargo build --locked --profile dist),
#   2. installs it as PREFIX/bin/scrapls (PREFIX: ~/.local, or --prefix),
#   3. builds the VS Code extension with that server inside
#      (PREFIX/share/scrapls/scrapls-PLATFORM-VERSION.vsix; needs Node.js >= 20 and npm)
#      and prints the `code --install-extension` line,
#   4. prints the Neovim (lazy.nvim) spec for this clone's plugin.
# Running it again updates what changed and leaves the rest. --uninstall removes
# exactly what it installed (listed in PREFIX/share/scrapls/installed.txt).
#
# Usage: scripts/install.sh [--prefix DIR] [--profile NAME] [--no-vsix] [--uninstall]
#   --profile release builds faster (no LTO) and gives a larger binary.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
PREFIX="$HOME/.local"
PROFILE=dist
VSIX=1
UNINSTALL=0

usage() { sed -n '2,13s/^# \{0,1\}//p' "${BASH_SOURCE[0]}"; }
die() { echo "install.sh: $*" >&2; exit 1; }

while [ $# -gt 0 ]; do
  case "$1" in
    --prefix) [ $# -ge 2 ] || die "--prefix needs a directory"; PREFIX="$2"; shift 2 ;;
    --prefix=*) PREFIX="${1#--prefix=}"; shift ;;
    --profile) [ $# -ge 2 ] || die "--profile needs a name"; PROFILE="$2"; shift 2 ;;
    --no-vsix) VSIX=0; shift ;;
    --uninstall) UNINSTALL=1; shift ;;
    -h | --help) usage; exit 0 ;;
    *) usage >&2; die "unknown argument: $1" ;;
  esac
done
if [ "$UNINSTALL" = 1 ] && [ ! -d "$PREFIX" ]; then
  echo "scrapls is not installed in $PREFIX: nothing to do"
  exit 0
fi
mkdir -p "$PREFIX"
PREFIX="$(cd "$PREFIX" && pwd)"
BIN="$PREFIX/bin/scrapls"
SHARE="$PREFIX/share/scrapls"
MANIFEST="$SHARE/installed.txt"

if [ "$UNINSTALL" = 1 ]; then
  if [ ! -f "$MANIFEST" ]; then
    echo "scrapls is not installed in $PREFIX (no $MANIFEST): nothing to do"
    exit 0
  fi
  while IFS= read -r f; do
    [ -n "$f" ] && rm -f -- "$f" && echo "removed $f"
  done <"$MANIFEST"
  rm -f -- "$MANIFEST"
  rmdir -- "$SHARE" 2>/dev/null || true
  echo "scrapls uninstalled from $PREFIX"
  echo "VS Code: code --uninstall-extension scrapls.scrapls"
  exit 0
fi

command -v cargo >/dev/null || die "cargo not found: install Rust (rustup) first"
mkdir -p "$PREFIX/bin" "$SHARE"
installed=()

# Puts $1 at $2 unless an identical file is there (atomic: copy, then rename).
put() {
  local from="$1" to="$2"
  installed+=("$to")
  if [ -f "$to" ] && cmp -s "$from" "$to"; then
    echo "up to date: $to"
    return
  fi
  cp -- "$from" "$to.tmp.$$"
  chmod 755 "$to.tmp.$$"
  mv -f -- "$to.tmp.$$" "$to"
  echo "installed: $to"
}

echo "== building scrapls (cargo build --locked --profile $PROFILE)"
built="$(cd "$ROOT" && cargo build --locked --profile "$PROFILE" --bin scrapls --message-format json-render-diagnostics |
  sed -nE 's/.*"reason":"compiler-artifact".*"executable":"([^"]+\/scrapls)".*/\1/p' | tail -1)"
[ -n "$built" ] && [ -x "$built" ] || die "cargo build did not produce scrapls"
put "$built" "$BIN"
version="$("$BIN" --version)"
echo "$version"

if [ "$VSIX" = 1 ]; then
  echo "== building the VS Code extension"
  vsix=""
  if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
    echo "skipped: Node.js and npm are needed to build the VSIX (or pass --no-vsix)"
  elif [ "$(node -p 'process.versions.node.split(".")[0]')" -lt 20 ]; then
    echo "skipped: Node.js $(node --version) is too old to build the VSIX (>= 20 needed)"
  else
    ext="$ROOT/editors/vscode"
    stamp="$ext/node_modules/.scrapls-lock-sum"
    sum="$(sha256sum "$ext/package-lock.json" | cut -d' ' -f1)"
    if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$sum" ]; then
      (cd "$ext" && npm ci --no-audit --no-fund --loglevel=error)
      echo "$sum" >"$stamp"
    fi
    target="$(node -p 'process.platform + "-" + process.arch')"
    vsix="$SHARE/scrapls-$target-${version#scrapls }.vsix"
    built_vsix="$(mktemp -d)/scrapls.vsix"
    (cd "$ext" && node scripts/package.mjs --binary "$BIN" --target "$target" --out "$built_vsix" >/dev/null)
    # A VSIX is a zip with dates inside: compare the server it carries.
    if [ -f "$vsix" ] && cmp -s <(unzip -p "$vsix" extension/bin/scrapls extension/package.json) \
      <(unzip -p "$built_vsix" extension/bin/scrapls extension/package.json) 2>/dev/null; then
      installed+=("$vsix")
      echo "up to date: $vsix"
    else
      put "$built_vsix" "$vsix"
      chmod 644 "$vsix"
    fi
    rm -rf -- "$(dirname "$built_vsix")"
  fi
fi

printf '%s\n' "${installed[@]}" >"$MANIFEST"

echo
echo "scrapls is installed: $BIN"
case ":$PATH:" in
  *":$PREFIX/bin:"*) ;;
  *) echo "note: $PREFIX/bin is not on PATH; add it, e.g. export PATH=\"$PREFIX/bin:\$PATH\"" ;;
esac
if [ -n "${vsix:-}" ]; then
  echo "VS Code:  code --install-extension $vsix"
fi
echo "Neovim (lazy.nvim): { dir = '$ROOT/editors/nvim', name = 'scrapls', opts = {} }"
echo "Uninstall: $ROOT/scripts/install.sh${PREFIX:+ --prefix $PREFIX} --uninstall"
