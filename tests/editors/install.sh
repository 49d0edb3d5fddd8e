#!/usr/bin/env bash
# scripts/install.sh as a user runs it, into a temporary prefix, then what it
# installed in real editors:
#   - a working PREFIX/bin/scrapls and a VSIX, with the lines to run next;
#   - run again, it changes nothing;
#   - Neovim (tests/editors/nvim/installed.lua): a fresh Neovim whose only setup
#     is the plugin folder on its package path and require('scrapls').setup(),
#     PREFIX/bin on PATH: filetype, diagnostics, :checkhealth's version check;
#   - VS Code (tests/editors/vscode/bundled.mjs): the VSIX in a fresh
#     code-server, no scrapls on PATH, no settings: the bundled server starts;
#   - --uninstall removes what was installed; run again, it has nothing to do.
# Ends with "N passed, N failed". Uses the editors of scripts/editor-deps.sh.
# SCRAPLS_INSTALL_PROFILE=release passes --profile release (a quicker build
# than the default dist profile, for iterating on this test).
set -uo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
ART="${SCRAPLS_ARTIFACTS:-$ROOT/test-artifacts}/install"
mkdir -p "$ART"
# shellcheck source=../../scripts/editor-deps.sh
. "$ROOT/scripts/editor-deps.sh"
deps_nvim && deps_vscode || { echo "FAIL - editor dependencies"; echo "0 passed, 1 failed"; exit 1; }

passed=0
failed=0
check() { # name, then a command that must succeed
  local name="$1"
  shift
  if "$@" >>"$ART/checks.log" 2>&1; then
    passed=$((passed + 1)); echo "ok   - $name"
  else
    failed=$((failed + 1)); echo "FAIL - $name (see $ART/checks.log)"
  fi
}

T="$(mktemp -d)"
trap 'rm -rf "$T"' EXIT
PREFIX="$T/prefix"
profile=()
[ -n "${SCRAPLS_INSTALL_PROFILE:-}" ] && profile=(--profile "$SCRAPLS_INSTALL_PROFILE")
# The system's PATH less every folder holding a scrapls, Node 24 first (for the VSIX).
clean_path="$(tr ':' '\n' <<<"$NODE24_BIN:$PATH" | while read -r d; do [ -n "$d" ] && [ ! -e "$d/scrapls" ] && echo "$d"; done | paste -sd:)"

PATH="$clean_path" "$ROOT/scripts/install.sh" --prefix "$PREFIX" "${profile[@]}" >"$ART/install-1.log" 2>&1
check "install.sh --prefix exits 0" test $? -eq 0
check "scrapls --version is the crate's version" \
  grep -qx "scrapls $(sed -nE 's/^version = "(.*)"/\1/p' "$ROOT/Cargo.toml" | head -1)" <("$PREFIX/bin/scrapls" --version)
check "the installed scrapls checks the shipped example" "$PREFIX/bin/scrapls" check "$ROOT/examples/sample.scrap.md"
VSIX="$(ls "$PREFIX"/share/scrapls/scrapls-*.vsix 2>/dev/null | head -1)"
check "a platform VSIX with the server inside" sh -c "unzip -l '$VSIX' | grep -q extension/bin/scrapls"
check "it prints the code --install-extension line" grep -qF "code --install-extension $VSIX" "$ART/install-1.log"
check "it prints the lazy.nvim spec" grep -qF "{ dir = '$ROOT/editors/nvim', name = 'scrapls', opts = {} }" "$ART/install-1.log"

PATH="$clean_path" "$ROOT/scripts/install.sh" --prefix "$PREFIX" "${profile[@]}" >"$ART/install-2.log" 2>&1
check "run again: exits 0, everything up to date" \
  sh -c "[ $? -eq 0 ] && grep -q 'up to date: $PREFIX/bin/scrapls' '$ART/install-2.log' && grep -q 'up to date: $VSIX' '$ART/install-2.log' && ! grep -q '^installed:' '$ART/install-2.log'"

# Neovim: the plugin as a package manager leaves it, the server from PATH.
mkdir -p "$T/data/nvim/site/pack/plugins/start" "$T/config/nvim" "$T/ws"
ln -s "$ROOT/editors/nvim" "$T/data/nvim/site/pack/plugins/start/scrapls"
echo "require('scrapls').setup({})" >"$T/config/nvim/init.lua"
cp "$ROOT/tests/editors/fixtures/missing-insight.scrap.md" "$T/ws/"
(cd "$T/ws" && PATH="$PREFIX/bin:$clean_path" XDG_CONFIG_HOME="$T/config" XDG_DATA_HOME="$T/data" \
  XDG_STATE_HOME="$T/state" RESULTS="$T/nvim-results" timeout 60 "$NVIM" --headless \
  -c "luafile $ROOT/tests/editors/nvim/installed.lua" missing-insight.scrap.md >"$ART/nvim.log" 2>&1)
while read -r verdict name; do
  if [ "$verdict" = ok ]; then passed=$((passed + 1)); echo "ok   - Neovim: $name"; else
    failed=$((failed + 1)); echo "FAIL - Neovim: $name"; fi
done <"$T/nvim-results"
check "Neovim reported its checks" test -s "$T/nvim-results"

# VS Code: the VSIX alone.
PATH="$(tr ':' '\n' <<<"$clean_path" | grep -vxF "$NODE24_BIN" | paste -sd:)" SCRAPLS_ARTIFACTS="$ART" \
  CODE_SERVER="$CODE_SERVER" NODE="$NODE24_BIN/node" VSIX="$VSIX" CHROMIUM="$CHROMIUM" \
  "$NODE24_BIN/node" "$ROOT/tests/editors/vscode/bundled.mjs" | tee "$ART/vscode.log"
p="$(sed -nE 's/^([0-9]+) passed, ([0-9]+) failed$/\1/p' "$ART/vscode.log")"
f="$(sed -nE 's/^([0-9]+) passed, ([0-9]+) failed$/\2/p' "$ART/vscode.log")"
passed=$((passed + ${p:-0}))
failed=$((failed + ${f:-1}))

"$ROOT/scripts/install.sh" --prefix "$PREFIX" --uninstall >"$ART/uninstall-1.log" 2>&1
check "--uninstall removes the binary, the VSIX and its list" \
  sh -c "[ ! -e '$PREFIX/bin/scrapls' ] && [ ! -e '$VSIX' ] && [ ! -e '$PREFIX/share/scrapls' ]"
"$ROOT/scripts/install.sh" --prefix "$PREFIX" --uninstall >"$ART/uninstall-2.log" 2>&1
check "--uninstall again: nothing to do, exits 0" sh -c "[ $? -eq 0 ] && grep -q 'nothing to do' '$ART/uninstall-2.log'"

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
