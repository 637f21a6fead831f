#include "searcher/retrieve.hpp"

#include <algorithm>
#include <charconv>
#include <chrono>
#include <cmath>
#include <map>
#include <optional>
#include <set>

#include "common/passage_terms.hpp"
#include "common/passage_text.hpp"
#include "common/schema.hpp"
#include "searcher/candidates.hpp"

namespace cs::searcher {

namespace fs = std::filesystem;

namespace {

Error database_error(const fs::path& path, std::string reason, std::string hint) {
  return Error{ErrorKind::kDatabase, path.string(), "", std::move(reason), std::move(hint)};
}

// Xapian's BM25 arguments past k1 and b: k2 = 0 (no query-length correction), k3 = 1
// (query term frequency barely counts), min_normlen = 0.5, its defaults.
Xapian::BM25Weight make_weight(const Bm25Parameters& p) { return Xapian::BM25Weight(p.k1, 0, 1, p.b, 0.5); }

// Days since 1970-01-01 of an ISO date's first ten characters, or nullopt.
std::optional<std::int64_t> days_since_epoch(std::string_view date) {
  if (date.size() < 10 || date[4] != '-' || date[7] != '-') return std::nullopt;
  int fields[3] = {0, 0, 0};
  const std::size_t starts[3] = {0, 5, 8};
  const std::size_t ends[3] = {4, 7, 10};
  for (std::size_t f = 0; f < 3; ++f) {
    for (std::size_t i = starts[f]; i < ends[f]; ++i) {
      if (date[i] < '0' || date[i] > '9') return std::nullopt;
      fields[f] = fields[f] * 10 + (date[i] - '0');
    }
  }
  const std::chrono::year_month_day ymd{std::chrono::year{fields[0]}, std::chrono::month{static_cast<unsigned>(fields[1])},
                                        std::chrono::day{static_cast<unsigned>(fields[2])}};
  if (!ymd.ok()) return std::nullopt;
  return std::chrono::sys_days{ymd}.time_since_epoch().count();
}

// An article's passage as the second stage chose it: the best-scoring one, its signals, and
// how many of the article's other passages hold a query word.
struct PassageChoice {
  ScoreParts parts;
  std::uint32_t index = 0;
  std::uint32_t more = 0;
};

// A stem the second stage looks for: its positional term and the hash the scoring loop knows.
struct QueryStem {
  std::string term;
  std::uint32_t hash = 0;
};

}  // namespace

// What the second stage works in, kept from query to query: a search scores a few
// thousand passages, and fresh arrays of that size cost page faults each time.
struct SecondStageBuffers {
  std::vector<Xapian::MSetIterator> hits;
  std::vector<std::size_t> by_docid;
  std::vector<ArticleTermsRange> ranges;
  std::vector<float> weights;
  std::vector<float> age_days;
  std::vector<StemPosition> found;           // every article's, in turn
  std::vector<std::pair<std::size_t, std::size_t>> found_of;  // each article's begin, end in `found`
  std::vector<std::uint32_t> arena;          // titles and passage starts
  CandidateArrays arrays;
  KernelBuffers kernel;
  std::vector<ScoreParts> parts;
};

namespace {

// The second stage over the first stage's articles. For each, the positions of the query's
// stems are read from Xapian; its passages are made into candidates and scored by the
// second stage's kernel (candidates.hpp), and the article is represented by its best passage.
std::vector<PassageChoice> choose_passages(const Xapian::Database& db, const Xapian::MSet& mset,
                                           const ParsedQuery& query, const Ranking& ranking, SecondStageBuffers& b) {
  std::vector<std::vector<std::uint32_t>> terms;
  std::vector<QueryStem> stems;
  for (const auto& term_stems : query.scoring_terms) {
    if (terms.size() == kMaxScoringTerms) break;
    std::vector<std::uint32_t>& hashes = terms.emplace_back();
    for (const std::string& stem : term_stems) {
      hashes.push_back(term_hash(stem));
      if (std::none_of(stems.begin(), stems.end(), [&](const QueryStem& s) { return s.hash == hashes.back(); })) {
        stems.push_back({schema::stemmed_term("", stem), hashes.back()});
      }
    }
  }
  ScoringQuery scoring(terms);
  std::uint32_t filler = 0;  // a word that is no query stem
  while (scoring.may_match(filler)) ++filler;

  // Values and positions read in docid order, so neighbouring reads share blocks.
  const std::size_t count = mset.size();
  b.hits.clear();
  for (auto it = mset.begin(); it != mset.end(); ++it) b.hits.push_back(it);
  b.by_docid.resize(count);
  for (std::size_t i = 0; i < count; ++i) b.by_docid[i] = i;
  std::sort(b.by_docid.begin(), b.by_docid.end(), [&](std::size_t x, std::size_t y) { return *b.hits[x] < *b.hits[y]; });
  b.ranges.assign(count, {});
  b.weights.assign(count, 0.0f);
  b.age_days.assign(count, -1.0f);
  b.found.clear();
  b.found_of.assign(count, {0, 0});
  b.arena.clear();
  const bool recency = ranking.weights.recency_half_life_days > 0;
  for (const std::size_t i : b.by_docid) {
    const Xapian::Document document = b.hits[i].get_document();
    b.ranges[i] = decode_article_terms(document.get_value(schema::kArticleTermsSlot), b.arena);
    b.weights[i] = static_cast<float>(b.hits[i].get_weight());
    if (recency) {
      if (const auto days = days_since_epoch(document.get_value(schema::kDateSlot))) {
        b.age_days[i] = static_cast<float>(std::max<std::int64_t>(0, ranking.today - *days));
      }
    }
    const std::size_t begin = b.found.size();
    for (const QueryStem& stem : stems) {
      for (auto p = db.positionlist_begin(*b.hits[i], stem.term); p != db.positionlist_end(*b.hits[i], stem.term); ++p) {
        b.found.push_back({*p, stem.hash});
      }
    }
    std::sort(b.found.begin() + static_cast<std::ptrdiff_t>(begin), b.found.end());
    b.found_of[i] = {begin, b.found.size()};
  }

  // Every passage of every article, as the stretch of its words that holds the query's stems.
  assemble_candidates({b.ranges, b.arena, b.found, b.found_of, b.weights, b.age_days}, filler, b.arrays);
  b.parts.resize(b.arrays.candidates.size());
  score_candidates(scoring, b.weights, static_cast<float>(ranking.bm25.k1), static_cast<float>(ranking.bm25.b),
                   ranking.weights, b.arrays, b.kernel, b.parts);
  std::vector<PassageChoice> choices(count);
  for (std::size_t i = 0; i < count; ++i) {
    PassageChoice& choice = choices[i];
    std::size_t best = b.arrays.first_candidate[i];
    for (std::size_t j = b.arrays.first_candidate[i]; j < b.arrays.first_candidate[i + 1]; ++j) {
      if (b.parts[j].total > b.parts[best].total) best = j;
      if (!b.arrays.candidates[j].text.empty()) ++choice.more;  // holds at least one query stem
    }
    choice.parts = b.parts[best];
    choice.index = b.arrays.candidates[best].passage_index;
    if (!b.arrays.candidates[best].text.empty()) --choice.more;  // the one shown is not "more"
  }
  return choices;
}

// Sorts `order` by the second stage's scores, then newer date, then smaller article id, so
// runs are reproducible.
void rank_by_choice(const Xapian::MSet& mset, const std::vector<PassageChoice>& choices, std::vector<std::size_t>& order) {
  const auto total = [&](std::size_t i) { return choices[i].parts.total; };
  std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return total(a) > total(b); });
  // Ties are rare: date and article id are read only for candidates that share a score.
  for (std::size_t first = 0; first < order.size();) {
    std::size_t last = first + 1;
    while (last < order.size() && total(order[last]) == total(order[first])) ++last;
    if (last - first > 1) {
      std::map<std::size_t, std::pair<std::string, std::string>> keys;  // date, article id
      for (std::size_t k = first; k < last; ++k) {
        const Xapian::Document document = mset[static_cast<Xapian::doccount>(order[k])].get_document();
        keys[order[k]] = {document.get_value(schema::kDateSlot), document.get_value(schema::kArticleIdSlot)};
      }
      std::sort(order.begin() + static_cast<std::ptrdiff_t>(first), order.begin() + static_cast<std::ptrdiff_t>(last),
                [&](std::size_t a, std::size_t b) {
                  if (keys[a].first != keys[b].first) return keys[a].first > keys[b].first;
                  return keys[a].second < keys[b].second;
                });
    }
    first = last;
  }
}

}  // namespace

