#include "indexer/manual.hpp"

namespace cs::indexer {

namespace {

constexpr std::string_view kDescription = R"(Index articles into a cs-search database: web pages, feeds, JSON exports, Markdown notes and
plain text, each cut into passages of at most 120 words that cs-search ranks. PATHs are files
or folders, walked recursively; with none, the bundled corpus is indexed.)";

constexpr std::string_view kFormats = R"(- .txt, .text, or no extension (sniffed): plain text, one paragraph per line. The title
  is the first line that is not site chrome (on a page pasted whole, the first longer line
  after its menus); a dateline and a "By ..." byline (Von, Par, Por, Di, Door when they
  give names) become the date and author; a pasted page's short labels after its last
  paragraph are left out.
- .md, .markdown: CommonMark, with optional YAML front matter holding the record fields;
  [[links]] read as their text, ![[embeds]], callout markers and task boxes as nothing.
- .html, .htm, .xhtml: the page's article, chosen by weighing its paragraphs, links and
  class names (never scripts, navigation, footers, asides, comment threads, link lists or
  share bars); a page that shows no article text (a video page, an index of links, fewer
  than 30 words of paragraphs) is indexed by its description, or by the little it shows
  when it has none, with a warning, and marked no_article_text. Title from
  og:title, JSON-LD headline, an h1 that is not the site's logo, or title, without the
  site's name appended; date from article:published_time, JSON-LD
  datePublished, time datetime or the dateline; author from meta author or JSON-LD;
  source from og:site_name, JSON-LD publisher or the canonical URL's host. The standfirst
  under the headline (the element showing the page's description) is searchable with the
  title when the article's text leaves it out.
- .mhtml, .mht: a page saved as one file (MIME, opened with GMime): its HTML page is read
  as an .html page; its images, style sheets and frames are not articles.
- .rss, .atom, .xml: RSS 2.0, RSS 1.0 and Atom feeds, one article per item or entry
  (content:encoded or content, else description or summary, always read as HTML); an
  item's <source>, else the feed's title, is the source; an empty item is one warning.
  Entities are never expanded and nothing is fetched.
- .json: one object, an array of objects, or an object with the array under articles,
  items, results, data, documents, stories, docs, value (Bing News), news (Currents) or
  hits, also inside "response" or inside one of those holding an object (response.docs,
  articles.results, Elasticsearch's hits.hits, each hit's _source); one article per
  object. A JSON Feed's title, language and authors serve its items. One object per line
  is read as JSON Lines. NewsAPI's "[Removed]" placeholders are skipped; newsdata.io's
  "ONLY AVAILABLE IN PAID PLANS" is no value (the description is the text, marked
  preview). Feedly's and Inoreader's exports (the Google Reader API's items) give text,
  source, address and labels.
- .jsonl, .ndjson: one object per line, one article each; a bad line is reported and
  skipped.

Encodings: UTF-8 (with or without BOM), UTF-16 with a BOM, else the charset the file
declares or ICU detects, else windows-1252. Invalid sequences become U+FFFD.)";

constexpr std::string_view kFields = R"(Front matter and JSON records are read by their usual names:

- id, guid, uuid, uri, _id (else the path relative to the folder indexed; path#N for the
  N-th record of a file; a file named on its own keeps the path its folder gave it)
- title, headline, webTitle, name (Bing News)
- text, body, content, content_html, content_text, bodyText, articleBody, lead_paragraph;
  excerpt, summary, description, abstract, dek, trailText (the text when there is no
  other)
- date_gmt, dateTimePub, pub_date, date, publishedDateTime, published, published_at,
  publishedAt, datePublished, date_published, webPublicationDate, dateTime, pubDate,
  created, seendate, time, the first that reads as a date (ISO 8601, RFC 822, a written
  date, or epoch seconds or milliseconds, also in a string; RFC 822 zone names such as PST
  are fixed offsets); a date given that none reads is a warning, and the article undated
- url, webUrl, web_url, link
- source, source_name, provider, publisher, site_name, site, domain (a string, {name},
  {title} or a list of them); else the URL's host; else the first folder of the path
- author, authors, byline, creator, by (a string, a list or {name}); numbers (an author's
  id) and URLs (a profile's) are no names; RSS's jdoe@example.com (Jane Doe) is Jane Doe
- lang, language: a tag ("en-US"), a three-letter code ("eng") or a name in any case
  ("English", "japanese"), as a BCP 47 tag; else the language CLD2 detects. A text CLD2
  finds confidently in another language is indexed in that one, and --verbose names it.
- topics, tags, keywords, categories, category (a list, or comma-separated; numbers are
  ids; a {name, value} item is its value, as the New York Times' keywords)

A field missing from a record is also looked for in its "fields" object (the Guardian's
content API). A field that is an object is read by its name, title, domain, rendered
(WordPress's REST API), main (the New York Times' headline), original (its byline), or
MongoDB's $date and $oid. In
JSON, a title, source or author holding inline tags (em, b, a, span...) is read as HTML,
and text that holds none has its character references decoded ("Q&amp;A" is "Q&A"); a
title ending with " - " and the record's source loses that ending; front matter is taken
as written.

Other fields are ignored. A text ending in "[+1234 chars]" (a news API's cut) marks the
article a preview.)";

constexpr std::string_view kRuns = R"(Re-running is incremental: only new and changed files are read (size and modification
time, then a content hash), only the changed records of a JSON Lines, JSON or feed file
are rewritten, and the articles of files deleted from under a folder PATH are removed.
--rebuild indexes everything into a fresh database and swaps it in when complete.

The database is committed every --batch-mb MB of text: a killed cs-index leaves it as of
its last commit, and the next run goes on from there. A run that leaves the database (or
a shard) more than a quarter larger than when it was last compacted compacts it into
DB.compact and swaps that in (into DB/.compact, its files moved in, where the parent folder
cannot be written); --compact does so whatever it grew. A killed compaction leaves the
database whole; the next run clears what it left. A second cs-index writing to the
same database gets a "locked" error. Hidden files are not indexed, nor a saved page's
Page_files folder beside Page.html, nor paths matching the
.csignore files of the folders walked, read as git reads .gitignore (patterns relative to
their file's folder, "/" anchors, "dir/" for folders, "!" to keep, a deeper file wins).

The database folder is cs-index's own: it writes the marker file cs-search-database into
every database folder it creates, and never writes to, rebuilds, swaps or deletes a folder
without it, whatever the options: another program's Xapian database (Omega, recoll,
notmuch), a damaged one, or a folder of other files is refused in one line saying what was
found. --db must name a new or empty folder, or one cs-index made. A first run with
--jobs keeps its parts inside the database folder (DB/.parts), so cs-index needs to write
in that folder only, as a service user owning just its database does; --rebuild builds the
new database beside the old one (DB.rebuild) and swaps the two, so it also needs to write
in the parent folder, and says so when it cannot.)";

constexpr std::string_view kScale = R"(--jobs N (default: one thread per core) builds a new database, or a --rebuild, in N parts
at once and merges them with Xapian's compactor; later runs analyse articles on N threads
while one writes. --shards N writes N shard databases DB/shard-1 ... DB/shard-N and a
Xapian stub file DB/XAPIANDB naming them, a thread each, on every run; the count is fixed
until --rebuild. xapian-tcpsrv can serve each shard, and cs-search searches them together.)";

constexpr std::string_view kLimits = R"(Files over --max-file-size are skipped and article text over --max-article-size is cut.
Binary files (NUL bytes) are skipped; JSON nested deeper than 500 levels, XML entity
expansion and YAML aliases are refused; symbolic links to folders are not followed. Each
bad file gets a one-line warning naming it and the reason; the rest still indexes, and
the summary counts what was skipped.

On a terminal, progress (files, MB, rate, ETA) is shown on standard error; --quiet prints
only warnings and errors, --verbose also names each file added, updated or removed,
each article indexed in another language than it declares, and each site line left out
(a short line repeated word for word across a source's articles: "Sign up for our
newsletter"), with its source and the number of articles it was left out of.)";

constexpr std::string_view kExitStatus = R"(- 0: the run completed (bad files are warned about, counted and skipped).
- 2: a usage error; a PATH that does not exist or cannot be read (the rest is still
  indexed); or the database could not be written (locked by another cs-index, read-only,
  a folder cs-index did not make, disk full). The last commit stays intact.)";

constexpr std::string_view kEnvironment = R"(- CS_DB: the database folder when --db is not given.
- XDG_DATA_HOME: the default database is $XDG_DATA_HOME/cs-search/db.
- XDG_CONFIG_HOME: where the config file is looked for.
- HOME: the defaults when the XDG variables are unset (~/.local/share, ~/.config).)";

