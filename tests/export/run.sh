#!/usr/bin/env bash
# Real readers of `scrapls export`, on the three scraps in tests/export/fixtures
# (Hangul, a long URL, a `<script>` in the insight):
#   1. LibreOffice Calc (headless) reads the `--to table` rows as pasted TSV and
#      gives back every cell's text: the title, every label, every value;
#   2. LibreOffice Calc reads the `--to xlsx` workbook and gives back the same
#      cells as the `--to csv` export (read by Python's csv module); the
#      workbook's header is frozen and its links are hyperlinks;
#   3. headless Chromium renders the `--to html` digest: the DOM holds every
#      headline and the `<script>` as text, a screenshot is taken, and the PDF
#      it prints has one scrap per page (pdfinfo, pdftotext).
# Installs libreoffice-calc-nogui, poppler-utils and chromium with apt when
# missing; skips (saying why) only where apt is unavailable. SCRAPLS_BIN picks
# the binary (default: cargo build --release). Artifacts go to
# $SCRAPLS_ARTIFACTS/export (default test-artifacts/export);
# SCRAPLS_UPDATE_DOCS_IMG=1 copies the screenshot to docs/img/digest.png.
# Ends with "export: N passed, N failed[, N skipped]".
set -uo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$ROOT"
ART="${SCRAPLS_ARTIFACTS:-$ROOT/test-artifacts}/export"
rm -rf "$ART"
mkdir -p "$ART"
FIX="$ROOT/tests/export/fixtures"
# shellcheck source=../../scripts/editor-deps.sh
. "$ROOT/scripts/editor-deps.sh"

PASSED=0
FAILED=0
SKIPPED=0
ok() { echo "ok   - $*"; PASSED=$((PASSED + 1)); }
not_ok() { echo "FAIL - $*"; FAILED=$((FAILED + 1)); }
skip() { echo "skip - $*"; SKIPPED=$((SKIPPED + 1)); }
check() { local name="$1"; shift; if "$@"; then ok "$name"; else not_ok "$name"; fi; }
finish() {
  local skipped=""
  [ "$SKIPPED" -gt 0 ] && skipped=", $SKIPPED skipped"
  echo "export: $PASSED passed, $FAILED failed$skipped"
  [ "$FAILED" -eq 0 ]
  exit $?
}

if [ -n "${SCRAPLS_BIN:-}" ]; then
  BIN="$SCRAPLS_BIN"
else
  BIN="$ROOT/target/release/scrapls"
  cargo build --release --bin scrapls || { not_ok "cargo build --release"; finish; }
fi
export SCRAPLS_LANG=ko