namespace {

// A whole decimal number from `lowest` to `highest`, or nullopt.
std::optional<float> bounded_number(std::string_view text, float lowest, float highest) {
  float value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (text.empty() || error != std::errc() || end != text.data() + text.size()) return std::nullopt;
  if (!(value >= lowest && value <= highest)) return std::nullopt;
  return value;
}

}  // namespace

Result<ScoringWeights> parse_weights(const std::vector<std::string>& assignments, ScoringWeights weights) {
  for (const std::string& assignment : assignments) {
    const std::size_t equals = assignment.find('=');
    const std::string_view name = std::string_view(assignment).substr(0, equals);
    float* weight = name == "bm25"        ? &weights.first_stage
                    : name == "proximity" ? &weights.proximity
                    : name == "phrase"    ? &weights.phrase
                    : name == "title"     ? &weights.title
                    : name == "position"  ? &weights.position
                    : name == "recency"   ? &weights.recency
                                          : nullptr;
    const auto value = equals == std::string::npos
                           ? std::nullopt
                           : bounded_number(std::string_view(assignment).substr(equals + 1), 0, 10);
    if (weight == nullptr || !value) {
      return Error{ErrorKind::kUsage, "", "", "--weight '" + assignment + "' is not NAME=VALUE",
                   "NAME is bm25, proximity, phrase, title, position or recency; VALUE from 0 to 10"};
    }
    *weight = *value;
  }
  return weights;
}

