#!/usr/bin/env bash
# cpack -G DEB, then the package inspected: its computed dependencies name the libraries the
# programs link, it holds the programs, corpus, man pages and completions under /usr, apt
# can install it here (simulated), and, unpacked into a scratch root, its programs index
# their corpus and search it (installed_programs.sh).
#   deb_test.sh BUILD_DIR SOURCE_DIR
set -euo pipefail
build_dir=$1 source_dir=$2
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }

cpack -G DEB -B "$scratch/package" --config "$build_dir/CPackConfig.cmake" > "$scratch/cpack.log" 2>&1 ||
  { cat "$scratch/cpack.log" >&2; fail "cpack -G DEB failed"; }
debs=("$scratch"/package/cs-search_*.deb)
[[ ${#debs[@]} -eq 1 && -f "${debs[0]}" ]] || fail "cpack made no cs-search_*.deb"
deb=${debs[0]}
echo "package: $(basename "$deb"), $(stat -c %s "$deb") bytes"

depends=$(dpkg-deb -f "$deb" Depends)
echo "Depends: $depends"
for library in libc6 libstdc++6 libxapian libicu libboost-program-options libxml2 libyaml-cpp libcmark libxxhash libcld2 libzstd libsimdjson libgmime-3.0-; do
  grep -q "\(^\|, \)$library[0-9.a-z-]* (>=" <<<"$depends" || fail "Depends does not name $library with a version"
done
[[ "$(dpkg-deb -f "$deb" Package)" == cs-search ]] || fail "the package is not named cs-search"

contents=$(dpkg-deb -c "$deb" | awk '{print $NF}')
for file in ./usr/bin/cs-index ./usr/bin/cs-search ./usr/share/man/man1/cs-index.1.gz ./usr/share/man/man1/cs-search.1.gz \
  ./usr/share/bash-completion/completions/cs-search ./usr/share/cs-search/corpus/cfr.org/; do
  grep -qxF "$file" <<<"$contents" || fail "the package lacks $file"
done
if grep -v '^\./usr/' <<<"$contents" | grep -qv '^\./$'; then fail "the package installs outside /usr"; fi

# apt resolves the package's dependencies on this machine (it does not install it).
if command -v apt-get > /dev/null; then
  apt-get install --simulate --no-install-recommends "$deb" > "$scratch/apt.log" 2>&1 ||
    { cat "$scratch/apt.log" >&2; fail "apt-get cannot install $(basename "$deb") here"; }
  grep -q "^Inst cs-search " "$scratch/apt.log" || { cat "$scratch/apt.log" >&2; fail "apt-get would not install cs-search"; }
fi

dpkg-deb -x "$deb" "$scratch/root"
exec "$source_dir/tests/install/installed_programs.sh" "$scratch/root/usr" "$source_dir" "$scratch"
