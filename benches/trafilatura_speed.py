#!/usr/bin/env python3
"""Times trafilatura on the zyte pages, single-threaded, for comparison with
`cargo bench --bench extract_quality` (same pages, same timing: on-CPU time
of the extracting thread, median of 3 runs). Optional: needs
`pip install trafilatura lxml_html_clean`.

    python3 benches/trafilatura_speed.py [../shared/bench]
"""
import gzip
import os
import statistics
import sys
import time

import trafilatura

root = sys.argv[1] if len(sys.argv) > 1 else os.environ.get(
    "SCRAPLS_BENCH_DIR", os.path.join(os.path.dirname(__file__), "..", "..", "shared", "bench"))
html_dir = os.path.join(root, "zyte", "html")
pages = []
for name in sorted(os.listdir(html_dir)):
    with gzip.open(os.path.join(html_dir, name)) as f:
        pages.append(f.read().decode("utf-8", "replace"))

runs = []
for _ in range(3):
    start = time.thread_time()
    for page in pages:
        trafilatura.extract(page)
    runs.append(time.thread_time() - start)
secs = statistics.median(runs)
print(f"trafilatura {trafilatura.__version__}: {len(pages)} pages in {secs:.2f} s on CPU: "
      f"{len(pages) / secs:.0f} pages/s")
