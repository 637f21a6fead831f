// Query latency over a fixed query mix, p50 and p99, in process: the whole cs-search answer
// (parse, first stage, second stage, records, story members, highlights and snippets) next
// to plain Xapian on the same database in the same run:
//   xapian_enquire          QueryParser (English stems) + Enquire BM25 top 10;
//   xapian_enquire_data     the same, reading each hit's stored record;
//   xapian_enquire_snippet  the same, plus MSet::snippet over each hit's whole text (its
//                           passages joined), as a plain Xapian search of articles would;
//   xapian_positions        Enquire for the top 30 stories (collapsed by Xapian, or from the
//                           story keys held in memory as cs-search's sessions hold them: the
//                           cheaper, named under the table),
//                           reading each one's positions of the query's stems (stem by
//                           stem, aimed through the shortest stories' term lists as the
//                           second stage reads them, or not: the cheaper of the two)
//                           and the first 10 hits' records: the
//                           reads cs-search's second stage cannot do without (its default
//                           depth), and nothing else.
// The mix: single words, several words, phrases, a topic filter, and facets counted over
// the whole match set. bench/scale.sh runs it at each corpus size.
//
// With --clients N, the cs_search mix also runs on N threads at once (each its own
// sessions, as the HTTP server's workers have): the in-process reference for a server
// answering N clients, whose latency on fewer cores than clients is mostly queueing
// (bench/serve-load.sh compares with it).
//
// With --cs-only, only cs_search's mix runs: for a profile (perf record) of cs-search alone;
// --kind KIND narrows every measure to one kind of query (word, words, phrase, filtered,
// faceted).
//
// cs_search answers as cs-search's default output (text) does, each hit's story named by its
// other articles' sources (held in the session's memory); cs_search_whole_stories as JSON
// does, reading each of those articles' records (--whole-stories makes it the one measured).
//
//   build/bench/latency_bench --db DB [--rounds N] [--clients N] [--cs-only] [--kind KIND] [--whole-stories]
#include <xapian.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <thread>
#include <unordered_set>
#include <vector>

#include "common/passage_record.hpp"
#include "common/passage_text.hpp"
#include "common/schema.hpp"
#include "common/stored_dictionaries.hpp"
#include "searcher/query/filters.hpp"
#include "searcher/rank/position_reads.hpp"
#include "searcher/retrieve/facets.hpp"
#include "searcher/session.hpp"

