#!/usr/bin/env bash
# Shared by the install and package tests: checks an installed tree under ROOT/PREFIX (the
# programs, the corpus, the man pages and the completion scripts are where they belong),
# then runs the installed cs-index with no PATH, from another folder and with a fresh
# HOME, and checks that it indexed the installed corpus and that cs-search finds it.
#   installed_programs.sh PREFIX SOURCE_DIR SCRATCH
set -euo pipefail
prefix=$1 source_dir=$2 scratch=$3

fail() { echo "FAIL: $*" >&2; exit 1; }

for file in bin/cs-index bin/cs-search share/man/man1/cs-index.1.gz share/man/man1/cs-search.1.gz \
  share/bash-completion/completions/cs-index share/bash-completion/completions/cs-search \
  share/cs-search/corpus/.csignore; do
  [[ -e "$prefix/$file" ]] || fail "$prefix/$file is not installed"
done
diff -r "$source_dir/corpus" "$prefix/share/cs-search/corpus" > /dev/null ||
  fail "the installed corpus differs from corpus/"

# The man pages render without warnings.
for program in cs-index cs-search; do
  warnings=$(LC_ALL=C.UTF-8 MANROFFSEQ='' MANWIDTH=80 man --warnings -E UTF-8 -l -Tutf8 -Z \
    "$prefix/share/man/man1/$program.1.gz" 2>&1 > /dev/null) || fail "man -l $program.1.gz failed: $warnings"
  [[ -z "$warnings" ]] || fail "man -l $program.1.gz warns: $warnings"
done

# The installed completion completes an option of the installed program.
completed=$(bash -c 'source "$1"; COMP_WORDS=(cs-search --form); COMP_CWORD=1; _cs_search; echo "${COMPREPLY[*]}"' \
  _ "$prefix/share/bash-completion/completions/cs-search")
[[ "$completed" == "--format" ]] || fail "completion of 'cs-search --form' gave '$completed'"

# No PATH: the installed corpus, found from the program's own location, not the source tree.
home=$scratch/home
mkdir -p "$home" "$scratch/elsewhere"
cd "$scratch/elsewhere"
run() { env -i PATH=/usr/bin:/bin HOME="$home" LSAN_OPTIONS="${LSAN_OPTIONS:-}" "$@"; }
"$prefix/bin/cs-index" --version | grep -q "^cs-index [0-9.]* (Xapian [0-9.]*, ICU [0-9.]*)$" ||
  fail "cs-index --version does not name the Xapian and ICU versions"
summary=$(run "$prefix/bin/cs-index" --jobs 1) || fail "the installed cs-index failed: $summary"
grep -q "articles added 4," <<<"$summary" || fail "cs-index did not add the 4 bundled articles: $summary"
[[ -d "$home/.local/share/cs-search/db" ]] || fail "no database in the default place under HOME"
hits=$(run "$prefix/bin/cs-search" --format tsv Taiwan) || fail "the installed cs-search found nothing for Taiwan"
grep -q "$prefix/share/cs-search/corpus/cfr.org/" <<<"$hits" ||
  fail "the hits are not from the installed corpus: $hits"
if grep -q "$source_dir/corpus" <<<"$hits"; then fail "the hits come from the source tree's corpus"; fi
echo "ok: $prefix"