Result<Bm25Parameters> parse_bm25(std::string_view text) {
  const std::size_t comma = text.find(',');
  const auto k1 = comma == std::string_view::npos ? std::nullopt : bounded_number(text.substr(0, comma), 0, 10);
  const auto b = comma == std::string_view::npos ? std::nullopt : bounded_number(text.substr(comma + 1), 0, 1);
  if (!k1 || !b) {
    return Error{ErrorKind::kUsage, "", "", "--bm25 '" + std::string(text) + "' is not K1,B",
                 "K1 from 0 to 10 and B from 0 to 1, e.g. --bm25 0.9,0.4"};
  }
  return Bm25Parameters{static_cast<double>(*k1), static_cast<double>(*b)};
}

Result<float> parse_half_life(std::string_view text) {
  const Error bad{ErrorKind::kUsage, "", "", "--recency takes a half-life such as 90, 90d, 12w, 6m or 2y",
                  "days unless a unit follows"};
  if (text.empty() || text.size() > 8) return bad;
  float unit = 1;
  switch (text.back()) {
    case 'd': unit = 1; break;
    case 'w': unit = 7; break;
    case 'm': unit = 30; break;
    case 'y': unit = 365; break;
    default: unit = 0;
  }
  if (unit > 0) text.remove_suffix(1);
  if (unit == 0) unit = 1;
  if (text.empty() || !std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; })) return bad;
  const float days = static_cast<float>(std::stoi(std::string(text))) * unit;
  if (days <= 0 || days > 36500) return bad;
  return days;
}

PassageSearcher::PassageSearcher(Xapian::Database db, std::vector<Xapian::Database> parts, fs::path path)
    : db_(std::move(db)), parts_(std::move(parts)), path_(std::move(path)), buffers_(std::make_unique<SecondStageBuffers>()) {
  read_stem_languages();
}

PassageSearcher::~PassageSearcher() = default;

Result<std::unique_ptr<PassageSearcher>> PassageSearcher::open(const std::vector<fs::path>& paths) {
  Xapian::Database all;
  std::vector<Xapian::Database> parts;
  std::string names;
  for (const fs::path& path : paths) {
    std::error_code ec;
    if (!fs::exists(path, ec)) {
      return database_error(path, "no database here", "run cs-index first, or pass --db DIR (or set CS_DB)");
    }
    try {
      Xapian::Database db(path.string());
      const std::string schema = db.get_metadata(std::string(schema::kSchemaVersionKey));
      if (schema != schema::kSchemaVersion) {
        return database_error(path, schema.empty() ? "not a cs-search database" : "written by an incompatible cs-index",
                              "run cs-index to build one, or pass --db DIR");
      }
      all.add_database(db);
      parts.push_back(std::move(db));
    } catch (const Xapian::DatabaseOpeningError& e) {
      return database_error(path, "not a cs-search database (" + e.get_msg() + ")",
                            "run cs-index first, or pass --db DIR (or set CS_DB)");
    } catch (const Xapian::NetworkError& e) {
      return database_error(path, "cannot reach a remote shard (" + e.get_msg() + ")",
                            "check that xapian-tcpsrv runs at the address its stub file names");
    } catch (const Xapian::Error& e) {
      return database_error(path, "cannot open database (" + e.get_description() + ")", "check permissions");
    }
    names += (names.empty() ? "" : ", ") + path.string();
  }
  return std::unique_ptr<PassageSearcher>(new PassageSearcher(std::move(all), std::move(parts), names));
}

