#include "searcher/cli/manual.hpp"

namespace cs::searcher {

namespace {

constexpr std::string_view kDescription = R"(Ranked passages for a query: the best passage of each matching story, with its title,
source, date and file, and the query's words highlighted. The database is the one
cs-index wrote.)";

constexpr std::string_view kQuerySyntax = R"(- words: any form with the same stem ("calls" finds "call"), in the text or the title;
  articles matching more of them rank first (BM25), each shown by its best passage. In
  English articles a word's British and American spellings match each other (defence and
  defense, labour and labor, colour and color, centre and center: about 50 words). A
  question typed as a sentence ("What did Ortega say about enforcement?") is searched by
  its content words, without its English function words.
- "a phrase": the words side by side in this order, each in any form with the same
  stem; a quoted "word" matches as the word unquoted (the index keeps stems only).
  Typographic quotes make a phrase too: “a phrase”, „a phrase“, «a phrase».
- +word: the article must contain it. -word, NOT word: the article must not.
- a AND b, a OR b, ( ): both; either; grouping. Operators are upper case.
- a NEAR b, a NEAR/3 b: within 10 (or 3) words of each other.
- tariff*: words starting so, by their stems (the 200 most frequent).
- title:word, title:"a phrase": in the title only.
- source:CNN, author:"Jane Doe", topic:trade, lang:en: narrow the words beside them.
- date:2021, date:2021-02..2021-06, date:2021.., date:..2021-06-30: published in that
  span (inclusive).

Case, accents and traditional/simplified Chinese are folded; US and U.S. are the acronym
and do not find the word "us", while lower-case us finds every "us", "US" too; Ing-wen
also finds Ingwen; each article is stemmed in its own language, and a query word is
stemmed in every language of the index, each stem matching only that language's articles (Notícias does not find English "notices"; --lang LANG stems in LANG
only). Pasted text never fails on its punctuation: a word: that is not a field, a URL, an
unclosed quote (it runs to the end), a stray parenthesis and an operator without its words
are read as text, and a note: line on stderr says how. A value the syntax cannot take
(date:2018-02-30, NEAR/x) is a one-line error naming the column, with exit status 2.)";

constexpr std::string_view kFilters = R"(--since and --until take YYYY, YYYY-MM or YYYY-MM-DD (both inclusive); --source,
--author, --topic and --lang take a value each and may be repeated (any of them matches;
--lang fr-FR also matches articles that say fr alone, and --lang English or Deutsch is
the language's code);
different options must all hold. --source and --author match by words ("guardian" finds
The Guardian, "al jazeera" aljazeera.com, "nhk" NHKニュース; in Chinese or Japanese a name's
beginning: "自由時報" 自由時報電子報); a value that names none gets a note with the closest ones. When nothing
matches, the output says how many articles match without each filter. --sort date lists
oldest first, --sort -date newest first, undated articles last either way. --facets and --histogram count every matching
article once, whatever --limit shows. -n all exports every match, written a page of 1,000
at a time; in relevance order, past the best --rerank N, hits follow Xapian's BM25 order.)";

constexpr std::string_view kRanking = R"(Xapian ranks articles by BM25 (--bm25 K1,B, default 0.9,0.4) and keeps each story's
best: near-duplicate articles saved from several outlets are one story, shown once with
"also in". Every passage of the best --rerank N stories is then scored by its own BM25,
its article's BM25, the share of the query's words it and the title hold, proximity, phrase,
title, position, the article's length (a one-sentence item gets little) and, with --recency
HALF_LIFE, recency; each article
shows its best passage and the articles are ranked by it; a list longer than N goes on in
Xapian's order, each hit's BM25 scaled to no more than the last re-ranked score. --like
keeps Xapian's order. --weight NAME=VALUE changes a
signal's weight and --explain shows each hit's components. When a query finds nothing, a
spelling suggestion from the index's own words is printed.)";

constexpr std::string_view kFormats = R"(- text: title, source, date, file and a snippet with the matches highlighted (colour on a
  terminal; --color, NO_COLOR).
- json: one document with every hit; jsonl: one object per hit, and one more line for
  facets. Fields: qid, rank, score, article_id, passage_id, passage_index, title, source,
  author, date, url, path, lang, topics, preview, no_article_text, more_passages, also_in,
  passage, highlights, snippet (highlights and snippet are byte offsets into passage). A value the
  article does not have (title, source, author, date, url, lang) is null, not "".
