#include "searcher/query/query_terms.hpp"

#include <algorithm>
#include <cstdint>
#include <map>

#include "common/language.hpp"
#include "common/schema.hpp"
#include "common/spelling_table.hpp"
#include "common/utf8.hpp"
#include "searcher/query/filters.hpp"
#include "searcher/query/spelling_variants.hpp"
#include "searcher/query/wildcard.hpp"

namespace cs::searcher {

namespace {

static_assert(kMaxNearWindow <= schema::kOtherTitleGap,
              "NEAR must not join words of two of an article's titles, or the body's and the title's");
// A trailing * expands to at most this many words, the most frequent first.
constexpr Xapian::termcount kMaxWildcardExpansion = 200;
// Of the index's words that begin with a wildcard's prefix, the most frequent this many are
// stemmed (most words of a language share a stem with several others).
constexpr std::size_t kWildcardWordsStemmed = 4 * kMaxWildcardExpansion;
// Of a wildcard's stems, the most frequent this many are highlighted and scored.
constexpr std::size_t kWildcardScoredStems = 8;

}  // namespace

QueryTerms::QueryTerms(Analyzer& analyzer, const QueryContext& context, ParsedQuery& parsed)
    : analyzer_(analyzer), context_(context), parsed_(parsed) {
  if (context_.stem_languages != nullptr) searched_ = context_.stem_languages->of_langs(context_.langs);
}

Result<QueryPart> QueryTerms::leaf(const Lexeme& lexeme) {
  if (lexeme.field == "date") return date_leaf(lexeme);
  if (!lexeme.field.empty() && lexeme.field != "title") {
    // source:, author:, topic:, lang: filter without adding to the score.
    const std::string_view prefix = lexeme.field == "source"   ? schema::kSourcePrefix
                                    : lexeme.field == "author" ? schema::kAuthorPrefix
                                    : lexeme.field == "topic"  ? schema::kTopicPrefix
                                                               : schema::kLanguagePrefix;
    // source: and author: match by words, as --source and --author do (filters.hpp).
    const bool by_words = prefix == schema::kSourcePrefix || prefix == schema::kAuthorPrefix;
    const Xapian::Query any =
        by_words && context_.vocabulary != nullptr
            ? named_value_query(*context_.vocabulary, std::string(lexeme.field) + ":", lexeme.field, prefix, lexeme.text,
                                analyzer_, &parsed_.field_notes)
        : prefix == schema::kLanguagePrefix ? language_query(lexeme.text, analyzer_)  // as --lang reads it
                                             : Xapian::Query(schema::boolean_term(prefix, analyzer_.fold(lexeme.text)));
    return QueryPart{Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT, any, 0.0), false, false, true};
  }
  const bool title_only = lexeme.field == "title";
  if (lexeme.kind == LexemeKind::kWord && lexeme.text.size() > 1 && lexeme.text.ends_with('*')) {
    tokens_.clear();
    analyzer_.tokenize(lexeme.text.substr(0, lexeme.text.size() - 1), tokens_);
    if (tokens_.size() == 1) return wildcard_leaf(lexeme, title_only);
    // "U.S.-China*": a * after several words is punctuation.
    parsed_.notes.push_back("the * at column " + std::to_string(lexeme.column + lexeme.text.size() - 1) +
                            " ends no single word, so it is left out");
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
  // Chinese and Japanese are written without spaces: a run of them is words side by side,
  // as if spaced (unspaced_words_query); a hyphenated or dotted word of a spaced script
  // stays a phrase ("Ing-wen"), and quotes ask for one.
  const bool unspaced = lexeme.kind == LexemeKind::kWord && tokens_.size() > 1 && written_without_spaces(lexeme.text);
  const auto side_by_side = [&](const Synonyms::Words& run) {
    return unspaced ? unspaced_words_query(run, title_only) : words_query(run, title_only);
  };
  Xapian::Query query = side_by_side(words);
  // "Ing-wen" also finds "Ingwen" (the indexer joins hyphenated words the same way).
  if (tokens_.size() > 1 && !tokens_[0].is_acronym() && tokens_[0].alternative_end == tokens_.back().end) {
    query = Xapian::Query(Xapian::Query::OP_OR, query, words_query({tokens_[0].alternative}, title_only));
  }
  // Kanji alone are read as Chinese and as Japanese (Analyzer::tokenize_kanji_as_japanese):
  // "東京都" finds a Japanese article cut 东京|都 as well as a Chinese one cut 东|京都.
  if (std::vector<Token> japanese; analyzer_.tokenize_kanji_as_japanese(lexeme.text, japanese)) {
    Synonyms::Words japanese_words;
    for (const Token& token : japanese) japanese_words.push_back(query_form(token));
    if (!japanese_words.empty() && japanese_words != words) {
      query = Xapian::Query(Xapian::Query::OP_OR, query, side_by_side(japanese_words));
    }
  }
  // Synonyms are alternatives: "prc" also finds "china".
  if (context_.synonyms != nullptr) {
    if (const auto* alternatives = context_.synonyms->alternatives(plain_words)) {
      for (const Synonyms::Words& alternative : *alternatives) {
        query = Xapian::Query(Xapian::Query::OP_OR, query, words_query(alternative, title_only));
      }
    }
  }
  return QueryPart{query, false, false};
}

QueryPart QueryTerms::run_synonyms(const std::vector<const Lexeme*>& run) {
  if (context_.synonyms == nullptr || context_.synonyms->empty() || negated_ > 0) return QueryPart{{}, true, false};
  Synonyms::Words words;
  std::vector<std::size_t> lexeme_of;  // which of the run's lexemes each word comes from
  for (std::size_t l = 0; l < run.size(); ++l) {
    tokens_.clear();
    analyzer_.tokenize(run[l]->text, tokens_);
    for (const Token& token : tokens_) {
      words.push_back(token.plain_form());
      lexeme_of.push_back(l);
    }
  }
  // The longest entry from each word on, across two lexemes at least: the words of one
  // lexeme ("covid-19") are the leaf's to expand, and were.
  std::vector<Xapian::Query> alternatives;
  for (std::size_t first = 0; first + 1 < words.size();) {
    std::size_t end = words.size();
    const std::vector<Synonyms::Words>* found = nullptr;
    for (; end >= first + 2 && lexeme_of[end - 1] != lexeme_of[first]; --end) {
      found = context_.synonyms->alternatives(Synonyms::Words(words.begin() + static_cast<std::ptrdiff_t>(first),
                                                              words.begin() + static_cast<std::ptrdiff_t>(end)));
      if (found != nullptr) break;
    }
    if (found == nullptr) {
      ++first;
      continue;
    }
    for (const Synonyms::Words& alternative : *found) alternatives.push_back(words_query(alternative, false));
    first = end;
  }
  if (alternatives.empty()) return QueryPart{{}, true, false};
  return QueryPart{Xapian::Query(Xapian::Query::OP_OR, alternatives.begin(), alternatives.end()), false, false};
}

// A word's stems in the text or the title, or in the title only.
Xapian::Query QueryTerms::word_query(const WordStems& stems, bool title_only) {
  const Xapian::Query in_title = stem_query(stems, schema::kTitlePrefix);
  if (title_only) return in_title;
  return Xapian::Query(Xapian::Query::OP_OR, stem_query(stems, ""), in_title);
}

// One word matches any form with the same stem ("calls" finds "call"), quoted or not (the
// index keeps stems only: schema.hpp); several words match as a phrase, each by its stems.
Xapian::Query QueryTerms::words_query(const Synonyms::Words& words, bool title_only) {
  if (words.size() == 1) {
    const WordStems stems = stems_of(words[0]);
    note_highlight(words[0], stems);
    return word_query(stems, title_only);
  }
  std::vector<WordStems> stems;
  for (const std::string& word : words) {
    stems.push_back(stems_of(word));
    note_highlight(word, stems.back());
  }
  if (title_only) return positional(stems, {schema::kTitlePrefix}, Xapian::Query::OP_PHRASE, 0);
  // One phrase over the body's and the title's positions (the title's lie past the body's,
  // kTitlePositionBase, so no phrase joins the two): Xapian checks a phrase's positions only
  // for the articles whose weight could make the top, where a phrase under OR (the body's
  // OR the title's) had every article holding the words checked (callgrind, news 10x: 8.8 M
  // instructions a phrase query's first stage, 5.6 M as one phrase).
  return positional(stems, {"", schema::kTitlePrefix}, Xapian::Query::OP_PHRASE, 0);
}

// A run of Chinese or Japanese typed without spaces, as the analyzer cut it: each word of
// two characters or more on its own, and each character the dictionary left alone together
// with the word before or after it (a phrase of the two), all ranked as spaced words are,
// the passages holding the most of them first. Lucene's query parser leaves such a run
// unquoted too (autoGeneratePhraseQueries off), over an index of character pairs. As one
// phrase, "円安が進んだ" (cut 円|安|が|进|ん|だ) found nothing where the articles wrote
// 円安が進み, and "赖清德说了什么" nothing at all (a new user's trial); a character is never
// searched alone, since 日 of "日銀" (日|银 to Chinese) is in most Chinese articles.
Xapian::Query QueryTerms::unspaced_words_query(const Synonyms::Words& words, bool title_only) {
  const std::initializer_list<std::string_view> title_fields = {schema::kTitlePrefix};
  const std::initializer_list<std::string_view> all_fields = {"", schema::kTitlePrefix};
  std::vector<Xapian::Query> parts;
  // Words of a spaced script side by side in the run ("COVID-19疫苗": covid, 19) stay one
  // phrase, as they would typed alone; only the others are read as below.
  std::vector<WordStems> stems;
  std::vector<bool> one_character, unspaced;
  for (std::size_t i = 0; i < words.size();) {
    if (!written_without_spaces(words[i])) {
      std::size_t end = i + 1;
      while (end < words.size() && !written_without_spaces(words[end])) ++end;
      parts.push_back(words_query(Synonyms::Words(words.begin() + static_cast<std::ptrdiff_t>(i),
                                                  words.begin() + static_cast<std::ptrdiff_t>(end)),
                                  title_only));
      for (; i < end; ++i) {
        stems.emplace_back();
        one_character.push_back(false);
        unspaced.push_back(false);
      }
      continue;
    }
    stems.push_back(stems_of(words[i]));
    note_highlight(words[i], stems.back());
    one_character.push_back(std::count_if(words[i].begin(), words[i].end(), [](char c) { return !utf8::is_continuation(c); }) <= 1);
    unspaced.push_back(true);
    ++i;
  }
  for (std::size_t i = 0; i < words.size(); ++i) {
    if (!unspaced[i]) continue;
    if (!one_character[i]) parts.push_back(word_query(stems[i], title_only));
    if (i + 1 < words.size() && unspaced[i + 1] && (one_character[i] || one_character[i + 1])) {
      parts.push_back(positional({stems[i], stems[i + 1]}, title_only ? title_fields : all_fields, Xapian::Query::OP_PHRASE, 0));
    }
  }
  return Xapian::Query(Xapian::Query::OP_OR, parts.begin(), parts.end());
}

// tariff* -> any word starting with "tariff", by its stem (wildcard.hpp), the
// kMaxWildcardExpansion stems held by the most articles as one word (OP_SYNONYM) in each
// field, each in the articles of the languages that give it. tokens_ holds the one word
// before the *.
Result<QueryPart> QueryTerms::wildcard_leaf(const Lexeme& lexeme, bool title_only) {
  if (auto counted = count_words(lexeme, 1); !counted) return counted.error();
  // A prefix in capitals is no acronym ("TARIF*"): its letters; a dotted one ("U.S*") is.
  const bool dotted = lexeme.text.find('.') != std::string_view::npos;
  const std::string typed = dotted ? tokens_[0].word : tokens_[0].plain_form();
  // The stems of the index's most frequent words that begin so ("s*" begins tens of
  // thousands); a prefix the list cannot hold (a number) stands for itself.
  std::vector<WildcardStem> word_stems;
  auto words = context_.words_starting ? context_.words_starting(typed, kWildcardWordsStemmed)
                                       : std::vector<std::pair<std::string, std::uint64_t>>{};
  if (!context_.words_starting || !spelling_table::is_listed_word(typed)) words.emplace_back(typed, 0);
  for (const auto& [word, articles] : words) {
    for (const LanguageStem& stem : stems_of(word)) word_stems.push_back({stem.stem, 0, stem.stemmers});
  }
  const auto in_field = [&](std::string_view field) -> std::pair<Xapian::Query, std::vector<WildcardStem>> {
    std::vector<WildcardStem> stems;
    if (context_.vocabulary != nullptr) {
      stems = wildcard_stems(*context_.vocabulary, field, typed, word_stems, searched_, kMaxWildcardExpansion);
    } else {
      stems = word_stems;  // no index to look in (a query parsed alone)
    }
    if (stems.empty()) stems.push_back({typed, 0, searched_});  // no word starts so: a stem no article holds
    std::vector<Xapian::Query> terms;
    for (const WildcardStem& stem : stems) {
      const Xapian::Query term(schema::stemmed_term(field, stem.stem));
      terms.push_back(context_.stem_languages == nullptr ? term : context_.stem_languages->within(term, stem.stemmers, searched_));
    }
    return {Xapian::Query(Xapian::Query::OP_SYNONYM, terms.begin(), terms.end()), std::move(stems)};
  };
  auto [title_query, title_stems] = in_field(schema::kTitlePrefix);
  std::pair<Xapian::Query, std::vector<WildcardStem>> body;
  if (!title_only) body = in_field("");
  // The most frequent stems are highlighted and place the passage as one word of the query
  // does; each costs the second stage a read of its positions.
  const std::vector<WildcardStem>& shown = title_only ? title_stems : body.second;
  WordStems scored;
  for (std::size_t i = 0; i < std::min(shown.size(), kWildcardScoredStems); ++i) {
    scored.push_back({shown[i].stem, shown[i].stemmers});
  }
  note_highlight(typed, scored);
  if (title_only) return QueryPart{title_query, false, false};
  return QueryPart{Xapian::Query(Xapian::Query::OP_OR, body.first, title_query), false, false};
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
  std::vector<WordStems> stems;
  for (const Lexeme* item : items) {
    if (item->kind != LexemeKind::kWord || !item->field.empty() || item->text.ends_with('*')) {
      return query_error(item->column, "NEAR joins words", "write word NEAR word");
    }
    tokens_.clear();
    analyzer_.tokenize(item->text, tokens_);
    if (tokens_.empty()) continue;  // punctuation ("-- NEAR x"): nothing to place
    if (auto counted = count_words(*item, tokens_.size()); !counted) return counted.error();
    // A word the analyzer cuts in several ("通电话", "China-U.S.") brings all of them.
    for (const Token& token : tokens_) {
      stems.push_back(stems_of(query_form(token)));
      note_highlight(query_form(token), stems.back());
    }
  }
  if (stems.empty()) return QueryPart{{}, true, false};
  // As a phrase (words_query), one NEAR over the body's and the title's positions: the
  // title's lie further past the body's than the widest window. "Within n positions of
  // each other" is a span of n + 1 positions, Xapian's window (which NEAR/1 matched nothing
  // with: two words always span two).
  return QueryPart{positional(stems, {"", schema::kTitlePrefix}, Xapian::Query::OP_NEAR, window + 1), false, false};
}

// The form of a query word to look up: an acronym's dotted form ("u.s", never the word
// "us") unless the index has no such acronym, then its letters. A dotted word is its own
// stem (Analyzer::stem).
const std::string& QueryTerms::query_form(const Token& token) const {
  if (!token.is_acronym()) return token.word;
  if (context_.vocabulary != nullptr && !context_.vocabulary->term_exists(schema::stemmed_term("", token.word))) {
    return token.alternative;
  }
  return token.word;
}

Status QueryTerms::count_words(const Lexeme& lexeme, std::size_t count) {
  words_ += count;
  if (words_ > kMaxQueryWords) return query_error(lexeme.column, "query has more than 1024 words", "shorten the query");
  return ok_status();
}

void QueryTerms::note_highlight(const std::string& word, const WordStems& stems) {
  if (negated_ > 0) return;
  parsed_.highlight_words.push_back(word);
  std::vector<std::string>& scoring = parsed_.scoring_terms.emplace_back();
  for (const LanguageStem& stem : stems) {
    parsed_.highlight_stems.push_back(stem.stem);
    scoring.push_back(stem.stem);
    scopes_.emplace_back(stem.stem, stem.stemmers);
  }
}

void QueryTerms::finish() {
  // Scoped only where the first stage could keep stems to their languages' articles.
  if (context_.stem_languages == nullptr || !context_.stem_languages->knows_articles()) return;
  const StemLanguages& languages = *context_.stem_languages;
  std::sort(scopes_.begin(), scopes_.end());
  for (std::size_t i = 0; i < scopes_.size();) {  // a stem two words give counts where either does
    StemmerSet stemmers = 0;
    std::size_t j = i;
    for (; j < scopes_.size() && scopes_[j].first == scopes_[i].first; ++j) stemmers |= scopes_[j].second;
    if ((searched_ & ~stemmers) != 0) {
      ScopedStem& scoped = parsed_.scoped_stems.emplace_back(ScopedStem{scopes_[i].first, {}});
      for (std::size_t k = 0; k < languages.size(); ++k) {
        if ((stemmers >> k & 1) != 0) scoped.stemmers.push_back(languages.name(k));
      }
      std::sort(scoped.stemmers.begin(), scoped.stemmers.end());
    }
    i = j;
  }
}

// A stem some languages give a word where others give another is dropped when it is one of
// those languages' function words: a stem of three letters or fewer, in more than half of
// their articles. English "Lee" is French "le" to French's stemmer, and found every French
// article first (a new user's trial). A French article naming a Lee is lost with them: its
// "Lee" is "le" too, no better than its every "le". Only short stems: a folder's subject is
// in most of its articles ("incendies", French "incend"), and its word must still find them.
// A word keeps one stem at least: BM25 weighs a word every language stems alike.
void QueryTerms::drop_function_word_stems(WordStems& stems) const {
  constexpr std::size_t kLongestFunctionStem = 3;  // bytes: "le", "de", "und", "der"
  if (stems.size() < 2 || context_.vocabulary == nullptr || !context_.stem_languages->knows_articles()) return;
  WordStems kept;
  for (LanguageStem& stem : stems) {
    const bool function_word = stem.stem.size() <= kLongestFunctionStem &&
                               context_.stem_languages->is_function_word(
                                   *context_.vocabulary, schema::stemmed_term("", stem.stem), stem.stemmers);
    if (!function_word) kept.push_back(std::move(stem));
  }
  if (!kept.empty()) stems = std::move(kept);
}

// The distinct stems of `word` in each language searched, each with the languages that give
// it; one stem for every language when the index has no languages to tell apart.
QueryTerms::WordStems QueryTerms::stems_of(const std::string& word) {
  WordStems stems;
  StemmerSet english = 0;  // the English stemmer's bit among the languages searched
  bool stems_english = false;
  if (context_.stem_languages == nullptr || context_.stem_languages->empty()) {
    stems.push_back({analyzer_.stem(word), searched_});
    stems_english = analyzer_.language() == "english";
    english = searched_;
  } else {
    const std::string own_language = analyzer_.language();
    for (std::size_t i = 0; i < context_.stem_languages->size(); ++i) {
      const StemmerSet language = StemmerSet{1} << i;
      if ((searched_ & language) == 0) continue;
      analyzer_.set_language(context_.stem_languages->name(i));
      if (context_.stem_languages->name(i) == "english") {
        english = language;
        stems_english = true;
      }
      const std::string& stem = analyzer_.stem(word);
      auto same = std::find_if(stems.begin(), stems.end(), [&](const LanguageStem& s) { return s.stem == stem; });
      if (same == stems.end()) same = stems.insert(stems.end(), LanguageStem{stem, 0});
      same->stemmers |= language;
    }
    analyzer_.set_language(own_language);
    drop_function_word_stems(stems);
  }
  // In English articles the other spelling is the same word ("defence", "defense"): its
  // stem joins the word's, after them, in a phrase too ("defense spending" finds "defence
  // spending": a new user's trial).
  const auto in_english = std::find_if(stems.begin(), stems.end(), [&](const LanguageStem& s) {
    return english == 0 || (s.stemmers & english) != 0;
  });
  if (stems_english && in_english != stems.end()) {
    if (const std::string_view other = other_english_spelling(in_english->stem); !other.empty()) {
      stems.push_back(LanguageStem{std::string(other), english});
    }
  }
  return stems;
}

// A word by its stems in the text ("") or the title: each stem in the articles of the
// languages that give it (StemLanguages::within), so Portuguese "notícias" (stem "notic")
// does not find English "notices" (also "notic"), joined by OP_SYNONYM, one term to BM25, so
// a word is not counted twice where two stemmers agree on a text. One stem for every
// language searched is the plain term.
Xapian::Query QueryTerms::stem_query(const WordStems& stems, std::string_view field_prefix) {
  std::vector<Xapian::Query> terms;
  for (const LanguageStem& stem : stems) {
    Xapian::Query term(schema::stemmed_term(field_prefix, stem.stem));
    terms.push_back(context_.stem_languages == nullptr ? term
                                                       : context_.stem_languages->within(term, stem.stemmers, searched_));
  }
  return terms.size() == 1 ? terms[0] : Xapian::Query(Xapian::Query::OP_SYNONYM, terms.begin(), terms.end());
}

// Words as a phrase or NEAR by their stems (the index keeps the positions of stems, not of
// words, so "phone calls" also finds "phone call"): one language's stems of every word
// together, in that language's articles; languages that stem the words alike share one.
Xapian::Query QueryTerms::positional(const std::vector<WordStems>& words,
                                     std::initializer_list<std::string_view> field_prefixes, Xapian::Query::op op,
                                     Xapian::termcount window) {
  // The stems of the words (each word's in a language: its own, and in English the other
  // spelling's, "defenc" and "defens"), and who gives them.
  std::vector<std::pair<std::vector<std::vector<std::string>>, StemmerSet>> groups;
  const std::size_t languages = context_.stem_languages == nullptr ? 0 : context_.stem_languages->size();
  for (std::size_t i = 0; i < std::max<std::size_t>(languages, 1); ++i) {
    const StemmerSet language = languages == 0 ? searched_ : StemmerSet{1} << i;
    if (languages != 0 && (searched_ & language) == 0) continue;
    std::vector<std::vector<std::string>> stems;
    for (const WordStems& word : words) {
      std::vector<std::string>& forms = stems.emplace_back();
      for (const LanguageStem& stem : word) {
        if (languages == 0 || (stem.stemmers & language) != 0) forms.push_back(stem.stem);
      }
      if (forms.empty()) forms.push_back(word.front().stem);
    }
    const auto same = std::find_if(groups.begin(), groups.end(), [&](const auto& group) { return group.first == stems; });
    if (same != groups.end()) {
      same->second |= language;
    } else {
      groups.emplace_back(std::move(stems), language);
    }
  }
  std::vector<Xapian::Query> alternatives;
  for (const auto& [stems, stemmers] : groups) {
    std::vector<Xapian::Query> terms;
    for (const std::vector<std::string>& forms : stems) {
      std::vector<Xapian::Query> fields;
      for (const std::string& stem : forms) {
        for (const std::string_view prefix : field_prefixes) fields.emplace_back(schema::stemmed_term(prefix, stem));
      }
      terms.push_back(fields.size() == 1 ? fields[0] : Xapian::Query(Xapian::Query::OP_OR, fields.begin(), fields.end()));
    }
    const Xapian::Query query(op, terms.begin(), terms.end(), window);
    alternatives.push_back(languages == 0 ? query : context_.stem_languages->within(query, stemmers, searched_));
  }
  return alternatives.size() == 1 ? alternatives[0]
                                  : Xapian::Query(Xapian::Query::OP_OR, alternatives.begin(), alternatives.end());
}

}  // namespace cs::searcher