double PassageSearcher::term_weight(const std::string& term) const {
  try {
    const Xapian::doccount holding = std::max(db_.get_termfreq(schema::stemmed_term("", term)),
                                              db_.get_termfreq(schema::exact_term("", term)));
    return std::log1p(static_cast<double>(db_.get_doccount()) / static_cast<double>(std::max<Xapian::doccount>(holding, 1)));
  } catch (const Xapian::Error&) {
    return 0;  // a snippet is then chosen by closeness alone
  }
}

void PassageSearcher::read_stem_languages() {
  try {
    std::set<std::string> languages;
    for (Xapian::Database& part : parts_) {
      for (std::string& language : schema::split_list(part.get_metadata(std::string(schema::kStemLanguagesKey)))) {
        languages.insert(std::move(language));
      }
    }
    stem_languages_.assign(languages.begin(), languages.end());
  } catch (const Xapian::Error&) {
    stem_languages_.clear();  // queries fall back to the analyzer's language; the search reports the error
  }
}

Result<SearchResults> PassageSearcher::search(const ParsedQuery& query, std::size_t limit, const Xapian::Query& filter,
                                              SortOrder sort, FacetCounter* spy, const Ranking& ranking) {
  // A writer may commit while we read; Xapian then asks us to reopen and try again.
  constexpr int kAttempts = 3;
  for (int attempt = 1;; ++attempt) {
    try {
      Xapian::Enquire enquire(db_);
      const Xapian::Query matching =
          filter.empty() ? query.query : Xapian::Query(Xapian::Query::OP_FILTER, query.query, filter);
      enquire.set_query(matching);
      if (sort != SortOrder::kRelevance) {
        // By date, then by relevance among articles of the same date. Undated articles have an
        // empty date, which sorts first oldest-first and last newest-first.
        enquire.set_sort_by_value_then_relevance(schema::kDateSlot, sort == SortOrder::kNewestFirst);
      }
      enquire.set_weighting_scheme(make_weight(ranking.bm25));
      enquire.set_collapse_key(schema::kStorySlot);
      if (spy != nullptr) enquire.add_matchspy(&spy->spy());
      const bool second_stage = sort == SortOrder::kRelevance && ranking.second_stage;
      const std::size_t wanted = second_stage ? std::max(limit, ranking.depth) : limit;
      const Xapian::MSet mset = enquire.get_mset(0, static_cast<Xapian::doccount>(wanted),
                                                 spy != nullptr ? db_.get_doccount() : 0);
      // Every article shows its best passage, whatever the order; only relevance order is
      // re-ranked by the passages' scores.
      const std::vector<PassageChoice> choices = choose_passages(db_, mset, query, ranking, *buffers_);
      std::vector<std::size_t> order(mset.size());
      for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
      if (second_stage) rank_by_choice(mset, choices, order);

      SearchResults results;
      results.matching_articles = mset.get_matches_estimated();
      results.second_stage = second_stage;
      results.weights = ranking.weights;
      const std::size_t shown = std::min(limit, order.size());
      results.hits.reserve(shown);
      for (std::size_t rank = 0; rank < shown; ++rank) {
        const Xapian::MSetIterator it = mset[static_cast<Xapian::doccount>(order[rank])];
        const Xapian::Document document = it.get_document();
        auto record = decode_article_record(document.get_data());
        if (!record) {
          Error error = record.error();
          error.path = path_.string();
          return error;
        }
        const PassageChoice& choice = choices[order[rank]];
        record->index = choice.index;
        record->passage_id = passage_id(record->article_id, choice.index);
        auto text = unpack_passage_text(document.get_value(schema::passage_text_slot(choice.index)));
        if (!text) {
          return database_error(path_, "unreadable text of passage " + record->passage_id,
                                "rebuild the database: cs-index --rebuild");
        }
        record->text = std::move(*text);
        auto members = story_members(it.get_collapse_key(), record->article_id);
        if (!members) return members.error();
        Hit hit{second_stage ? static_cast<double>(choice.parts.total) : it.get_weight(), it.get_weight(), choice.more,
                std::move(*record), std::move(*members), second_stage ? choice.parts : ScoreParts{}};
        results.hits.push_back(std::move(hit));
      }
      if (spy != nullptr) results.facets = spy->result(kFacetValuesShown);
      return results;
    } catch (const Xapian::DatabaseModifiedError&) {
      if (attempt == kAttempts) return database_error(path_, "database kept changing during the search", "try again");
      db_.reopen();
      for (Xapian::Database& part : parts_) part.reopen();
      read_stem_languages();
    } catch (const Xapian::Error& e) {
      return database_error(path_, "search failed (" + e.get_description() + ")", "check the database with cs-index");
    }
  }
}

