#include "searcher/query/query_terms.hpp"

#include <algorithm>

#include "common/schema.hpp"
#include "searcher/query/filters.hpp"

namespace cs::searcher {

namespace {

static_assert(kMaxNearWindow <= schema::kOtherTitleGap, "NEAR must not join words of two of an article's titles");
// A trailing * expands to at most this many words, the most frequent first.
constexpr Xapian::termcount kMaxWildcardExpansion = 200;

// A word's stems (one per language of the index) in the text ("") or the title, joined by
// `op`. Alone, a word's stems are OP_SYNONYM, one term to BM25, so a word is not counted
// twice where two stemmers agree on the text. In a phrase or NEAR they are OP_OR, which
// Xapian accepts there; the index keeps the positions of stems, not of words, so
// "phone calls" also finds "phone call".
Xapian::Query any_stem(const std::vector<std::string>& stems, std::string_view field_prefix, Xapian::Query::op op) {
  std::vector<Xapian::Query> terms;
  for (const std::string& stem : stems) terms.emplace_back(schema::stemmed_term(field_prefix, stem));
  return terms.size() == 1 ? terms[0] : Xapian::Query(op, terms.begin(), terms.end());
}

}  // namespace

Result<QueryPart> QueryTerms::leaf(const Lexeme& lexeme) {
  if (lexeme.field == "date") return date_leaf(lexeme);
  if (!lexeme.field.empty() && lexeme.field != "title") {
    // source:, author:, topic:, lang: filter without adding to the score.
    const std::string_view prefix = lexeme.field == "source"   ? schema::kSourcePrefix
                                    : lexeme.field == "author" ? schema::kAuthorPrefix
                                    : lexeme.field == "topic"  ? schema::kTopicPrefix
                                                               : schema::kLanguagePrefix;
    const Xapian::Query term(schema::boolean_term(prefix, analyzer_.fold(lexeme.text)));
    return QueryPart{Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT, term, 0.0), false, false, true};
  }
  const bool title_only = lexeme.field == "title";
  if (lexeme.kind == LexemeKind::kWord && lexeme.text.size() > 1 && lexeme.text.ends_with('*')) {
    return wildcard_leaf(lexeme, title_only);
  }
  tokens_.clear();
  analyzer_.tokenize(lexeme.text, tokens_);
  if (tokens_.empty()) return QueryPart{{}, true, false};
  if (auto counted = count_words(lexeme, tokens_.size()); !counted) return counted.error();
  Synonyms::Words words, plain_words;
  for (const Token& token : tokens_) {
    words.push_back(query_form(token));
    plain_words.push_back(token.plain_form());
  }
  Xapian::Query query = words_query(words, lexeme.kind == LexemeKind::kWord, title_only);
  // "Ing-wen" also finds "Ingwen" (the indexer joins hyphenated words the same way).
  if (tokens_.size() > 1 && !tokens_[0].is_acronym() && tokens_[0].alternative_end == tokens_.back().end) {
    query = Xapian::Query(Xapian::Query::OP_OR, query, words_query({tokens_[0].alternative}, true, title_only));
  }
  // Synonyms are alternatives: "prc" also finds "china".
  if (context_.synonyms != nullptr) {
    if (const auto* alternatives = context_.synonyms->alternatives(plain_words)) {
      for (const Synonyms::Words& alternative : *alternatives) {
        query = Xapian::Query(Xapian::Query::OP_OR, query, words_query(alternative, true, title_only));
      }
    }
  }
  return QueryPart{query, false, false};
}

// One word matches any form with the same stem ("calls" finds "call") when `by_stem`, and
// exactly as written when quoted; several words match as a phrase, each by its stems.
Xapian::Query QueryTerms::words_query(const Synonyms::Words& words, bool by_stem, bool title_only) {
  if (words.size() == 1 && by_stem) {
    const std::vector<std::string> stems = stems_of(words[0]);
    note_highlight(words[0], &stems);
    const Xapian::Query in_title = any_stem(stems, schema::kTitlePrefix, Xapian::Query::OP_SYNONYM);
    if (title_only) return in_title;
    return Xapian::Query(Xapian::Query::OP_OR, any_stem(stems, "", Xapian::Query::OP_SYNONYM), in_title);
  }
  if (words.size() == 1) {
    note_highlight(words[0], nullptr);
    const Xapian::Query in_title(schema::exact_term(schema::kTitlePrefix, words[0]));
    if (title_only) return in_title;
    return Xapian::Query(Xapian::Query::OP_OR, Xapian::Query(schema::exact_term("", words[0])), in_title);
  }
  std::vector<Xapian::Query> text_words, title_words;
  for (const std::string& word : words) {
    const std::vector<std::string> stems = stems_of(word);
    note_highlight(word, &stems);
    text_words.push_back(any_stem(stems, "", Xapian::Query::OP_OR));
    title_words.push_back(any_stem(stems, schema::kTitlePrefix, Xapian::Query::OP_OR));
  }
  const Xapian::Query in_title(Xapian::Query::OP_PHRASE, title_words.begin(), title_words.end());
  if (title_only) return in_title;
  return Xapian::Query(Xapian::Query::OP_OR, Xapian::Query(Xapian::Query::OP_PHRASE, text_words.begin(), text_words.end()),
                       in_title);
}

