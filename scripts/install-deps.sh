#!/usr/bin/env bash
# Installs the Debian packages cs-search needs to build, test, package and benchmark, and only
# those that are missing. Runs apt-get as root (directly, or through sudo when present);
# otherwise names the missing packages and the command to install them, and fails.
set -euo pipefail

packages=(
  g++ cmake make pkg-config
  libxapian-dev libicu-dev libboost-program-options-dev
  libyaml-cpp-dev nlohmann-json3-dev libsimdjson-dev libcmark-dev libxml2-dev libcld2-dev libxxhash-dev libzstd-dev zlib1g-dev libjemalloc-dev
  libgmime-3.0-dev        # .mhtml pages
  libcpp-httplib-dev      # cs-search --serve
  libgtest-dev libgmock-dev libbenchmark-dev
  clang libclang-rt-14-dev
  xapian-tools xapian-omega time
  wrk curl jq             # bench/serve-load.sh
  chromium                # the web page's browser test (tests/browser)
  dpkg-dev file man-db    # cpack -G DEB (dpkg-shlibdeps, file); the man page tests (man -l)
)

missing=()
for p in "${packages[@]}"; do
  status=$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null || true)
  [[ "$status" == "install ok installed" ]] || missing+=("$p")
done

if [[ ${#missing[@]} -eq 0 ]]; then
  echo "install-deps: all ${#packages[@]} build packages present"
  exit 0
fi

echo "install-deps: installing ${missing[*]}"
if [[ $(id -u) -eq 0 ]]; then
  apt_get=(apt-get)
elif command -v sudo >/dev/null 2>&1; then
  apt_get=(sudo apt-get)
else
  echo "install-deps: error: not root and no sudo; as root run:" >&2
  echo "  apt-get update && apt-get install -y ${missing[*]}" >&2
  exit 2
fi
export DEBIAN_FRONTEND=noninteractive
"${apt_get[@]}" update -qq
"${apt_get[@]}" install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
echo "install-deps: done"
