#!/usr/bin/env bash
# Reproduces every figure in docs/benchmarks.md, scrapls and rumdl side by
# side in one run. Needs: cargo, python3 (for rumdl's wheel), hyperfine
# (`apt-get install -y hyperfine`). Nothing here runs under `cargo test`.
#
#   scripts/bench.sh            # everything (about 10 minutes on 2 cores)
#   EDITS=200 scripts/bench.sh  # a quicker latency run
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
venv=$root/.cache/bench-venv
corpus=${CORPUS:-$root/.cache/bench-corpus}
edits=${EDITS:-1000}

echo "## Machine"
echo "nproc: $(nproc)"
grep -m1 'model name' /proc/cpuinfo | sed 's/^.*: /CPU: /'
awk '/MemTotal/ {printf "RAM: %.1f GB\n", $2 / 1048576}' /proc/meminfo
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"

if [ ! -x "$venv/bin/rumdl" ]; then
  python3 -m venv "$venv"
  "$venv/bin/pip" install --quiet rumdl==0.3.0
fi
export RUMDL=$venv/bin/rumdl
echo "rumdl: $("$RUMDL" --version)"

cargo build --release --quiet

echo; echo "## Parse + validate throughput"
cargo bench --quiet --bench parse -- --warm-up-time 1 --measurement-time 5 2>&1 | grep -E '^parse_validate|time:|thrpt:' | grep -v '%'

echo; echo "## Edit cost growth"
cargo bench --quiet --bench edit -- --warm-up-time 1 --measurement-time 3 2>&1 | grep -E '^edit/|time:' | grep -v '%'

echo; echo "## Server latency and memory (stdio, $edits edits)"
cargo bench --quiet --bench lsp_latency -- --edits "$edits"

echo; echo "## scrapls check on 10,000 scraps"
if [ ! -d "$corpus" ]; then
  cargo bench --quiet --bench corpus -- "$corpus" 10000
fi
du -sh --apparent-size "$corpus"
hyperfine --warmup 1 --runs 10 --ignore-failure -N \
  "$root/target/release/scrapls check $corpus" \
  "$RUMDL check --no-cache $corpus"
hyperfine --warmup 1 --runs 10 \
  "find $corpus -name '*.scrap.md' -print0 | xargs -0 cat"