# The exports under test, and the CSV that Python reads as the reference.
for f in "$FIX"/*.scrap.md; do
  "$BIN" export "$f" --to table -o "$ART/rows-$(basename "$f" .scrap.md).txt" || not_ok "export --to table $f"
done
"$BIN" export "$FIX" --to csv -o "$ART/week.csv" &&
  "$BIN" export "$FIX" --to xlsx -o "$ART/week.xlsx" &&
  "$BIN" export "$FIX" --to html -o "$ART/digest.html" ||
  { not_ok "scrapls export"; finish; }

have_apt() { command -v apt-get >/dev/null && command -v dpkg-query >/dev/null; }

# --- LibreOffice Calc ----------------------------------------------------------
if ! command -v soffice >/dev/null || ! command -v pdfinfo >/dev/null; then
  if have_apt; then
    deps_apt libreoffice-calc-nogui poppler-utils || not_ok "apt-get install libreoffice-calc-nogui poppler-utils"
  fi
fi
# CSV filter options: separator, text delimiter, UTF-8, first line; on import
# Calc's standard column types (as a plain paste detects them); on export
# every cell as shown.
CSV_OUT='csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true'
calc() {
  soffice "-env:UserInstallation=file://$ART/lo-profile" --headless "$@" --outdir "$ART/calc" \
    >>"$ART/soffice.log" 2>&1
}
if command -v soffice >/dev/null; then
  calc --infilter='Text - txt - csv (StarCalc):9,34,76,1,,,false,false' \
    --convert-to "$CSV_OUT" "$ART"/rows-*.txt
  check "Calc reads the pasted sheet rows of 3 scraps: title, every label, every value" python3 - "$ART" <<'EOF'
import csv, sys
art = sys.argv[1]
week = list(csv.reader(open(f"{art}/week.csv", encoding="utf-8-sig", newline="")))
header, bad = week[0], 0
for name, date in [("1-battery", "2026-11-16"), ("2-rates", "2026-11-18"), ("3-chips", "2026-11-20")]:
    calc = list(csv.reader(open(f"{art}/calc/rows-{name}.csv", encoding="utf-8", newline="")))
    row = next(r for r in week[1:] if r[0] == date)
    want = [["경제신문 스크랩", ""], ["", ""]] + [[h, v] for h, v in zip(header[3:], row[3:])]
    got = [(r + ["", ""])[:2] for r in calc]
    if got != want:
        bad += 1
        for g, w in zip(got, want):
            if g != w:
                print(f"  {name}: Calc gave {g!r}\n  {name}: expected  {w!r}")
        print(f"  {name}: {len(got)} rows, expected {len(want)}")
    if name == "2-rates":
        body = dict(want[2:])["본문 (본문 내용 복사)"]
        assert "\t" in body and "2.50%" in body, body
sys.exit(1 if bad else 0)
EOF
  calc --convert-to "$CSV_OUT" "$ART/week.xlsx"
  check "Calc reads the workbook: every cell as the CSV export has it" python3 - "$ART" <<'EOF'
import csv, sys
art = sys.argv[1]
calc = list(csv.reader(open(f"{art}/calc/week.csv", encoding="utf-8", newline="")))
week = list(csv.reader(open(f"{art}/week.csv", encoding="utf-8-sig", newline="")))
if calc != week:
    for r, (g, w) in enumerate(zip(calc, week)):
        for c, (x, y) in enumerate(zip(g, w)):
            if x != y:
                print(f"  row {r} col {c}: Calc gave {x!r}, expected {y!r}")
    print(f"  {len(calc)} rows, expected {len(week)}")
    sys.exit(1)
assert len(week) == 4 and "<script>" in "".join(week[3]), week
EOF
  check "the workbook's header is frozen and its links are hyperlinks" python3 - "$ART" <<'EOF'
import re, sys, zipfile
z = zipfile.ZipFile(f"{sys.argv[1]}/week.xlsx")
sheet = z.read("xl/worksheets/sheet1.xml").decode()
rels = z.read("xl/worksheets/_rels/sheet1.xml.rels").decode()
assert 'state="frozen"' in sheet and 'ySplit="1"' in sheet, "no frozen header"
assert sheet.count("<hyperlink ") == 3, sheet.count("<hyperlink ")
assert "base-rate-hold-decision" in rels, "long link missing"
assert 'wrapText="1"' in z.read("xl/styles.xml").decode(), "no wrapped text"
EOF
elif have_apt; then
  not_ok "LibreOffice Calc: soffice missing after apt-get install"
else
  skip "LibreOffice Calc: soffice is not installed and apt-get is unavailable here"
  skip "LibreOffice Calc: workbook (same reason)"
  skip "workbook structure (same reason)"
fi

# --- Chromium ------------------------------------------------------------------
if ! command -v chromium >/dev/null && have_apt; then
  deps_chromium || not_ok "apt-get install chromium"
fi
if command -v chromium >/dev/null; then
  chrome() {
    chromium --headless --no-sandbox --disable-gpu --disable-background-networking \
      --disable-component-update --disable-sync --no-first-run \
      --user-data-dir="$ART/chrome-profile" "$@" 2>>"$ART/chromium.log"
  }
  URL="file://$ART/digest.html"
  chrome --dump-dom "$URL" >"$ART/dom.html"
  check "Chromium: the DOM has every headline and the <script> as text" python3 - "$ART" <<'EOF'
import sys
from html.parser import HTMLParser
class Reader(HTMLParser):
    def __init__(self):
        super().__init__(); self.tags = []; self.text = []; self.articles = 0
    def handle_starttag(self, tag, attrs):
        self.tags.append(tag); self.articles += tag == "article"
    def handle_data(self, data): self.text.append(data)
r = Reader(); r.feed(open(f"{sys.argv[1]}/dom.html", encoding="utf-8").read())
text = "".join(r.text)
assert "script" not in r.tags, "a <script> element was created"
assert r.articles == 3, r.articles
for want in ['<script>alert("인사이트")</script>', "2차전지 수출 석 달 만에 반등",
             '기준금리 3회 연속 동결, "가계부채가 변수"', "반도체 장비 수주 20% 증가 & 식각",
             "utm_campaign=weekly-economy-digest-2026-11-18", "<b>굵게</b>"]:
    assert want in text, want
EOF
  chrome --window-size=1000,1500 --hide-scrollbars --screenshot="$ART/digest.png" "$URL" >/dev/null
  check "Chromium: a screenshot of the digest" test -s "$ART/digest.png"
  chrome --no-pdf-header-footer --print-to-pdf="$ART/digest.pdf" "$URL" >/dev/null
  if command -v pdfinfo >/dev/null; then
    check "Chromium: the printed digest has one scrap per page" bash -c '
      pdf="$1"
      pages="$(pdfinfo "$pdf" | sed -nE "s/^Pages: +([0-9]+)/\1/p")"
      [ "$pages" = 3 ] || { echo "  $pages pages"; exit 1; }
      heads=("2차전지 수출 석 달 만에" "기준금리 3회 연속 동결" "반도체 장비 수주 20%")
      for p in 1 2 3; do
        t="$(pdftotext -f $p -l $p "$pdf" -)"
        for i in 0 1 2; do
          if [ $i = $((p - 1)) ]; then grep -qF "${heads[$i]}" <<<"$t" || { echo "  page $p lacks ${heads[$i]}"; exit 1; }
          else ! grep -qF "${heads[$i]}" <<<"$t" || { echo "  page $p has ${heads[$i]}"; exit 1; }; fi
        done
      done' _ "$ART/digest.pdf"
  else
    skip "PDF pages: pdfinfo is not installed and apt-get is unavailable here"
  fi
  if [ "${SCRAPLS_UPDATE_DOCS_IMG:-0}" = 1 ] && [ -s "$ART/digest.png" ]; then
    cp "$ART/digest.png" "$ROOT/docs/img/digest.png" && echo "updated docs/img/digest.png"
  fi
elif have_apt; then
  not_ok "Chromium: chromium missing after apt-get install"
else
  skip "Chromium: not installed and apt-get is unavailable here (DOM, screenshot, PDF)"
fi

finish