constexpr std::string_view kFiles = R"(- ~/.config/cs-search/cs-index.conf: default options, one "option = value" a line with
  the long option names ("db = /srv/news/db"), # comments; the command line wins.
  --config FILE reads another file.
- ~/.local/share/cs-search/db: the database, unless --db, CS_DB or XDG_DATA_HOME says
  otherwise. cs-search looks in the same place.
- DB/cs-search-database: the marker that makes a folder cs-index's to write, rebuild or
  delete; DB/cs-index.pid: the process writing it, named to a second writer.
- PREFIX/share/cs-search/corpus: the bundled corpus, indexed when no PATH is given
  (/usr/share/cs-search/corpus from the Debian package).)";

constexpr std::string_view kExamples = R"(Index the bundled corpus into the default database, then your own folders:

    cs-index
    cs-index ~/articles ~/feeds/saved

A database of its own, rebuilt from scratch with two threads:

    cs-index --db /srv/news/db --rebuild --jobs 2 /srv/news/articles

Four shards, each to be served by xapian-tcpsrv:

    cs-index --db /srv/news/sharded --shards 4 /srv/news/articles
    xapian-tcpsrv --port 7431 /srv/news/sharded/shard-1)";

}  // namespace

const Manual& cs_index_manual() {
  static const Manual manual{
      .program = "cs-index",
      .summary = "index saved news articles for cs-search",
      .synopsis = {"[OPTIONS] [PATH...]"},
      .description = kDescription,
      .sections = {{"Formats", kFormats},
                   {"Record fields", kFields},
                   {"Incremental runs", kRuns},
                   {"Threads and shards", kScale},
                   {"Limits and progress", kLimits},
                   {"Exit status", kExitStatus, true},
                   {"Environment", kEnvironment, true},
                   {"Files", kFiles, true},
                   {"Examples", kExamples}},
      .choices = {},
      .operands_are_paths = true,
      .see_also = "cs-search(1), xapian-tcpsrv(1), xapian-compact(1)"};
  return manual;
}

}  // namespace cs::indexer
