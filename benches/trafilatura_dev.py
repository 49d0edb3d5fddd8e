#!/usr/bin/env python3
"""Scores trafilatura on the trafilatura-dev set the way
`cargo bench --bench extract_quality` scores scrapls (the set's README: `with`
segments found are true positives, `without` segments found false positives,
whitespace collapsed, summed over all pages). For the comparison row in
docs/benchmarks.md. Optional: needs `pip install trafilatura lxml_html_clean`.

    python3 benches/trafilatura_dev.py [../shared/bench]
"""
import gzip
import json
import os
import sys

import trafilatura

root = sys.argv[1] if len(sys.argv) > 1 else os.environ.get(
    "SCRAPLS_BENCH_DIR", os.path.join(os.path.dirname(__file__), "..", "..", "shared", "bench"))
base = os.path.join(root, "trafilatura-dev")
with open(os.path.join(base, "evaldata.json")) as f:
    evaldata = json.load(f)


def collapse(s):
    return " ".join(s.split())


tp = fp = fn = near_empty = 0
for entry in evaldata.values():
    with gzip.open(os.path.join(base, "html", entry["file"])) as f:
        text = collapse(trafilatura.extract(f.read()) or "")
    with_ = [s for s in map(collapse, entry["with"]) if s]
    without = [s for s in map(collapse, entry["without"]) if s]
    found = sum(s in text for s in with_)
    tp += found
    fn += len(with_) - found
    fp += sum(s in text for s in without)
    near_empty += bool(with_) and len(text) < 50
p, r = tp / (tp + fp), tp / (tp + fn)
print(f"trafilatura {trafilatura.__version__}: precision {p:.3f} recall {r:.3f} "
      f"F1 {2 * p * r / (p + r):.3f}, near-empty bodies {near_empty}")
