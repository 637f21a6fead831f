#!/usr/bin/env bash
# Pools the passages to judge for a query set: the top DEPTH hits of each ranking below,
# merged, one line per (query, passage) not judged yet, for a person to read and grade.
# How bench/judged/ was made (see its README); run it again after a ranking changes, judge
# the new lines, and append them to the qrels.
#
#   scripts/pool-judgments.sh DB QUERIES [QRELS] [DEPTH]   # DEPTH default 10
#
# Output: "QID PASSAGE_ID<TAB>PASSAGE TEXT", grouped by ranking. Needs jq.
set -euo pipefail

db=${1:?usage: pool-judgments.sh DB QUERIES [QRELS] [DEPTH]}
queries=${2:?usage: pool-judgments.sh DB QUERIES [QRELS] [DEPTH]}
qrels=${3:-/dev/null}
depth=${4:-10}
search=${CS_SEARCH:-$(dirname "$0")/../build/cs-search}
command -v jq >/dev/null 2>&1 || { echo "pool-judgments: error: jq is needed (apt-get install jq)" >&2; exit 2; }

# The rankings pooled: first stage alone, the default, and a deeper second stage.
rankings=("--rerank 0" "--rerank 30" "--rerank 200")
for ranking in "${rankings[@]}"; do
  # shellcheck disable=SC2086  # the ranking is several words on purpose
  "$search" --db "$db" --batch "$queries" --format jsonl --limit "$depth" --color never $ranking
done | jq -r '"\(.qid) \(.passage_id)\t\(.passage | gsub("[\t\n]"; " "))"' |
  awk -F'\t' -v qrels="$qrels" '
    BEGIN { while ((getline line < qrels) > 0) { split(line, f, /[ \t]+/); if (f[1] !~ /^#/) judged[f[1] " " f[3]] = 1 } }
    !($1 in judged) && !seen[$1]++'
