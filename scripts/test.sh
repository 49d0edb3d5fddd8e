#!/usr/bin/env bash
# Runs every test: the Rust suites (unit, CLI and language server end to end,
# property tests, local HTTP fetch tests) and the real-editor suites.
# Installs what it needs on a fresh machine; heavy installs are cached under
# ${XDG_CACHE_HOME:-$HOME/.cache}/scrapls-test.
set -euo pipefail
cd "$(dirname "$0")/.."

echo "== cargo test"
cargo test --release

echo "== export: real readers (LibreOffice Calc, Chromium)"; tests/export/run.sh

if [ -x tests/editors/run.sh ]; then
  echo "== editor suites (Neovim, VS Code)"
  tests/editors/run.sh
fi
