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

# Each stage says how long it took, so a slower CI run shows where the time went.
stage_started=$SECONDS
stage() {
  echo "== $1 (previous stage took $((SECONDS - stage_started)) s)"
  stage_started=$SECONDS
}

scripts/install-deps.sh
stage "build"

build_dir=${CS_BUILD_DIR:-build}
sanitize_dir=${CS_SANITIZE_BUILD_DIR:-$build_dir-sanitize}
jobs=$(nproc 2>/dev/null || echo 2)
# The default build type's -O2 without its debug information, which more than doubles a
# test file's compile time (CS_RELEASE_FLAGS="-O2 -g -DNDEBUG" to keep it).
cmake -S . -B "$build_dir" -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="${CS_RELEASE_FLAGS:--O2 -DNDEBUG}" -DCS_WERROR=ON -DCS_BUILD_TESTS=ON \
  -DCS_BUILD_BENCHMARKS=ON -DCS_SANITIZE="${CS_SANITIZE:-}"
cmake --build "$build_dir" -j"$jobs"

stage "benchmarks (short mode; figures only, never a failure on time)"
"$build_dir"/bench/analyzer_bench --benchmark_min_time=0.05
"$build_dir"/bench/scoring_bench --benchmark_min_time=0.05
"$build_dir"/bench/search_bench --benchmark_min_time=0.05
CS_BUILD_DIR="$build_dir" bench/scale.sh --short
CS_BUILD_DIR="$build_dir" bench/serve-load.sh --short

if [[ "${CS_SANITIZER_STAGE:-1}" != 0 ]]; then
  stage "ASan + UBSan build with the fuzz targets (clang)"
  # -O1: instrumented code at -O0 runs the suite several times slower for no extra finding;
  # line tables are enough for the sanitizers' reports and cost far less than full -g.
  CXX=clang++ cmake -S . -B "$sanitize_dir" -DCMAKE_BUILD_TYPE=Debug \
    -DCMAKE_CXX_FLAGS_DEBUG="-O1 -gline-tables-only" -DCS_WERROR=ON -DCS_BUILD_TESTS=ON \
    -DCS_BUILD_BENCHMARKS=OFF -DCS_SANITIZE=address,undefined -DCS_FUZZ=ON
  cmake --build "$sanitize_dir" -j"$jobs"
  stage "fuzzing (${CS_FUZZ_SECONDS:-5} s a target)"
  scripts/fuzz.sh "$sanitize_dir" "${CS_FUZZ_SECONDS:-5}"
  stage "tests under ASan + UBSan"
  ctest --test-dir "$sanitize_dir" --output-on-failure --no-label-summary -j"$jobs"
fi

stage "tests"
ctest --test-dir "$build_dir" --output-on-failure --no-label-summary -j"$jobs"
