#include "searcher/retrieve/retrieve.hpp"

#include <algorithm>
#include <charconv>
#include <chrono>
#include <cmath>

#include "common/passage_record.hpp"
#include "common/passage_text.hpp"
#include "common/schema.hpp"
#include "searcher/query/more_like_this.hpp"
#include "searcher/retrieve/article_lookup.hpp"
#include "searcher/query/spelling.hpp"
#include "searcher/retrieve/first_stage.hpp"
#include "searcher/retrieve/story_members.hpp"

namespace cs::searcher {

namespace {

// A float score as the double of its shortest decimal: 1.734f is shown as 1.734, not as
// 1.7339998483657837 (a new user's trial, in JSON).
double decimal_of(float value) {
  char digits[32];
  const auto written = std::to_chars(digits, digits + sizeof digits, value);
  double decimal = static_cast<double>(value);
  if (written.ec == std::errc()) std::from_chars(digits, written.ptr, decimal);
  return decimal;
}

}  // namespace

Result<std::unique_ptr<PassageSearcher>> PassageSearcher::open(const std::vector<std::filesystem::path>& paths,
                                                               const ShardPolicy& shard_policy) {
  auto databases = open_databases(paths, shard_policy);
  if (!databases) return databases.error();
  return std::unique_ptr<PassageSearcher>(new PassageSearcher(std::move(*databases)));
}

double PassageSearcher::term_weight(const std::string& term) const {
  const Xapian::Database& db = databases_.all;
  try {
    // A term highlighted as the word itself (its stem in the article's language is none of
    // the query's) has no count of its own: it weighs nothing, as one the database cannot say.
    const Xapian::doccount holding = db.get_termfreq(schema::stemmed_term("", term));
    if (holding == 0) return 0;
    return std::log1p(static_cast<double>(db.get_doccount()) / static_cast<double>(holding));
  } catch (const Xapian::Error&) {
    return 0;  // a snippet is then chosen by closeness alone
  }
}

Result<SearchResults> PassageSearcher::search(const ParsedQuery& query, std::size_t limit, const Xapian::Query& filter,
                                              SortOrder sort, FacetCounter* spy, const Ranking& ranking,
                                              std::size_t offset, StoryDetail story) {
  // A writer may commit while we read; Xapian then asks us to reopen and try again.
  return reopening_on_change<SearchResults>(databases_, "search", [&]() -> Result<SearchResults> {
    if (spy != nullptr) {
      const bool remote = databases_.remote();
      std::shared_ptr<const ValueTable> keys =
          remote ? nullptr : databases_.value_tables.shared_table(databases_.all, schema::kFacetKeySlot);
      std::shared_ptr<FacetTally> tally = keys ? databases_.value_tables.facet_tally(schema::kFacetKeySlot) : nullptr;
      spy->restart(remote, std::move(keys), std::move(tally));
    }
    // With no hit to show (-n 0: counts, facets, histogram) there is nothing to re-rank.
    // The second stage scores the hits in any order (--sort date shows scores on relevance
    // order's scale) and re-ranks them in relevance order. A query of no words to find in
    // the passages (--like's terms of an article) is left in the first stage's order: its
    // passages' signals were all 0 and the article's length ranked it (a new user's trial:
    // a long piece on wildfires came before the short ones on the same rate cut).
    const bool second_stage = ranking.second_stage && limit > 0 && offset == 0 && !query.scoring_terms.empty();
    // Filters alone weigh every match alike, and Xapian would keep the first in document
    // order, the order files were indexed in (a new user's trial: "date:2021" began with
    // December 8th where the 28th was indexed); their matches come newest first, and
    // passages do not reorder them (source:BBC came out of date order).
    const bool by_date_alone = query.filters_only && sort == SortOrder::kRelevance;
    const bool reranked = second_stage && sort == SortOrder::kRelevance && !by_date_alone;
    const std::size_t wanted = reranked ? std::max(limit, ranking.depth) : limit;
    const FirstStage first = first_stage(databases_.all, databases_.remote(), query.query, filter,
                                         by_date_alone ? SortOrder::kNewestFirst : sort, ranking.bm25,
                                         spy != nullptr ? &spy->spy() : nullptr, wanted, offset,
                                         &databases_.value_tables);
    // Every article shows its best passage, whatever the order; only relevance order is
    // re-ranked by the passages' scores, and only the first stage's best `ranking.depth`
    // stories, scored together: a limit above the depth adds stories after them in the first
    // stage's order, so that a longer list begins with the shorter one (-n 50's first ten
    // were not -n 10's when all fifty were re-ranked) and --qrels, which lists 100, scores
    // the ranking a search shows.
    const std::size_t scored = reranked ? std::min(first.ranked.size(), ranking.depth) : first.ranked.size();
    std::vector<Xapian::MSetIterator> articles, past_depth;
    for (std::size_t i = 0; i < first.ranked.size(); ++i) (i < scored ? articles : past_depth).push_back(first.ranked[i].at);
    std::vector<PassageChoice> choices = second_stage_.choose_passages(databases_.all, databases_.remote(), articles, query, ranking);
    std::vector<std::size_t> order(articles.size());
    for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
    if (reranked) rank_by_choice(articles, choices, order);
    if (!past_depth.empty()) {
      const std::vector<PassageChoice> chosen =
          second_stage_.choose_passages(databases_.all, databases_.remote(), past_depth, query, ranking);
      choices.insert(choices.end(), chosen.begin(), chosen.end());
      for (std::size_t i = scored; i < first.ranked.size(); ++i) order.push_back(i);
    }

    SearchResults results;
    results.matching_articles = first.stories;
    results.second_stage = second_stage;
    results.weights = ranking.weights;
    results.shards = databases_.shard_counts();
    const std::size_t shown = std::min(limit, order.size());
    results.hits.reserve(shown);
    // Sources are held where story keys are (a session's later searches of a local database).
    const std::shared_ptr<const ValueTable> sources =
        story == StoryDetail::kSources && first.story_table ? databases_.value_tables.source_table(databases_.all) : nullptr;
    // A hit past the depth keeps its place in BM25's order and is scored on the re-ranked
    // hits' scale, at most the last of them: its BM25 times the last re-ranked score over
    // the BM25 of the first hit past the depth. Scores then fall with the rank, whatever the
    // limit (the last re-ranked score and that BM25 do not depend on it).
    double past_depth_scale = 0;
    if (!past_depth.empty() && scored > 0 && past_depth.front().get_weight() > 0) {
      past_depth_scale = decimal_of(choices[order[scored - 1]].parts.total) / past_depth.front().get_weight();
    }
    for (std::size_t rank = 0; rank < shown; ++rank) {
      const RankedArticle& article = first.ranked[order[rank]];
      const bool scored_by_passages = second_stage && order[rank] < scored;
      auto hit = make_hit(article.at, article.story, story, {first.story_table.get(), sources.get()},
                          choices[order[rank]], scored_by_passages);
      if (!hit) return hit.error();
      if (second_stage && !scored_by_passages) hit->score = decimal_of(static_cast<float>(hit->bm25 * past_depth_scale));
      results.hits.push_back(std::move(*hit));
    }
    if (spy != nullptr) results.facets = spy->result(kFacetValuesShown);
    return results;
  });
}

Result<Hit> PassageSearcher::make_hit(const Xapian::MSetIterator& it, const std::string& story, StoryDetail detail,
                                      const StoryTables& tables, const PassageChoice& choice, bool second_stage) {
  const Xapian::Document document = it.get_document();
  const compact_text::DictionaryLookup dictionaries = databases_.dictionaries.lookup();
  auto record = decode_article_record(document.get_data(), dictionaries);
  if (!record) {
    Error error = record.error();
    error.path = databases_.names.string();
    return error;
  }
  record->index = choice.index;
  record->passage_id = passage_id(record->article_id, choice.index);
  auto text = unpack_passage_text(document.get_value(schema::passage_text_slot(choice.index)), dictionaries);
  if (!text) {
    return database_error(databases_.names, "unreadable text of passage " + record->passage_id,
                          "rebuild the database: cs-index --rebuild");
  }
  record->text = std::move(text->text);
  record->sentences = std::move(text->sentences);
  std::vector<Xapian::docid> others;
  if (detail != StoryDetail::kNone) {
    const StoryHit hit{*it, record->article_id};
    const std::uint32_t story_id = tables.stories != nullptr ? tables.stories->id_of(*it) : 0;
    others = story_id != 0 ? story_documents(databases_.all, tables.stories->documents_of(story_id), hit)
                           : story_documents(databases_.all, story, hit);
  }
  auto members = story_members(databases_.all, others, detail, {dictionaries, databases_.names, tables.sources});
  if (!members) return members.error();
  return Hit{second_stage ? decimal_of(choice.parts.total) : it.get_weight(), it.get_weight(), choice.more,
             std::move(*record), std::move(*members), second_stage ? choice.parts : ScoreParts{},
             second_stage, second_stage ? decimal_of(choice.passage_bm25) : 0.0};
}

std::uint64_t PassageSearcher::count_matches(const Xapian::Query& query, const Xapian::Query& filter) {
  try {
    // No tables: counts beside a search (filters loosened, a correction checked) are not
    // searches of their own, and must not make one command read a whole slot.
    return first_stage(databases_.all, databases_.remote(), query, filter, SortOrder::kRelevance, {}, nullptr, 0).stories;
  } catch (const Xapian::Error&) {
    return 0;
  }
}

bool PassageSearcher::matches_more_than(const Xapian::Query& query, const Xapian::Query& filter, std::uint64_t stories) {
  if (stories >= databases_.all.get_doccount()) return false;
  try {
    const auto wanted = static_cast<std::size_t>(stories + 1);
    return first_stage(databases_.all, databases_.remote(), query, filter, SortOrder::kRelevance, {}, nullptr, wanted)
               .ranked.size() >= wanted;
  } catch (const Xapian::Error&) {
    return false;
  }
}

Result<ArticleView> PassageSearcher::article(const std::string& given) {
  return reopening_on_change<ArticleView>(databases_, "reading of the article", [&]() -> Result<ArticleView> {
    auto article_id = resolve_article_id(databases_.all, given, databases_.dictionaries.lookup());
    if (!article_id) return article_id.error();
    return read_article(databases_.all, *article_id, databases_.names, databases_.dictionaries.lookup());
  });
}

Result<ParsedQuery> PassageSearcher::like_query(const std::string& article_id) {
  return cs::searcher::like_query(databases_.all, article_id, databases_.names, databases_.dictionaries.lookup());
}

std::vector<std::pair<std::string, std::uint64_t>> PassageSearcher::complete(std::string_view prefix,
                                                                             std::size_t count) const {
  try {
    return complete_word(shard_databases(), prefix, count);
  } catch (const Xapian::Error&) {
    return {};
  }
}

std::vector<Xapian::Database> PassageSearcher::shard_databases() const {
  std::vector<Xapian::Database> shards;
  for (const Databases::Shard& shard : databases_.shards) {
    if (shard.db) shards.push_back(*shard.db);
  }
  return shards;
}

IndexStats PassageSearcher::stats() const {
  IndexStats stats;
  try {
    stats.articles = databases_.all.get_doccount();
  } catch (const Xapian::Error&) {
    stats.articles = 0;
  }
  // Xapian rewrites a glass database's version file at every commit; a sharded folder holds
  // one database per shard.
  const auto consider = [&stats](const std::filesystem::path& version_file) {
    std::error_code ec;
    const auto written = std::filesystem::last_write_time(version_file, ec);
    if (ec) return;
    const auto seconds = std::chrono::duration_cast<std::chrono::seconds>(
        std::chrono::file_clock::to_sys(written).time_since_epoch());
    stats.last_commit = std::max<std::int64_t>(stats.last_commit, seconds.count());
  };
  for (const std::filesystem::path& path : databases_.paths) {
    std::error_code ec;
    if (!std::filesystem::is_directory(path, ec)) continue;
    consider(path / "iamglass");
    for (const auto& entry : std::filesystem::directory_iterator(path, ec)) {
      if (entry.is_directory(ec)) consider(entry.path() / "iamglass");
    }
  }
  return stats;
}

std::string PassageSearcher::suggest(std::string_view query_text, Analyzer& analyzer) {
  try {
    if (!databases_.spelling_words) databases_.spelling_words = SpellingWords::read(shard_databases());
    return suggest_spelling(*databases_.spelling_words, query_text, analyzer);
  } catch (const Xapian::Error&) {
    return {};  // a suggestion is a courtesy; a failure to find one is not an error
  }
}

}  // namespace cs::searcher
