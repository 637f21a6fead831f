#include "searcher/rank/second_stage.hpp"

#include <algorithm>
#include <map>
#include <tuple>

#include "common/language.hpp"
#include "common/passage_terms.hpp"
#include "common/schema.hpp"
#include "searcher/rank/candidates.hpp"
#include "searcher/rank/passage_scoring.hpp"
#include "searcher/rank/position_reads.hpp"

namespace cs::searcher {

namespace {

// A stem the second stage looks for: its positional term and the hash the scoring loop knows.
struct QueryStem {
  std::string term;
  std::uint32_t hash = 0;
  std::string stem;
  std::uint32_t order = 0;  // in the query: of two stems at one position (a word and its
                            // alternative form), the later is kept (assemble_candidates)
};

// Articles of more words than this are not walked to aim the position reads
// (position_reads.hpp): a long news article's length.
constexpr std::uint32_t kMaxAimingWords = 1500;

// A position of a query stem in an article, as read.
struct ReadPosition {
  std::uint32_t stem_order = 0;
  StemPosition at;
};

}  // namespace

struct SecondStage::Buffers {
  std::vector<Xapian::MSetIterator> hits;
  std::vector<std::size_t> by_docid;
  std::vector<ArticleTermsRange> ranges;
  std::vector<float> weights;
  std::vector<float> age_days;
  std::vector<StemPosition> found;                            // every article's, in turn
  std::vector<std::pair<std::size_t, std::size_t>> found_of;  // each article's begin, end in `found`
  std::vector<std::uint32_t> arena;                           // titles and passage starts
  std::vector<std::string> stemmers;                          // each article's language's stemmer
  std::vector<ReadPosition> read;                              // positions as read
  std::vector<std::pair<std::size_t, std::size_t>> runs;      // per article and stem, its stretch of `read`
  std::vector<ReadPosition> merged, merging;                   // one article's runs merged so far
  CandidateArrays arrays;
  KernelBuffers kernel;
  std::vector<ScoreParts> parts;
};

SecondStage::SecondStage() : buffers_(std::make_unique<Buffers>()) {}
SecondStage::~SecondStage() = default;

// For each article, the positions of the query's stems are read from Xapian; its passages
// are made into candidates and scored by the second stage's kernel (candidates.hpp), and the
// article is represented by its best passage.
std::vector<PassageChoice> SecondStage::choose_passages(const Xapian::Database& db, bool remote,
                                                        const std::vector<Xapian::MSetIterator>& articles,
                                                        const ParsedQuery& query, const Ranking& ranking) {
  Buffers& b = *buffers_;
  std::vector<std::vector<std::uint32_t>> terms;
  std::vector<QueryStem> stems;
  for (const auto& term_stems : query.scoring_terms) {
    if (terms.size() == kMaxScoringTerms) break;
    std::vector<std::uint32_t>& hashes = terms.emplace_back();
    for (const std::string& stem : term_stems) {
      hashes.push_back(term_hash(stem));
      if (std::none_of(stems.begin(), stems.end(), [&](const QueryStem& s) { return s.hash == hashes.back(); })) {
        stems.push_back({schema::stemmed_term("", stem), hashes.back(), stem, static_cast<std::uint32_t>(stems.size())});
      }
    }
  }
  ScoringQuery scoring(terms);
  std::uint32_t filler = 0;  // a word that is no query stem
  while (scoring.may_match(filler)) ++filler;

  // Values and positions read in docid order, so neighbouring reads share blocks.
  const std::size_t count = articles.size();
  b.hits.assign(articles.begin(), articles.end());
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
  // Values first, article after article in docid order; then positions stem after stem,
  // each stem's lists read in docid order after aiming at them (position_reads.hpp).
  b.stemmers.assign(count, std::string());
  for (const std::size_t i : b.by_docid) {
    const Xapian::Document document = b.hits[i].get_document();
    b.ranges[i] = decode_article_terms(document.get_value(schema::kArticleTermsSlot), b.arena);
    b.weights[i] = static_cast<float>(b.hits[i].get_weight());
    if (recency) {
      if (const auto days = schema::day_number(document.get_value(schema::kDateSlot))) {
        b.age_days[i] = static_cast<float>(std::max<std::int64_t>(0, ranking.today - *days));
      }
    }
    // A stem one language gave the query does not count in another's article: the first
    // stage found this article by the query's other stems, or by this one in its language.
    if (!query.scoped_stems.empty()) {
      b.stemmers[i] = stemmer_for(schema::decode_facet_key(document.get_value(schema::kFacetKeySlot)).lang);
    }
  }
  b.read.clear();
  std::sort(stems.begin(), stems.end(), [](const QueryStem& x, const QueryStem& y) { return x.term < y.term; });
  // Aimed through the shortest articles' term lists, and only when one is news-sized:
  // walking a long speech's to a stem cost more than the block reads aiming saves
  // (latency_bench, the mix's p50 aimed or not, runs side by side: speeches 1x 490 / 448 us,
  // speeches 10x 726 / 640 us; news 1x 405 / 477 us, news 10x 958 / 949 us).
  std::vector<std::size_t> shortest(count);
  for (std::size_t i = 0; i < count; ++i) shortest[i] = i;
  std::sort(shortest.begin(), shortest.end(),
            [&](std::size_t x, std::size_t y) { return b.ranges[x].word_count < b.ranges[y].word_count; });
  std::vector<Xapian::docid> primers;
  if (!remote && count > 0 && b.ranges[shortest.front()].word_count <= kMaxAimingWords) {
    for (const std::size_t i : shortest) primers.push_back(*b.hits[i]);
  }
  PositionReads reads(db, primers);
  b.runs.assign(count * stems.size(), {0, 0});
  for (std::size_t s = 0; s < stems.size(); ++s) {
    const QueryStem& stem = stems[s];
    reads.aim(stem.term);
    for (const std::size_t i : b.by_docid) {
      if (!query.scoped_stems.empty() && !query.stem_counts_in(stem.stem, b.stemmers[i])) continue;
      const std::size_t begin = b.read.size();
      for (auto p = db.positionlist_begin(*b.hits[i], stem.term); p != db.positionlist_end(*b.hits[i], stem.term); ++p) {
        b.read.push_back({stem.order, {*p, stem.hash}});
      }
      b.runs[i * stems.size() + s] = {begin, b.read.size()};
    }
  }
  // Gathered by article, each article's in position order (of two stems at one position, the
  // earlier in the query first): a list comes in ascending order, so an article's lists are
  // merged, where sorting every position read took 4% of a query on long speeches.
  const auto in_text_order = [](const ReadPosition& x, const ReadPosition& y) {
    return std::tie(x.at.position, x.stem_order) < std::tie(y.at.position, y.stem_order);
  };
  for (std::size_t i = 0; i < count; ++i) {
    b.merged.clear();
    for (std::size_t s = 0; s < stems.size(); ++s) {
      const auto [from, to] = b.runs[i * stems.size() + s];
      if (from == to) continue;
      b.merging.resize(b.merged.size() + (to - from));
      std::merge(b.merged.begin(), b.merged.end(), b.read.begin() + static_cast<std::ptrdiff_t>(from),
                 b.read.begin() + static_cast<std::ptrdiff_t>(to), b.merging.begin(), in_text_order);
      std::swap(b.merged, b.merging);
    }
    const std::size_t begin = b.found.size();
    for (const ReadPosition& position : b.merged) b.found.push_back(position.at);
    b.found_of[i] = {begin, b.found.size()};
  }
  // Every passage of every article, as the stretch of its words that holds the query's stems,
  // scored by the second stage's kernel (candidates.hpp).
  assemble_candidates({b.ranges, b.arena, b.found, b.found_of, b.weights, b.age_days}, filler, b.arrays);
  b.parts.resize(b.arrays.candidates.size());
  score_candidates(scoring, static_cast<float>(ranking.bm25.k1), static_cast<float>(ranking.bm25.b),
                   ranking.weights, b.arrays, b.kernel, b.parts);
  std::vector<PassageChoice> choices(count);
  for (std::size_t i = 0; i < count; ++i) {
    PassageChoice& choice = choices[i];
    // The passage shown holds a query word whenever one of the article's passages does: a
    // title that holds the query credits every passage alike, and the first one, shorter
    // and first, could outscore the one that holds the word (a new user's trial: the
    // Guardian's "...the infrastructure for this" showed a first paragraph without it).
    const auto holds = [&](std::size_t j) { return !b.arrays.candidates[j].text.empty(); };
    std::size_t best = b.arrays.first_candidate[i];
    for (std::size_t j = b.arrays.first_candidate[i]; j < b.arrays.first_candidate[i + 1]; ++j) {
      if (holds(j) != holds(best) ? holds(j) : b.parts[j].total > b.parts[best].total) best = j;
      if (holds(j)) ++choice.more;  // holds at least one query stem
    }
    choice.parts = b.parts[best];
    choice.passage_bm25 = b.arrays.candidates[best].first_stage;
    choice.index = b.arrays.candidates[best].passage_index;
    if (!b.arrays.candidates[best].text.empty()) --choice.more;  // the one shown is not "more"
  }
  return choices;
}

void rank_by_choice(const std::vector<Xapian::MSetIterator>& articles, const std::vector<PassageChoice>& choices,
                    std::vector<std::size_t>& order) {
  const auto total = [&](std::size_t i) { return choices[i].parts.total; };
  std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return total(a) > total(b); });
  // Ties are rare: date and article id are read only for candidates that share a score.
  for (std::size_t first = 0; first < order.size();) {
    std::size_t last = first + 1;
    while (last < order.size() && total(order[last]) == total(order[first])) ++last;
    if (last - first > 1) {
      std::map<std::size_t, std::pair<std::string, std::string>> keys;  // date, article id
      for (std::size_t k = first; k < last; ++k) {
        const Xapian::Document document = articles[order[k]].get_document();
        std::string instant = document.get_value(schema::kInstantSlot);
        if (instant.empty()) instant = document.get_value(schema::kDateSlot);  // indexed before it was kept
        keys[order[k]] = {std::move(instant), document.get_value(schema::kArticleIdSlot)};
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

}  // namespace cs::searcher
