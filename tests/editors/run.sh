#!/usr/bin/env bash
# The real-editor test suites, from a clean clone:
#   1. builds the release server (cargo build --release) unless SCRAPLS_BIN is given,
#   2. type-checks, unit-tests and packages the VS Code extension into a VSIX
#      (platform-specific, with the server bundled),
#   3. Neovim 0.11: tests/editors/nvim/test.lua in `nvim --headless --clean -l`,
#   4. VS Code: code-server with the VSIX, driven by Chromium (tests/editors/vscode/test.mjs),
#   5. a screenshot of Neovim showing a diagnostic (tmux + Chromium).
# Installs what is missing through scripts/editor-deps.sh (cached in
# ${XDG_CACHE_HOME:-~/.cache}/scrapls-test). Screenshots and logs go to
# test-artifacts/ (SCRAPLS_ARTIFACTS); SCRAPLS_UPDATE_DOCS_IMG=1 also copies
# the screenshots to docs/img/.
#
# Usage: tests/editors/run.sh [all|nvim|vscode]
# Ends with "editors: N passed, N failed[, N skipped]"; exits non-zero on any failure.
set -uo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$ROOT"
WHICH="${1:-all}"
ART="${SCRAPLS_ARTIFACTS:-$ROOT/test-artifacts}"
mkdir -p "$ART"
export NO_PROXY="127.0.0.1,localhost${NO_PROXY:+,$NO_PROXY}" no_proxy="127.0.0.1,localhost${no_proxy:+,$no_proxy}"

# shellcheck source=../../scripts/editor-deps.sh
. "$ROOT/scripts/editor-deps.sh"

TOTAL_PASSED=0
TOTAL_FAILED=0
TOTAL_SKIPPED=0
T_START=$SECONDS

say() { printf '\n=== %s (%ss)\n' "$*" "$((SECONDS - T_START))"; }

# Adds up a suite's "N passed, N failed[, N skipped]" closing line; a suite
# that exits non-zero without one counts as one failure.
tally() {
  local name="$1" rc="$2" log="$3" line p f s
  line="$(grep -E '^[0-9]+ passed, [0-9]+ failed' "$log" | tail -1)"
  if [ -z "$line" ]; then
    echo "FAIL - $name ended (exit $rc) without a summary"
    TOTAL_FAILED=$((TOTAL_FAILED + 1))
    return
  fi
  p="$(sed -E 's/^([0-9]+) passed.*/\1/' <<<"$line")"
  f="$(sed -E 's/^[0-9]+ passed, ([0-9]+) failed.*/\1/' <<<"$line")"
  s="$(sed -nE 's/.*, ([0-9]+) skipped.*/\1/p' <<<"$line")"
  TOTAL_PASSED=$((TOTAL_PASSED + p))
  TOTAL_FAILED=$((TOTAL_FAILED + f))
  TOTAL_SKIPPED=$((TOTAL_SKIPPED + ${s:-0}))
  if [ "$rc" -ne 0 ] && [ "$f" -eq 0 ]; then
    echo "FAIL - $name exited $rc"
    TOTAL_FAILED=$((TOTAL_FAILED + 1))
  fi
}

# Runs a suite, showing its output and keeping it in $ART/NAME.log.
suite() {
  local name="$1"
  shift
  local log="$ART/$name.log" rc
  "$@" 2>&1 | tee "$log"
  rc=${PIPESTATUS[0]}
  tally "$name" "$rc" "$log"
}

fail_setup() {
  echo "FAIL - $*"
  TOTAL_FAILED=$((TOTAL_FAILED + 1))
}

finish() {
  say "done"
  if [ "${SCRAPLS_UPDATE_DOCS_IMG:-0}" = 1 ]; then
    mkdir -p "$ROOT/docs/img"
    for f in "$ART/vscode/vscode-diagnostic.png" "$ART/vscode/vscode-problems.png" \
      "$ART/vscode/vscode-completion.png" "$ART/nvim/nvim-diagnostic.png"; do
      [ -f "$f" ] && cp "$f" "$ROOT/docs/img/" && echo "updated docs/img/$(basename "$f")"
    done
  fi
  local skipped=""
  [ "$TOTAL_SKIPPED" -gt 0 ] && skipped=", $TOTAL_SKIPPED skipped"
  echo "editors: $TOTAL_PASSED passed, $TOTAL_FAILED failed$skipped"
  [ "$TOTAL_FAILED" -eq 0 ]
  exit $?
}

# --- the server ---------------------------------------------------------------
say "server"
if [ -n "${SCRAPLS_BIN:-}" ]; then
  BIN="$(cd "$(dirname "$SCRAPLS_BIN")" && pwd)/$(basename "$SCRAPLS_BIN")"
