// The second stage's signals: one table of their names, shared by --weight, --explain and
// the scoring loop's parts and weights, so a signal cannot be named two ways.
#pragma once

#include <array>
#include <string>
#include <string_view>

namespace cs::searcher {

// Each signal in [0, 1], its weighted sum in `total`: what --explain prints.
struct ScoreParts {
  float first_stage = 0;  // the passage's BM25 over the best candidate's
  float article = 0;      // the article's BM25 (Xapian's, the first stage) over the best article's
  float coverage = 0;     // share of the query's weight (idf) the passage and the title hold
  float proximity = 0;    // share of the query's weight present × how tightly the smallest window
                          // holds its terms; 0 with fewer than two terms present
  float phrase = 0;       // 1 when the terms occur side by side in query order
  float title = 0;        // share of query terms in the title
  float position = 0;     // 1 for the first passage, falling with the passage's index
  float length = 0;       // the article's words over a short news article's (kFullArticleWords), at most 1
  float recency = 0;      // 2^(-age / half-life); 0 when recency is off or the article undated
  float total = 0;
};

struct ScoringWeights {
  float first_stage = 1.0f;
  // article, coverage and title: on bench/judged, 0.3, 0.3 and 0.2 beat 0.15, 0 and 0.1 on
  // both news sets and the State of the Union known items (topical: -0.005 nDCG@10).
  float article = 0.3f;
  float coverage = 0.3f;
  float proximity = 0.15f;  // tuned on bench/judged: 0.15 beat 0.1, 0.25, 0.35 and 0.5 on nDCG@10
  float phrase = 0.15f;
  float title = 0.2f;
  float position = 0.05f;
  float length = 0.2f;      // parts a one-sentence feed item from an article it nearly ties with
  float recency = 0.2f;
  float recency_half_life_days = 0;  // 0: recency off
};

// A signal as users name it (--weight NAME=VALUE, --explain), its part and its weight.
struct Signal {
  std::string_view name;
  float ScoreParts::*part;
  float ScoringWeights::*weight;
};

// In the order --explain shows them. The first stage's signal is "bm25" to users.
inline constexpr std::array<Signal, 9> kSignals = {{
    {"bm25", &ScoreParts::first_stage, &ScoringWeights::first_stage},
    {"article", &ScoreParts::article, &ScoringWeights::article},
    {"coverage", &ScoreParts::coverage, &ScoringWeights::coverage},
    {"proximity", &ScoreParts::proximity, &ScoringWeights::proximity},
    {"phrase", &ScoreParts::phrase, &ScoringWeights::phrase},
    {"title", &ScoreParts::title, &ScoringWeights::title},
    {"position", &ScoreParts::position, &ScoringWeights::position},
    {"length", &ScoreParts::length, &ScoringWeights::length},
    {"recency", &ScoreParts::recency, &ScoringWeights::recency},
}};

// Whether `signal` counts under `weights`: recency only with a half-life.
inline bool signal_active(const Signal& signal, const ScoringWeights& weights) {
  return signal.part != &ScoreParts::recency || weights.recency_half_life_days > 0;
}

// The signal named `name`, or nullptr.
inline const Signal* find_signal(std::string_view name) {
  for (const Signal& signal : kSignals) {
    if (signal.name == name) return &signal;
  }
  return nullptr;
}

// "bm25, article, coverage, proximity, phrase, title, position, length or recency": for messages.
inline std::string signal_names() {
  std::string names;
  for (std::size_t i = 0; i < kSignals.size(); ++i) {
    names.append(i == 0 ? "" : i + 1 == kSignals.size() ? " or " : ", ").append(kSignals[i].name);
  }
  return names;
}

}  // namespace cs::searcher
