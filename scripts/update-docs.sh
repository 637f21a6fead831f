#!/usr/bin/env bash
# Rewrites the README's command reference from the programs' own manuals (their
# --generate markdown): the block between each program's BEGIN and END markers. The test
# DocsCli.TheReadmeReferenceIsWhatTheProgramsGenerate fails until this is run after a change
# to an option or to a manual (indexer/manual.cpp, searcher/cli/manual.cpp).
#   scripts/update-docs.sh [BUILD_DIR]     # default build/; build it first
set -euo pipefail
cd "$(dirname "$0")/.."
build_dir=${1:-build}
readme=README.md
for program in cs-index cs-search; do
  binary=$build_dir/$program
  [[ -x "$binary" ]] || { echo "update-docs: error: no $binary; build first (cmake --build $build_dir)" >&2; exit 2; }
  begin="<!-- BEGIN $program --generate markdown (scripts/update-docs.sh rewrites this) -->"
  end="<!-- END $program --generate markdown -->"
  grep -qxF "$begin" "$readme" && grep -qxF "$end" "$readme" ||
    { echo "update-docs: error: $readme lacks the markers for $program:" >&2; echo "  $begin" >&2; echo "  $end" >&2; exit 2; }
  generated=$(mktemp)
  "$binary" --generate markdown > "$generated"
  awk -v begin="$begin" -v end="$end" -v generated="$generated" '
    $0 == begin { print; while ((getline line < generated) > 0) print line; skipping = 1; next }
    $0 == end { skipping = 0 }
    !skipping { print }' "$readme" > "$readme.new"
  mv "$readme.new" "$readme"
  rm -f "$generated"
done
echo "update-docs: $readme's reference rewritten from $build_dir/cs-index and $build_dir/cs-search"