else
  BIN="$ROOT/target/release/scrapls"
  if [ "${SCRAPLS_SKIP_BUILD:-0}" != 1 ]; then
    cargo build --release --bin scrapls || { fail_setup "cargo build --release"; finish; }
  fi
fi
if [ ! -x "$BIN" ]; then
  fail_setup "no server binary at $BIN"
  finish
fi
export SCRAPLS_BIN="$BIN"
echo "server: $BIN"

# --- Neovim -------------------------------------------------------------------
if [ "$WHICH" = all ] || [ "$WHICH" = nvim ]; then
  say "Neovim: dependencies"
  if deps_nvim; then
    say "Neovim: suite"
    mkdir -p "$ART/nvim/state"
    suite nvim env SCRAPLS_ARTIFACTS="$ART/nvim" XDG_STATE_HOME="$ART/nvim/state" \
      "$NVIM" --headless --clean -l "$ROOT/tests/editors/nvim/test.lua"
    suite nvim-export env SCRAPLS_ARTIFACTS="$ART/nvim" "$NVIM" --headless --clean -l "$ROOT/tests/editors/nvim/export.lua"
    suite nvim-figures env SCRAPLS_ARTIFACTS="$ART/nvim" XDG_STATE_HOME="$ART/nvim/state" "$NVIM" --headless --clean -l "$ROOT/tests/editors/nvim/figures.lua"
    suite nvim-notebook env XDG_STATE_HOME="$ART/nvim/state" "$NVIM" --headless --clean -l "$ROOT/tests/editors/nvim/notebook.lua"
  else
    fail_setup "installing Neovim"
  fi
fi

# --- VS Code ------------------------------------------------------------------
if [ "$WHICH" = all ] || [ "$WHICH" = vscode ]; then
  say "VS Code: dependencies"
  if deps_vscode; then
    say "VS Code: type check, unit tests, package"
    VSIX="$ART/scrapls-linux-x64.vsix"
    (
      cd editors/vscode &&
        with_node24 npm run --silent typecheck &&
        with_node24 npm run --silent test 2>&1 | tee "$ART/vscode-unit.log" &&
        with_node24 node scripts/package.mjs --binary "$BIN" --out "$VSIX" >"$ART/vsce.log" 2>&1
    )
    rc=$?
    if [ $rc -ne 0 ]; then
      cat "$ART/vsce.log" 2>/dev/null | tail -20
      fail_setup "type check / unit tests / packaging of the extension (exit $rc)"
    else
      p="$(sed -nE 's/^. pass ([0-9]+)$/\1/p' "$ART/vscode-unit.log" | tail -1)"
      f="$(sed -nE 's/^. fail ([0-9]+)$/\1/p' "$ART/vscode-unit.log" | tail -1)"
      TOTAL_PASSED=$((TOTAL_PASSED + ${p:-0} + 1)) # +1: type check and VSIX
      TOTAL_FAILED=$((TOTAL_FAILED + ${f:-0}))
      echo "ok   - VSIX: $VSIX ($(du -h "$VSIX" | cut -f1))"
      say "VS Code: code-server suite"
      suite vscode env SCRAPLS_ARTIFACTS="$ART/vscode" CODE_SERVER="$CODE_SERVER" NODE="$NODE24_BIN/node" \
        VSIX="$VSIX" CHROMIUM="$CHROMIUM" "$NODE24_BIN/node" "$ROOT/tests/editors/vscode/test.mjs"
      suite vscode-notebook env SCRAPLS_ARTIFACTS="$ART/vscode" CODE_SERVER="$CODE_SERVER" NODE="$NODE24_BIN/node" VSIX="$VSIX" CHROMIUM="$CHROMIUM" "$NODE24_BIN/node" "$ROOT/tests/editors/vscode/notebook.mjs"
      suite vscode-figures env SCRAPLS_ARTIFACTS="$ART/vscode" CODE_SERVER="$CODE_SERVER" NODE="$NODE24_BIN/node" VSIX="$VSIX" CHROMIUM="$CHROMIUM" "$NODE24_BIN/node" "$ROOT/tests/editors/vscode/figures.mjs"
    fi
  else
    fail_setup "installing the VS Code test dependencies"
  fi
  if [ "$WHICH" = all ] && [ -n "${NVIM:-}" ]; then
    say "Neovim: screenshot"
    deps_apt tmux
    suite nvim-screenshot env SCRAPLS_ARTIFACTS="$ART/nvim" NVIM="$NVIM" CHROMIUM="$CHROMIUM" \
      "$NODE24_BIN/node" "$ROOT/tests/editors/nvim/screenshot.mjs"
  fi
fi

if [ "$WHICH" = all ] || [ "$WHICH" = install ]; then say "install.sh into a temporary prefix"; suite install env SCRAPLS_ARTIFACTS="$ART" "$ROOT/tests/editors/install.sh"; fi

finish
