#!/usr/bin/env bash
# The whole test run, as CI does it: install what is missing; build everything with warnings
# as errors and print the benchmarks' figures in a short mode (they never fail the run on a
# time); build the suite again with clang under ASan + UBSan together with the libFuzzer
# targets, fuzz each target briefly and run the suite there; then run the suite of the
# normal build. The last lines are ctest's summary.
#
#   scripts/test.sh                    # build/ and build-sanitize/ in the source tree
#   CS_BUILD_DIR=/tmp/b scripts/test.sh
#   CS_FUZZ_SECONDS=60 scripts/test.sh # fuzz longer (default 5 s a target)
#   CS_SANITIZER_STAGE=0 scripts/test.sh   # skip the sanitizer and fuzz stage
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/install-deps.sh

build_dir=${CS_BUILD_DIR:-build}
sanitize_dir=${CS_SANITIZE_BUILD_DIR:-$build_dir-sanitize}
jobs=$(nproc 2>/dev/null || echo 2)
cmake -S . -B "$build_dir" -DCS_WERROR=ON -DCS_BUILD_TESTS=ON -DCS_BUILD_BENCHMARKS=ON \
  -DCS_SANITIZE="${CS_SANITIZE:-}"
cmake --build "$build_dir" -j"$jobs"

echo "== benchmarks (short mode; figures only, never a failure on time)"
"$build_dir"/bench/analyzer_bench --benchmark_min_time=0.05
"$build_dir"/bench/scoring_bench --benchmark_min_time=0.05
"$build_dir"/bench/search_bench --benchmark_min_time=0.05
CS_BUILD_DIR="$build_dir" bench/scale.sh --short

if [[ "${CS_SANITIZER_STAGE:-1}" != 0 ]]; then
  echo "== ASan + UBSan build with the fuzz targets (clang)"
  CXX=clang++ cmake -S . -B "$sanitize_dir" -DCMAKE_BUILD_TYPE=Debug -DCS_WERROR=ON -DCS_BUILD_TESTS=ON \
    -DCS_BUILD_BENCHMARKS=OFF -DCS_SANITIZE=address,undefined -DCS_FUZZ=ON
  cmake --build "$sanitize_dir" -j"$jobs"
  echo "== fuzzing (${CS_FUZZ_SECONDS:-5} s a target)"
  scripts/fuzz.sh "$sanitize_dir" "${CS_FUZZ_SECONDS:-5}"
  echo "== tests under ASan + UBSan"
  ctest --test-dir "$sanitize_dir" --output-on-failure --no-label-summary -j"$jobs"
fi

echo "== tests"
ctest --test-dir "$build_dir" --output-on-failure --no-label-summary -j"$jobs"