namespace cs::bench {
namespace {

using Clock = std::chrono::steady_clock;

struct Mix {
  const char* kind;
  std::vector<std::string> queries;
};

// Words and phrases a person following politics types, as in bench/judged/.
const std::vector<Mix> kMix = {
    {"word", {"Taiwan", "tariff", "slavery", "Cuba", "inflation", "immigration", "railroads", "terrorism"}},
    {"words", {"income tax", "national debt", "health insurance", "foreign aid", "minimum wage", "farm prices"}},
    {"phrase", {"\"Social Security\"", "\"gold standard\"", "\"civil rights\"", "\"balanced budget\""}},
    {"filtered", {"tax", "war", "education", "trade"}},
    {"faceted", {"economy", "army navy", "oil"}},
};

struct Percentiles {
  double p50_us = 0, p99_us = 0;
};

Percentiles percentiles(std::vector<double> micros) {
  std::sort(micros.begin(), micros.end());
  const auto at = [&](double q) { return micros[std::min(micros.size() - 1, static_cast<std::size_t>(q * static_cast<double>(micros.size())))]; };
  return {at(0.50), at(0.99)};
}

// Runs `answer` on every query of the mix `rounds` times (after one warm-up round).
Percentiles measure(int rounds, const std::function<void(const Mix&, const std::string&)>& answer,
                    const std::string& only_kind = "") {
  std::vector<double> micros;
  for (int round = -1; round < rounds; ++round) {
    for (const Mix& mix : kMix) {
      if (!only_kind.empty() && only_kind != mix.kind) continue;
      for (const std::string& query : mix.queries) {
        const auto started = Clock::now();
        answer(mix, query);
        const double us = std::chrono::duration<double, std::micro>(Clock::now() - started).count();
        if (round >= 0) micros.push_back(us);
      }
    }
  }
  return percentiles(std::move(micros));
}

[[noreturn]] void fail(const std::string& what) {
  std::fprintf(stderr, "latency_bench: %s\n", what.c_str());
  std::exit(2);
}

// A session answering as cs-search's default output (text) does: each hit's story named by
// its other articles' sources; with kWhole, as JSON does, by their records.
std::unique_ptr<searcher::SearchSession> open_session(const std::string& db, const std::string& kind,
                                                      searcher::StoryDetail story = searcher::StoryDetail::kSources) {
  searcher::SessionOptions options;
  options.story = story;
  Analyzer analyzer;
  if (kind == "filtered") {
    searcher::SearchFilters filters;
    filters.topics = {"Republican"};
    auto filter = searcher::filter_query(filters, analyzer);
    if (!filter) fail(filter.error().reason);
    options.filter = *filter;
  }
  if (kind == "faceted") options.facets = {searcher::FacetField::kSource, searcher::FacetField::kTopic};
  auto session = searcher::SearchSession::open({db}, std::move(options));
  if (!session) fail(db + ": " + session.error().reason);
  return std::move(*session);
}

int run(int argc, char** argv) {
  std::string db;
  int rounds = 20;
  int clients = 1;
  bool cs_only = false;
  std::string only_kind;
  searcher::StoryDetail story_detail = searcher::StoryDetail::kSources;
  for (int i = 1; i < argc; ++i) {
    if (std::strcmp(argv[i], "--db") == 0 && i + 1 < argc) db = argv[++i];
    else if (std::strcmp(argv[i], "--rounds") == 0 && i + 1 < argc) rounds = std::max(1, std::atoi(argv[++i]));
    else if (std::strcmp(argv[i], "--clients") == 0 && i + 1 < argc) clients = std::clamp(std::atoi(argv[++i]), 1, 64);
    else if (std::strcmp(argv[i], "--cs-only") == 0) cs_only = true;
    else if (std::strcmp(argv[i], "--kind") == 0 && i + 1 < argc) only_kind = argv[++i];
    else if (std::strcmp(argv[i], "--whole-stories") == 0) story_detail = searcher::StoryDetail::kWhole;
    else fail(std::string("unknown argument ") + argv[i] + " (use --db DB [--rounds N] [--clients N] [--cs-only] [--kind KIND] [--whole-stories])");
  }
  if (db.empty()) fail("--db DB is required");
  if (!only_kind.empty() && std::none_of(kMix.begin(), kMix.end(), [&](const Mix& m) { return only_kind == m.kind; })) {
    fail("--kind takes word, words, phrase, filtered or faceted");
  }

  std::map<std::string, std::unique_ptr<searcher::SearchSession>> sessions;
  for (const Mix& mix : kMix) sessions[mix.kind] = open_session(db, mix.kind, story_detail);
  std::size_t hits = 0;
  const Percentiles cs_search = measure(rounds, [&](const Mix& mix, const std::string& query) {
    auto result = sessions[mix.kind]->run("q", query, 10, true);
    if (!result) fail(query + ": " + result.error().reason);
    hits += result->results.hits.size();
  }, only_kind);
  if (cs_only) {
    std::printf("cs_search p50 %.1f us, p99 %.1f us (%zu hits seen)\n", cs_search.p50_us, cs_search.p99_us, hits);
    return 0;
  }

  // The same mix on `clients` threads at once, each starting at another query.
  Percentiles concurrent;
  double concurrent_qps = 0;
  if (clients > 1) {
    std::vector<std::vector<double>> micros(static_cast<std::size_t>(clients));
    const auto started = Clock::now();
    std::vector<std::thread> threads;
    for (int c = 0; c < clients; ++c) {
      threads.emplace_back([&, c] {
        std::map<std::string, std::unique_ptr<searcher::SearchSession>> own;
        for (const Mix& mix : kMix) own[mix.kind] = open_session(db, mix.kind, story_detail);
        std::vector<std::pair<const Mix*, const std::string*>> order;
        for (const Mix& mix : kMix) {
          for (const std::string& query : mix.queries) order.emplace_back(&mix, &query);
        }
        std::rotate(order.begin(), order.begin() + static_cast<std::ptrdiff_t>(static_cast<std::size_t>(c) * 3 % order.size()), order.end());
        for (int round = 0; round < rounds; ++round) {
          for (const auto& [mix, query] : order) {
            const auto begun = Clock::now();
            auto result = own[mix->kind]->run("q", *query, 10, true);
            micros[static_cast<std::size_t>(c)].push_back(std::chrono::duration<double, std::micro>(Clock::now() - begun).count());
          }
        }
      });
    }
    for (std::thread& thread : threads) thread.join();
    const double seconds = std::chrono::duration<double>(Clock::now() - started).count();
    std::vector<double> all;
    for (const auto& one : micros) all.insert(all.end(), one.begin(), one.end());
    concurrent_qps = static_cast<double>(all.size()) / seconds;
    concurrent = percentiles(std::move(all));
  }

  Percentiles whole_stories;
  if (story_detail != searcher::StoryDetail::kWhole) {
    std::map<std::string, std::unique_ptr<searcher::SearchSession>> whole;
    for (const Mix& mix : kMix) whole[mix.kind] = open_session(db, mix.kind, searcher::StoryDetail::kWhole);
    whole_stories = measure(rounds, [&](const Mix& mix, const std::string& query) {
      if (auto result = whole[mix.kind]->run("q", query, 10, true); !result) fail(query + ": " + result.error().reason);
    }, only_kind);
  }

  std::vector<std::pair<std::string, Percentiles>> by_kind;
  for (const Mix& only : kMix) {
    std::vector<double> micros;
    for (int round = 0; round < rounds; ++round) {
      for (const std::string& query : only.queries) {
        const auto started = Clock::now();
        auto result = sessions[only.kind]->run("q", query, 10, true);
        micros.push_back(std::chrono::duration<double, std::micro>(Clock::now() - started).count());
        if (!result) fail(query + ": " + result.error().reason);
      }
    }
    by_kind.emplace_back(only.kind, percentiles(std::move(micros)));
  }

  Xapian::Database database(db);
  StoredDictionaries dictionaries;
  dictionaries.reset({database});
  Xapian::QueryParser parser;
  parser.set_database(database);
  parser.set_stemmer(Xapian::Stem("english"));
  // Plain Xapian asked the question cs-search is asked: words optional and ranked (OR,
  // Xapian's and quest's default; cs-search's since its query language), and every word as
  // its Z-stem, so a phrase is matched on the stems' positions, the only positions
  // cs-index keeps (with STEM_SOME a phrase's unstemmed words have none and it matched
  // nothing; with AND, a words query was a smaller one than cs-search answers).
  parser.set_stemming_strategy(Xapian::QueryParser::STEM_ALL_Z);
  parser.set_default_op(Xapian::Query::OP_OR);
  const auto plain = [&](bool data, bool snippet) {
    return [&, data, snippet](const Mix&, const std::string& query) {
      Xapian::Enquire enquire(database);
      enquire.set_query(parser.parse_query(query, Xapian::QueryParser::FLAG_DEFAULT));
      const Xapian::MSet mset = enquire.get_mset(0, 10);
      for (auto it = mset.begin(); it != mset.end(); ++it) {
        if (!data) continue;
        const Xapian::Document document = it.get_document();
        auto record = decode_article_record(document.get_data(), dictionaries.lookup());
        if (snippet && record) {
          std::string text;
          for (std::uint32_t k = 0; k < record->count; ++k) {
            text.append(unpack_passage_text(document.get_value(schema::passage_text_slot(k)), dictionaries.lookup())
                            .value_or(PassageText{})
                            .text);
            text.append("\n\n");
          }
          const std::string cut = mset.snippet(text, 200, Xapian::Stem("english"));
          hits += cut.empty() ? 0u : 1u;
        }
      }
    };
  };
  const Percentiles enquire = measure(rounds, plain(false, false), only_kind);
  const Percentiles enquire_data = measure(rounds, plain(true, false), only_kind);
  const Percentiles enquire_snippet = measure(rounds, plain(true, true), only_kind);
  // The second stage's reads: each stem's lists in docid order, the position table's cursor
  // aimed at the stem first (searcher/rank/position_reads.hpp) or not, whichever is cheaper
  // on this database (aiming walks a term list: on a few long speeches it costs more than
  // it saves), so the floor is the least of the two.
  const Xapian::Stem english("english");
  // The top 30 stories, collapsed by Xapian (set_collapse_key), or by the program from the
  // story keys it holds in memory, read here before the clock runs (as cs-search's sessions
  // hold them, first_stage.hpp): the best articles ranked uncollapsed, each kept while its
  // story is new, twice the articles asked for again as long as they fall short.
  std::vector<std::string> story_of(static_cast<std::size_t>(database.get_lastdocid()) + 1);
  for (auto v = database.valuestream_begin(schema::kStorySlot); v != database.valuestream_end(schema::kStorySlot); ++v) {
    story_of[v.get_docid()] = *v;
  }
  const auto top_stories = [&](const Xapian::Query& parsed, bool keyed) {
    Xapian::Enquire ranking(database);
    ranking.set_query(parsed);
    std::vector<Xapian::MSetIterator> top;
    if (!keyed) {
      ranking.set_collapse_key(schema::kStorySlot);
      const Xapian::MSet mset = ranking.get_mset(0, 30);
      for (auto it = mset.begin(); it != mset.end(); ++it) top.push_back(it);
      return top;
    }
    std::unordered_set<std::string_view> seen;
    for (Xapian::doccount articles = 60;; articles *= 2) {
      const Xapian::MSet mset = ranking.get_mset(0, articles);
      top.clear();
      seen.clear();
      for (auto it = mset.begin(); it != mset.end() && top.size() < 30; ++it) {
        const std::string& story = story_of[*it];
        if (story.empty() || seen.insert(story).second) top.push_back(it);
      }
      if (top.size() == 30 || mset.size() < articles) return top;
    }
  };
  const auto second_stage_reads = [&](bool aimed, bool keyed) {
    return [&, aimed, keyed](const Mix&, const std::string& query) {
      const Xapian::Query parsed = parser.parse_query(query, Xapian::QueryParser::FLAG_DEFAULT);
      const std::vector<Xapian::MSetIterator> top = top_stories(parsed, keyed);
      std::vector<std::string> stems;
      for (auto t = parsed.get_unique_terms_begin(); t != parsed.get_unique_terms_end(); ++t) {
        const std::string word = (*t).rfind('Z', 0) == 0 ? (*t).substr(1) : *t;
        const std::string stem = schema::stemmed_term("", english(word));
        if (std::find(stems.begin(), stems.end(), stem) == stems.end()) stems.push_back(stem);
      }
      std::sort(stems.begin(), stems.end());
      std::vector<Xapian::docid> by_docid;
      for (const Xapian::MSetIterator& it : top) by_docid.push_back(*it);
      std::sort(by_docid.begin(), by_docid.end());
      // Aimed through the shortest articles' term lists, as the second stage does (it knows
      // their lengths from values it reads anyway; plain Xapian from the documents' lengths).
      std::vector<Xapian::docid> shortest;
      if (aimed) {
        std::vector<std::pair<Xapian::termcount, Xapian::docid>> by_length;
        for (const Xapian::docid document : by_docid) by_length.emplace_back(database.get_doclength(document), document);
        std::sort(by_length.begin(), by_length.end());
        for (const auto& [length, document] : by_length) shortest.push_back(document);
      }
      searcher::PositionReads reads(database, shortest);
      std::size_t read = 0;
      for (const std::string& stem : stems) {
        reads.aim(stem);
        for (const Xapian::docid document : by_docid) {
          for (auto p = database.positionlist_begin(document, stem); p != database.positionlist_end(document, stem); ++p) {
            ++read;
          }
        }
      }
      for (std::size_t rank = 0; rank < std::min<std::size_t>(10, top.size()); ++rank) {
        if (decode_article_record(top[rank].get_document().get_data(), dictionaries.lookup())) ++read;
      }
      hits += read > 0 ? 1u : 0u;
    };
  };
  Percentiles positions{1e300, 1e300};
  std::string positions_by;
  for (const bool keyed : {false, true}) {
    for (const bool aimed : {false, true}) {
      const Percentiles reads = measure(rounds, second_stage_reads(aimed, keyed), only_kind);
      if (reads.p50_us < positions.p50_us) {
        positions = reads;
        positions_by = std::string(keyed ? "collapsed from keys in memory" : "collapsed by Xapian") +
                       (aimed ? ", positions aimed" : "");
      }
    }
  }

  std::printf("latency over %zu queries x %d rounds on %s (%u articles)\n", [&] {
    std::size_t n = 0;
    for (const Mix& mix : kMix) n += only_kind.empty() || only_kind == mix.kind ? mix.queries.size() : 0;
    return n;
  }(), rounds, db.c_str(), database.get_doccount());
  std::printf("  %-24s %10s %10s %12s\n", "", "p50 us", "p99 us", "p50 ratio");
  const auto row = [&](const char* name, const Percentiles& p) {
    std::printf("  %-24s %10.1f %10.1f %11.2fx\n", name, p.p50_us, p.p99_us, p.p50_us / enquire_data.p50_us);
  };
  row("cs_search", cs_search);
  if (clients > 1) row(("cs_search_" + std::to_string(clients) + "_clients").c_str(), concurrent);
  if (story_detail != searcher::StoryDetail::kWhole) row("cs_search_whole_stories", whole_stories);
  row("xapian_enquire", enquire);
  row("xapian_enquire_data", enquire_data);
  row("xapian_enquire_snippet", enquire_snippet);
  row("xapian_positions", positions);
  for (const auto& [kind, p] : by_kind) row(("  cs_search " + kind).c_str(), p);
  std::printf("  (ratio: p50 over xapian_enquire_data's; %zu hits seen; xapian_positions: %s)\n", hits,
              positions_by.c_str());
  // A client's p50 above counts a query from when its thread runs; a client waiting for a core
  // between queries is not counted. Little's law counts it: N clients each wait N / throughput.
  if (clients > 1) {
    std::printf("  (%d clients at once: %.1f queries/s; a query takes each client %.0f us on average, waits included)\n",
                clients, concurrent_qps, clients / concurrent_qps * 1e6);
  }
  return 0;
}

}  // namespace
}  // namespace cs::bench

int main(int argc, char** argv) { return cs::bench::run(argc, argv); }