- tsv: a header row, then one row per hit: qid, rank, score, article_id, passage_id,
  title, source, date, path, passage, author, url, lang (empty when unknown).
- trec: QID Q0 ARTICLE_ID RANK SCORE RUNTAG, for trec_eval.

Text from documents is sanitised before it reaches a terminal.)";

constexpr std::string_view kMore = R"(--synonyms FILE: one rule a line, "china, prc" (each finds the other) or
"potus => president" (one way); # starts a comment.

--like ARTICLE_ID (as printed in jsonl or trec output) finds articles that use the same
telling words, by Xapian's relevance feedback, leaving out the article's own story (its
copies); filters and --facets apply too.

--show ID prints one article whole: its title, source, date, author, language, topics,
path, URL and the story's other articles, then every passage in order under its number
(#0, #1, ...; passage "ARTICLE_ID#N" is #N). ID is an article id, a passage id or the
file's path as results show it. --format json and jsonl print the fields of a hit and
"passages": [{"passage_id", "passage_index", "text"}, ...].)";

constexpr std::string_view kBatch = R"(--batch FILE runs one query per line, "QID<TAB>QUERY" or just "QUERY" (its id is then the
line number); blank lines and lines starting with # are skipped; FILE - reads standard
input. --jobs N answers N queries at once; the output keeps the batch's order.

With --qrels QRELS (TREC judgments, "QID 0 DOCNO GRADE", DOCNO an article id or one
passage's "ARTICLE_ID#INDEX"), the run is scored instead of printed: MRR@10, nDCG@10,
Recall@100 and MAP per query and their mean, as trec_eval computes them over the top 100
hits, and PassHit@10: whether a top-10 hit shows a passage judged relevant on its own.)";

constexpr std::string_view kServe = R"(--serve [HOST:]PORT (default 127.0.0.1:8080; port 0 picks a free one) serves the --db
databases read-only over HTTP until SIGINT or SIGTERM, with the options and config file of
the command line as each request's defaults; a host other than a loopback address gets a
warning, as anyone who reaches it can read the index. It starts before a database exists
(answering 503 until cs-index makes one), and each request sees cs-index's newest commit,
also during --rebuild. Every endpoint answers JSON; results are exactly what --format json
prints for the same query and options:

- GET /api/search?q=QUERY: every option of a query as a parameter: since, until, source,
  author, topic, lang (repeat one for any of several values), sort, limit, offset, facets,
  histogram, rerank, explain (1 or 0), recency, weight (NAME%3DVALUE), bm25. limit plus
  offset reach at most 1000 (cs-search -n all exports more); offset skips the first hits of
  the same ranking.
- GET /api/articles/ID: one article whole, as --show ID --format json.
- GET /api/like/ID: articles like one, as --like ID, with the same parameters but q.
- GET /api/suggest?q=TEXT: {"query", "completions": [{"query", "articles"}], "spelling"}:
  the last word completed from the index's words, most frequent first, or when none
  completes it, the query corrected ("Did you mean"; null when nothing is).
- POST /api/batch: one JSON object a line ({"qid": "1", "q": "...", "since": "2020",
  "source": ["a", "b"]}), and a line for each (application/x-ndjson): the query's answer,
  or {"qid", "error"}.
- GET /healthz: {"status": "ok", "documents", "last_commit"}; GET /metrics: requests by
  route and status, errors, latency histogram, documents and last commit, for Prometheus.

Errors are {"error": {"message", "column"}} (column for a query error): 400 for a bad
request, 404 for an unknown article or page, 405 for another method than the route's (with
an Allow header), 408 when a request does not arrive within
--request-timeout, 413 for a batch over 1 MB or 1000 queries, 414 for a URL over 4096 bytes
or a query over 2000, 503 while there is no database. No file is ever served, and every
answer carries a Content-Security-Policy, nosniff and frame-ancestors 'none'.

    cs-search --serve 8080 &
    curl 'http://127.0.0.1:8080/api/search?q=Taiwan&since=2021&facets=source'
    curl 'http://127.0.0.1:8080/api/articles/cfr.org/2025-01-17-xi-and-trump-speak-via-phone.txt'
    curl 'http://127.0.0.1:8080/api/like/cfr.org/2025-01-17-xi-and-trump-speak-via-phone.txt?limit=3'
    curl 'http://127.0.0.1:8080/api/suggest?q=phone%20dipl'
    printf '{"qid": "1", "q": "Taiwan"}\n{"qid": "2", "q": "trade", "limit": 3}\n' |
      curl --data-binary @- http://127.0.0.1:8080/api/batch
    curl http://127.0.0.1:8080/healthz
    curl http://127.0.0.1:8080/metrics)";