// tariff* -> any word starting with "tariff", the most frequent kMaxWildcardExpansion.
Result<QueryPart> QueryTerms::wildcard_leaf(const Lexeme& lexeme, bool title_only) {
  tokens_.clear();
  analyzer_.tokenize(lexeme.text.substr(0, lexeme.text.size() - 1), tokens_);
  if (tokens_.size() != 1) {
    return query_error(lexeme.column, "* ends a single word", "write the start of one word, then *");
  }
  if (auto counted = count_words(lexeme, 1); !counted) return counted.error();
  const auto wildcard = [&](std::string_view prefix) {
    return Xapian::Query(Xapian::Query::OP_WILDCARD, schema::exact_term(prefix, tokens_[0].word),
                         kMaxWildcardExpansion, Xapian::Query::WILDCARD_LIMIT_MOST_FREQUENT);
  };
  if (title_only) return QueryPart{wildcard(schema::kTitlePrefix), false, false};
  return QueryPart{Xapian::Query(Xapian::Query::OP_OR, wildcard(""), wildcard(schema::kTitlePrefix)), false, false};
}

// date:2021, date:2021-02..2021-06, date:2021.., date:..2021-06-30
Result<QueryPart> QueryTerms::date_leaf(const Lexeme& lexeme) {
  std::string_view since = lexeme.text;
  std::string_view until = lexeme.text;
  if (const std::size_t dots = lexeme.text.find(".."); dots != std::string_view::npos) {
    since = lexeme.text.substr(0, dots);
    until = lexeme.text.substr(dots + 2);
    if (since.empty() && until.empty()) {
      return query_error(lexeme.column, "date: needs a date", "write date:2021 or date:2021-01..2021-06");
    }
  }
  auto range = date_range_query(since, until, "date:", "date:");
  if (!range) return query_error(lexeme.column, range.error().reason, range.error().hint);
  return QueryPart{Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT, *range, 0.0), false, false, true};
}

Result<QueryPart> QueryTerms::near(const std::vector<const Lexeme*>& items, Xapian::termcount window) {
  std::vector<Xapian::Query> text_terms, title_terms;
  for (const Lexeme* item : items) {
    if (item->kind != LexemeKind::kWord || !item->field.empty() || item->text.ends_with('*')) {
      return query_error(item->column, "NEAR joins words", "write word NEAR word");
    }
    tokens_.clear();
    analyzer_.tokenize(item->text, tokens_);
    if (tokens_.empty()) return query_error(item->column, "NEAR joins words", "write word NEAR word");
    if (auto counted = count_words(*item, tokens_.size()); !counted) return counted.error();
    // A word the analyzer cuts in several ("通电话", "China-U.S.") brings all of them.
    for (const Token& token : tokens_) {
      const std::vector<std::string> stems = stems_of(query_form(token));
      note_highlight(query_form(token), &stems);
      text_terms.push_back(any_stem(stems, "", Xapian::Query::OP_OR));
      title_terms.push_back(any_stem(stems, schema::kTitlePrefix, Xapian::Query::OP_OR));
    }
  }
  return QueryPart{Xapian::Query(Xapian::Query::OP_OR,
                                 Xapian::Query(Xapian::Query::OP_NEAR, text_terms.begin(), text_terms.end(), window),
                                 Xapian::Query(Xapian::Query::OP_NEAR, title_terms.begin(), title_terms.end(), window)),
                   false, false};
}

// The form of a query word to look up: an acronym's dotted form ("u.s", never the word
// "us") unless the index has no such acronym, then its letters.
const std::string& QueryTerms::query_form(const Token& token) const {
  if (!token.is_acronym()) return token.word;
  if (context_.vocabulary != nullptr && !context_.vocabulary->term_exists(schema::exact_term("", token.word))) {
    return token.alternative;
  }
  return token.word;
}

Status QueryTerms::count_words(const Lexeme& lexeme, std::size_t count) {
  words_ += count;
  if (words_ > kMaxQueryWords) return query_error(lexeme.column, "query has more than 1024 words", "shorten the query");
  return ok_status();
}

void QueryTerms::note_highlight(const std::string& word, const std::vector<std::string>* stems) {
  if (negated_ > 0) return;
  parsed_.highlight_words.push_back(word);
  if (stems != nullptr) parsed_.highlight_stems.insert(parsed_.highlight_stems.end(), stems->begin(), stems->end());
  parsed_.scoring_terms.push_back(stems != nullptr ? *stems : stems_of(word));
}

// The distinct stems of `word` in each language the index was stemmed in.
std::vector<std::string> QueryTerms::stems_of(const std::string& word) {
  if (context_.stem_languages.empty()) return {analyzer_.stem(word)};
  const std::string own_language = analyzer_.language();
  std::vector<std::string> stems;
  for (const std::string& language : context_.stem_languages) {
    analyzer_.set_language(language);
    const std::string& stem = analyzer_.stem(word);
    if (std::find(stems.begin(), stems.end(), stem) == stems.end()) stems.push_back(stem);
  }
  analyzer_.set_language(own_language);
  return stems;
}

}  // namespace cs::searcher