namespace {

// Feedback terms worth expanding with: stems of passage text, not titles, ids or filters.
class TextStemsOnly : public Xapian::ExpandDecider {
 public:
  bool operator()(const std::string& term) const override {
    return term.size() > 1 && term[0] == schema::kStemPrefix[0] && term.compare(1, schema::kTitlePrefix.size(), schema::kTitlePrefix) != 0;
  }
};

// Terms taken from the article: enough to describe it, few enough to stay specific.
constexpr Xapian::termcount kLikeTerms = 25;

}  // namespace

std::string PassageSearcher::suggest(std::string_view query_text, Analyzer& analyzer) {
  // Words of the query, not the operators or field names around them, are corrected.
  std::vector<Token> words;
  analyzer.tokenize(query_text, words);
  std::string suggestion;
  std::size_t copied = 0;
  bool changed = false;
  try {
    for (const Token& word : words) {
      const std::string_view surface = query_text.substr(word.begin, word.end - word.begin);
      if (word.word.size() < 3 || surface == "AND" || surface == "OR" || surface == "NOT" || surface == "NEAR") continue;
      if (word.end < query_text.size() && query_text[word.end] == ':') continue;  // a field name
      if (db_.term_exists(schema::exact_term("", word.word))) continue;
      const std::string corrected = db_.get_spelling_suggestion(word.word, 2);
      if (corrected.empty()) continue;
      suggestion.append(query_text.substr(copied, word.begin - copied)).append(corrected);
      copied = word.end;
      changed = true;
    }
  } catch (const Xapian::Error&) {
    return {};  // a suggestion is a courtesy; a failure to find one is not an error
  }
  if (!changed) return {};
  suggestion.append(query_text.substr(copied));
  return suggestion;
}

Result<ParsedQuery> PassageSearcher::like_query(const std::string& article_id) {
  try {
    const std::string id_term = schema::boolean_term(schema::kArticleIdPrefix, article_id);
    Xapian::RSet relevant;
    for (auto it = db_.postlist_begin(id_term); it != db_.postlist_end(id_term); ++it) relevant.add_document(*it);
    if (relevant.empty()) {
      return Error{ErrorKind::kQuery, "", "", "no article '" + article_id + "' in the database",
                   "give an article_id as cs-search prints it (--format jsonl or trec)"};
    }
    Xapian::Enquire enquire(db_);
    // The article is one document: Bo1 weighs a term by how often the article uses it
    // against how common it is, where the default (which counts relevant documents holding
    // it) could only favour the words no other article has.
    enquire.set_expansion_scheme("bo1");
    const TextStemsOnly decider;
    const Xapian::ESet terms = enquire.get_eset(kLikeTerms, relevant, &decider);
    ParsedQuery parsed;
    std::vector<Xapian::Query> alternatives;
    for (auto it = terms.begin(); it != terms.end(); ++it) {
      alternatives.emplace_back(*it);
      parsed.highlight_stems.push_back((*it).substr(schema::kStemPrefix.size()));
    }
    if (alternatives.empty()) {
      return Error{ErrorKind::kQuery, "", "", "article '" + article_id + "' has no words to compare",
                   "pick an article with text"};
    }
    std::sort(parsed.highlight_stems.begin(), parsed.highlight_stems.end());
    parsed.query = Xapian::Query(Xapian::Query::OP_AND_NOT,
                                 Xapian::Query(Xapian::Query::OP_OR, alternatives.begin(), alternatives.end()),
                                 Xapian::Query(id_term));
    return parsed;
  } catch (const Xapian::Error& e) {
    return database_error(path_, "cannot read article '" + article_id + "' (" + e.get_description() + ")", "try again");
  }
}

Result<std::vector<StoryMember>> PassageSearcher::story_members(const std::string& story,
                                                                const std::string& article_id) {
  std::vector<StoryMember> members;
  const std::string term = schema::boolean_term(schema::kStoryPrefix, story);
  // Most stories are one article: a term frequency lookup settles them without a document read.
  if (db_.get_termfreq(term) <= 1) return members;
  for (auto it = db_.postlist_begin(term); it != db_.postlist_end(term) && members.size() < kMaxStoryMembers; ++it) {
    auto record = decode_article_record(db_.get_document(*it).get_data());
    if (!record) {
      Error error = record.error();
      error.path = path_.string();
      return error;
    }
    if (record->article_id == article_id) continue;
    members.push_back(StoryMember{record->article_id, record->title, record->source, record->date, record->url,
                                  display_path(*record)});
  }
  return members;
}

}  // namespace cs::searcher
