#!/usr/bin/env bash
# `cmake --install` into a temporary prefix, then the installed programs on the installed
# corpus (installed_programs.sh).
#   install_test.sh BUILD_DIR SOURCE_DIR
set -euo pipefail
build_dir=$1 source_dir=$2
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
cmake --install "$build_dir" --prefix "$scratch/prefix" > "$scratch/install.log" ||
  { cat "$scratch/install.log" >&2; exit 1; }
exec "$source_dir/tests/install/installed_programs.sh" "$scratch/prefix" "$source_dir" "$scratch"