constexpr std::string_view kDatabases = R"(Several --db are searched as one collection. A --db may be a database folder, a sharded
folder (cs-index --shards) or a Xapian stub file listing databases, one a line: local
("auto PATH") or remote ("remote HOST:PORT", served by xapian-tcpsrv). Rankings, filters,
facets and story collapsing are those of one database holding everything; spelling
suggestions come from local databases only. A remote shard that does not answer within
--shard-timeout is left out: the others answer, a warning names it, and JSON says
"partial": true with the shard counts; --strict-shards makes it an error instead.)";

constexpr std::string_view kExitStatus = R"(- 0: results found.
- 1: no results (with --show: no such article).
- 2: a usage, query or database error (no database yet: run cs-index); in a batch, any
  query that failed.)";

constexpr std::string_view kEnvironment = R"(- CS_DB: the database when --db is not given.
- XDG_DATA_HOME: the default database is $XDG_DATA_HOME/cs-search/db.
- XDG_CONFIG_HOME: where the config file is looked for.
- HOME: the defaults when the XDG variables are unset (~/.local/share, ~/.config).
- NO_COLOR: when set, --color auto prints no colour.)";

constexpr std::string_view kFiles = R"(- ~/.config/cs-search/cs-search.conf: default options, one "option = value" a line with
  the long option names ("limit = 20"), # comments; the command line wins. --config FILE
  reads another file.
- ~/.local/share/cs-search/db: the database, unless --db, CS_DB or XDG_DATA_HOME says
  otherwise (where cs-index writes by default).)";

constexpr std::string_view kExamples = R"(A phrase, a required word and an excluded one, newest first, from 2021 on:

    cs-search '"phone call"' +Xi -Trump --since 2021 --sort -date

A batch run, answered two at a time, as JSON Lines:

    printf 'q1\tTaiwan strait\nq2\ttariffs\n' > queries.tsv
    cs-search --batch queries.tsv --jobs 2 --format jsonl > run.jsonl

A TREC evaluation: score a run against judgments, or print it for trec_eval:

    cs-search --batch queries.tsv --qrels judged.qrels
    cs-search --batch queries.tsv --format trec --run-tag baseline > run.trec

A sharded search over two machines, each serving one shard with xapian-tcpsrv:

    printf 'remote host-a:7431\nremote host-b:7431\n' > news.stub
    cs-search --db news.stub Taiwan --facets source,year)";

}  // namespace

const Manual& cs_search_manual() {
  static const Manual manual{
      .program = "cs-search",
      .summary = "ranked passages from saved news articles",
      .synopsis = {"[OPTIONS] QUERY...", "[OPTIONS] --batch FILE", "[OPTIONS] --like ARTICLE_ID", "[OPTIONS] --show ID", "[OPTIONS] --serve [HOST:]PORT"},
      .description = kDescription,
      .sections = {{"Query syntax", kQuerySyntax},
                   {"Filters and order", kFilters},
                   {"Ranking", kRanking},
                   {"Output formats", kFormats},
                   {"Synonyms, like and show", kMore},
                   {"Batch and evaluation", kBatch},
                   {"Databases", kDatabases},
                   {"HTTP server and API", kServe, true},
                   {"Exit status", kExitStatus, true},
                   {"Environment", kEnvironment, true},
                   {"Files", kFiles, true},
                   {"Examples", kExamples}},
      .choices = {{"format", "text json jsonl tsv trec"},
                  {"color", "auto always never"},
                  {"sort", "relevance date -date"},
                  {"histogram", "year month week day"},
                  {"facets", "source year author topic lang"}},
      .operands_are_paths = false,
      .see_also = "cs-index(1), xapian-tcpsrv(1)"};
  return manual;
}

}  // namespace cs::searcher
