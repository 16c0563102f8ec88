#!/usr/bin/env bash
# Builds the corpus the default codebook's precision and recall are measured on (corpus/gold/):
# the bundled corpus (corpus/, with its corpus.yaml) plus the State Council government work
# reports 2000-2025 from ../shared/data (zh/gov_work_reports/by_year, 25 files, 2020 missing in
# the source) under gwr/. Usage: scripts/make-validation-corpus.sh OUT_DIR (OUT_DIR must not exist).
# The same inputs give the same folder, so a sheet drawn from it can be checked again later.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
out="${1:?usage: scripts/make-validation-corpus.sh OUT_DIR}"
reports="$root/../shared/data/zh/gov_work_reports/by_year"
[ -d "$reports" ] || { echo "missing $reports (the shared data lives beside the development checkout)" >&2; exit 2; }
[ -e "$out" ] && { echo "$out exists: give a new folder" >&2; exit 2; }
mkdir -p "$out/gwr"
cp -R "$root/corpus/." "$out/"
rm -rf "$out/gold"
cp "$reports"/gwr_*.txt "$out/gwr/"
# The work reports end with the same Wikisource licence notice: the bundled rule names only the
# Congress report, so widen its files to the reports as well.
sed -i 's#^      - national/2017-10-19th-cpc-congress-report.txt$#&\n      - gwr/*.txt#' "$out/corpus.yaml"
grep -q '^      - gwr/\*.txt$' "$out/corpus.yaml" || { echo "could not extend the wikisource-licence rule in $out/corpus.yaml" >&2; exit 2; }
echo "validation corpus in $out: $(find "$out" -type f ! -name '*.yaml' ! -name '*.md' | wc -l) documents"
