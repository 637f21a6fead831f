#include "searcher/present/snippet.hpp"

#include <algorithm>
#include <bitset>
#include <limits>

namespace cs::searcher {

std::vector<Span> highlight_spans(std::string_view passage, const ParsedQuery& query, Analyzer& analyzer,
                                  std::vector<std::string>* terms) {
  std::vector<Span> spans;
  const auto& words = query.highlight_words;  // sorted by parse_query
  const auto& stems = query.highlight_stems;
  // Stemming each word of the passage was a third of highlighting: where stems keep their
  // word's first byte, only words that begin as a wanted stem does are stemmed, and only
  // they are read at all (callgrind, single words at news 10x: the analyzer read 650
  // instructions a word of every passage shown, 14% of a query).
  std::bitset<256> stem_first_bytes;
  std::bitset<256> word_first_bytes;  // the same for the words typed (a word in another language's articles)
  const bool filtered = analyzer.stems_keep_first_byte();
  for (const std::string& stem : stems) {
    if (!stem.empty()) stem_first_bytes.set(static_cast<unsigned char>(stem[0]));
  }
  for (const std::string& word : words) {
    if (!word.empty()) word_first_bytes.set(static_cast<unsigned char>(word[0]));
  }
  std::vector<Token> tokens;
  if (filtered) {
    std::bitset<256> wanted = stem_first_bytes | word_first_bytes;
    wanted.set('\'');  // a word written with an apostrophe first is always stemmed (below)
    analyzer.tokenize(passage, tokens, wanted);
  } else {
    analyzer.tokenize(passage, tokens);
  }
  // The query term `word` stands for: its stem when the query asked for that, else itself;
  // empty when the query did not ask for it.
  const auto asked_for = [&](const std::string& word) -> std::string {
    if (filtered && !word.empty() && word[0] != '\'' && !stem_first_bytes[static_cast<unsigned char>(word[0])]) {
      if (!word_first_bytes[static_cast<unsigned char>(word[0])]) return std::string();
      return std::binary_search(words.begin(), words.end(), word) ? word : std::string();
    }
    const std::string& stem = analyzer.stem(word);
    // The analyzer stems in the article's language: a stem the query gave only in other
    // languages is not this article's word ("notices" is no "Notícias").
    if (std::binary_search(stems.begin(), stems.end(), stem) && query.stem_counts_in(stem, analyzer.language())) {
      return stem;
    }
    return std::binary_search(words.begin(), words.end(), word) ? word : std::string();
  };
  const auto add = [&](Span span, std::string term) {  // tokens come in text order; a joined chain may overlap the next
    if (!spans.empty() && span.begin < spans.back().end) {
      spans.back().end = std::max(spans.back().end, span.end);
      return;
    }
    spans.push_back(span);
    if (terms != nullptr) terms->push_back(std::move(term));
  };
  for (const Token& token : tokens) {
    if (!token.alternative.empty()) {
      if (std::string term = asked_for(token.alternative); !term.empty()) {
        add(Span{token.begin, token.alternative_end}, std::move(term));  // "US" for us, "Ing-wen" for ingwen
        continue;
      }
    }
    if (std::string term = asked_for(token.word); !term.empty()) add(Span{token.begin, token.end}, std::move(term));
  }
  return spans;
}

Span snippet_window(std::span<const Span> sentences, std::span<const Span> highlights,
                    std::span<const std::size_t> term_ids, std::span<const double> term_weights,
                    std::size_t max_bytes) {
  if (sentences.empty()) return Span{0, 0};
  const Span whole{sentences.front().begin, sentences.back().end};
  if (whole.end - whole.begin <= max_bytes) return whole;
  // Without highlights every window weighs nothing and spreads nothing: the first wins.
  Span best = sentences.front();
  double best_weight = -1;
  std::uint32_t best_spread = std::numeric_limits<std::uint32_t>::max();
  std::vector<std::size_t> in_window(term_weights.size());  // highlights of each term in the stretch below
  std::vector<std::size_t> inside;                           // the window's highlights that count, in order
  for (std::size_t first = 0; first < sentences.size(); ++first) {
    std::size_t last = first;  // the window grows while it fits
    while (last + 1 < sentences.size() && sentences[last + 1].end - sentences[first].begin <= max_bytes) ++last;
    const Span window{sentences[first].begin, sentences[last].end};
    inside.clear();
    for (std::size_t h = 0; h < highlights.size(); ++h) {
      if (highlights[h].begin >= window.begin && highlights[h].end <= window.end && term_ids[h] < term_weights.size()) {
        inside.push_back(h);
      }
    }
    double weight = 0;
    std::size_t distinct = 0;
    std::fill(in_window.begin(), in_window.end(), 0);
    for (const std::size_t h : inside) {
      if (in_window[term_ids[h]]++ == 0) {
        weight += term_weights[term_ids[h]];
        ++distinct;
      }
    }
    // How close the terms lie: the shortest stretch holding one of each. (A term met again
    // further on does not spread the window: measuring from the first highlight to the last
    // would prefer a window that holds the word once to one that holds it twice.)
    std::fill(in_window.begin(), in_window.end(), 0);
    std::uint32_t spread = distinct == 0 ? 0 : std::numeric_limits<std::uint32_t>::max();
    std::size_t covered = 0;
    for (std::size_t left = 0, right = 0; right < inside.size(); ++right) {
      if (in_window[term_ids[inside[right]]]++ == 0) ++covered;
      for (; covered == distinct; ++left) {
        spread = std::min(spread, highlights[inside[right]].end - highlights[inside[left]].begin);
        if (--in_window[term_ids[inside[left]]] == 0) --covered;
      }
    }
    if (weight > best_weight || (weight == best_weight && spread < best_spread)) {
      best = window;
      best_weight = weight;
      best_spread = spread;
    }
  }
  return best;
}

Span choose_snippet(std::string_view passage, std::span<const Span> sentences, std::span<const Span> highlights,
                    std::span<const std::string> terms, const std::function<double(const std::string&)>& weight_of,
                    std::size_t max_bytes) {
  if (passage.size() <= max_bytes) return Span{0, static_cast<std::uint32_t>(passage.size())};
  std::vector<std::string_view> distinct;  // the terms in order of first meeting
  std::vector<double> weights;             // theirs
  std::vector<std::size_t> term_ids;       // per highlight, its term's index in `distinct`
  for (const std::string& term : terms) {
    const auto known = std::find(distinct.begin(), distinct.end(), term);
    term_ids.push_back(static_cast<std::size_t>(known - distinct.begin()));
    if (known == distinct.end()) {
      distinct.push_back(term);
      weights.push_back(weight_of(term));
    }
  }
  Span snippet = snippet_window(sentences, highlights, term_ids, weights, max_bytes);
  // A sentence may keep the blank line before it (ICU ends a sentence at the first line
  // break), which would open the snippet with an empty line.
  const auto blank = [&](std::uint32_t at) { return passage[at] == ' ' || passage[at] == '\n'; };
  while (snippet.end > snippet.begin && blank(snippet.end - 1)) --snippet.end;
  while (snippet.begin < snippet.end && blank(snippet.begin)) ++snippet.begin;
  return snippet;
}

}  // namespace cs::searcher
