#!/usr/bin/env bash
# The whole test run, as CI does it: install what is missing, build everything with warnings
# as errors, print the benchmarks' figures in a short mode (they never fail the run on a
# time), then run the test suite. The last lines are ctest's summary.
#
#   scripts/test.sh                    # build/ in the source tree
#   CS_BUILD_DIR=/tmp/b scripts/test.sh
#   CS_SANITIZE=address,undefined scripts/test.sh   # the same under ASan + UBSan
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/install-deps.sh

build_dir=${CS_BUILD_DIR:-build}
jobs=$(nproc 2>/dev/null || echo 2)
cmake -S . -B "$build_dir" -DCS_WERROR=ON -DCS_BUILD_TESTS=ON -DCS_BUILD_BENCHMARKS=ON \
  -DCS_SANITIZE="${CS_SANITIZE:-}"
cmake --build "$build_dir" -j"$jobs"

echo "== benchmarks (short mode; figures only, never a failure on time)"
"$build_dir"/bench/analyzer_bench --benchmark_min_time=0.05
"$build_dir"/bench/scoring_bench --benchmark_min_time=0.05
"$build_dir"/bench/search_bench --benchmark_min_time=0.05

echo "== tests"
ctest --test-dir "$build_dir" --output-on-failure --no-label-summary -j"$jobs"
