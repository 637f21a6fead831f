#!/usr/bin/env bash
# Runs each libFuzzer target of a CS_FUZZ build for a bounded time on its seed corpus (the
# reader fixtures, the hostile corpus, tests/fuzz/seeds; BUILD/fuzz-seeds/ lists each target's
# folders, and ctest replays them once). A crash, leak, sanitizer report or time-out fails the script and leaves the input as BUILD/fuzz/crash-* to replay:
#   BUILD/fuzz/fuzz_reader_html BUILD/fuzz/crash-...
#
#   scripts/fuzz.sh BUILD [SECONDS_PER_TARGET]
set -euo pipefail
cd "$(dirname "$0")/.."

build_dir=${1:?usage: scripts/fuzz.sh BUILD_DIR [SECONDS]}
seconds=${2:-10}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# Each target's seed folders, as tests/fuzz/CMakeLists.txt lists them (ctest replays them too).
seeds_for() { cat "$build_dir/fuzz-seeds/$1"; }

for target in "$build_dir"/fuzz/fuzz_*; do
  name=$(basename "$target")
  mkdir -p "$work/$name"
  # The first folder is where new inputs go (a scratch copy); the seed folders are read only.
  # shellcheck disable=SC2046
  "$target" "$work/$name" $(seeds_for "$name") -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
    -max_len=65536 -artifact_prefix="$build_dir/fuzz/" -print_final_stats=1 2>"$work/$name.log" || {
    tail -n 40 "$work/$name.log" >&2
    echo "fuzz: $name failed; the input is in $build_dir/fuzz/" >&2
    exit 1
  }
  runs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$work/$name.log" | grep -o '[0-9]*$' || echo "?")
  echo "fuzz: $name: $runs runs in ${seconds}s, no failure"
done
