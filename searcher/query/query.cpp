#include "searcher/query/query.hpp"

#include <algorithm>

#include "common/schema.hpp"
#include "searcher/query/filters.hpp"
#include "searcher/query/query_lexer.hpp"

namespace cs::searcher {

namespace {

// Parentheses deeper than this are refused: the parser recurses once per level.
constexpr std::size_t kMaxDepth = 32;
static_assert(kMaxNearWindow <= schema::kOtherTitleGap, "NEAR must not join words of two of an article's titles");
// A trailing * expands to at most this many words, the most frequent first.
constexpr Xapian::termcount kMaxWildcardExpansion = 200;

// What a piece of the query parses to. A piece with no words ("!!!") is `empty` and drops
// out; a piece that only excludes ("-trump", "NOT trump") is `negative` and only means
// something next to a positive piece; a `filter` (source:, author:, topic:, lang:, date:)
// narrows the words beside it instead of being one more alternative to them.
struct Part {
  Xapian::Query query;
  bool empty = false;
  bool negative = false;
  bool filter = false;
};

class Parser {
 public:
  Parser(std::vector<Lexeme> lexemes, Analyzer& analyzer, const QueryContext& context, ParsedQuery& parsed)
      : lexemes_(std::move(lexemes)), analyzer_(analyzer), context_(context), parsed_(parsed) {}

  Result<Part> parse_all() {
    auto part = parse_or();
    if (!part) return part;
    if (peek().kind == LexemeKind::kClose) {
      return query_error(peek().column, "unbalanced parenthesis", "remove the ')' or add a '(' before it");
    }
    return part;
  }

 private:
  const Lexeme& peek() const { return lexemes_[at_]; }
  const Lexeme& next() { return lexemes_[at_++]; }

  // a OR b OR c: any of them.
  Result<Part> parse_or() {
    auto left = parse_and();
    if (!left) return left;
    while (peek().kind == LexemeKind::kOr) {
      const Lexeme& op = next();
      auto right = parse_and();
      if (!right) return right;
      if (left->negative || right->negative) {
        return query_error(op.column, "OR cannot join an excluded word", "exclude with -word next to the words you want");
      }
      left = combine(*left, *right, Xapian::Query::OP_OR);
    }
    return left;
  }

  // a AND b: both. a AND NOT b: a without b.
  Result<Part> parse_and() {
    auto left = parse_sequence();
    if (!left) return left;
    while (peek().kind == LexemeKind::kAnd) {
      const Lexeme& op = next();
      auto right = parse_sequence();
      if (!right) return right;
      if (left->negative) return query_error(op.column, "AND needs a word to its left", "put a word before AND");
      if (right->negative) {
        if (!left->empty && !right->empty) {
          left->query = Xapian::Query(Xapian::Query::OP_AND_NOT, left->query, right->query);
        }
        continue;
      }
      left = combine(*left, *right, Xapian::Query::OP_AND);
    }
    return left;
  }

  static Part combine(const Part& a, const Part& b, Xapian::Query::op op) {
    if (a.empty) return b;
    if (b.empty) return a;
    return Part{Xapian::Query(op, a.query, b.query), false, false, a.filter && b.filter};
  }

  // Words side by side: +must, -must not, the rest optional and ranked by how many match.
  Result<Part> parse_sequence() {
    std::vector<Xapian::Query> should, must, must_not, filters;
    bool any = false;
    while (true) {
      const LexemeKind kind = peek().kind;
      if (kind == LexemeKind::kEnd || kind == LexemeKind::kClose || kind == LexemeKind::kAnd || kind == LexemeKind::kOr) break;
      any = true;
      auto clause = parse_unary();
      if (!clause) return clause.error();
      if (clause->part.empty) continue;
      if (clause->part.filter && clause->occur != '-') {
        filters.push_back(clause->part.query);
        continue;
      }
      (clause->occur == '+' ? must : clause->occur == '-' ? must_not : should).push_back(clause->part.query);
    }
    if (!any) {
      const Lexeme& here = peek();
      if (here.kind == LexemeKind::kEnd && lexemes_.size() == 1) return Part{{}, true, false};
      if (here.kind == LexemeKind::kAnd || here.kind == LexemeKind::kOr) {
        return query_error(here.column, std::string(here.text) + " needs a word before it", "put a word before it");
      }
      if (here.kind == LexemeKind::kClose) return query_error(here.column, "empty parentheses", "put words inside");
      return query_error(here.column, "a word is missing at the end", "finish the query or remove the operator");
    }
    Part part;
    if (!must.empty()) {
      part.query = Xapian::Query(Xapian::Query::OP_AND, must.begin(), must.end());
      if (!should.empty()) {
        part.query = Xapian::Query(Xapian::Query::OP_AND_MAYBE, part.query,
                                   Xapian::Query(Xapian::Query::OP_OR, should.begin(), should.end()));
      }
    } else if (!should.empty()) {
      part.query = Xapian::Query(Xapian::Query::OP_OR, should.begin(), should.end());
    }
    if (!filters.empty()) {
      const Xapian::Query all_filters(Xapian::Query::OP_AND, filters.begin(), filters.end());
      part.filter = part.query.empty();
      part.query = part.query.empty() ? all_filters : Xapian::Query(Xapian::Query::OP_FILTER, part.query, all_filters);
    }
    if (!must_not.empty()) {
      const Xapian::Query excluded(Xapian::Query::OP_OR, must_not.begin(), must_not.end());
      if (part.query.empty()) return Part{excluded, false, true};
      part.query = Xapian::Query(Xapian::Query::OP_AND_NOT, part.query, excluded);
    }
    part.empty = part.query.empty();
    return part;
  }

  struct Clause {
    Part part;
    char occur = 0;  // '+', '-' or 0
  };

  Result<Clause> parse_unary() {
    if (peek().kind == LexemeKind::kNot) {
      const Lexeme& op = next();
      if (peek().kind == LexemeKind::kEnd || peek().kind == LexemeKind::kClose) {
        return query_error(op.column, "NOT needs a word after it", "write NOT word");
      }
      ++negated_;
      auto inner = parse_unary();
      --negated_;
      if (!inner) return inner;
      return Clause{inner->part, '-'};
    }
    const char sign = peek().sign;
    if (sign == '-') ++negated_;
    auto part = parse_primary();
    if (sign == '-') --negated_;
    if (!part) return part.error();
    return Clause{*part, sign};
  }

  Result<Part> parse_primary() {
    const Lexeme& lexeme = next();
    switch (lexeme.kind) {
      case LexemeKind::kOpen: {
        if (++depth_ > kMaxDepth) return query_error(lexeme.column, "parentheses nest deeper than 32", "simplify the query");
        auto inner = parse_or();
        --depth_;
        if (!inner) return inner;
        if (next().kind != LexemeKind::kClose) {
          return query_error(lexeme.column, "unbalanced parenthesis", "close it with ')' or remove the '('");
        }
        return inner;
      }
      case LexemeKind::kPhrase:
      case LexemeKind::kWord:
        return parse_words(lexeme);
      case LexemeKind::kClose:
        return query_error(lexeme.column, "unbalanced parenthesis", "remove the ')' or add a '(' before it");
      case LexemeKind::kNear:
        return query_error(lexeme.column, "NEAR needs a word before it", "write word NEAR word");
      default:
        return query_error(lexeme.column, "a word is missing here", "write a word");
    }
  }

  // A word or phrase, with what may follow it: NEAR chains.
  Result<Part> parse_words(const Lexeme& first) {
    if (peek().kind != LexemeKind::kNear) return leaf(first);
    std::vector<const Lexeme*> items = {&first};
    Xapian::termcount window = kDefaultNearWindow;
    while (peek().kind == LexemeKind::kNear) {
      const Lexeme& op = next();
      window = op.near_window;
      if (peek().kind != LexemeKind::kWord || peek().sign != 0 || !peek().field.empty()) {
        return query_error(op.column, "NEAR needs a plain word after it", "write word NEAR word");
      }
      items.push_back(&next());
    }
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
    return Part{Xapian::Query(Xapian::Query::OP_OR,
                              Xapian::Query(Xapian::Query::OP_NEAR, text_terms.begin(), text_terms.end(), window),
                              Xapian::Query(Xapian::Query::OP_NEAR, title_terms.begin(), title_terms.end(), window)),
                false, false};
  }

  // The form of a query word to look up: an acronym's dotted form ("u.s", never the word
  // "us") unless the index has no such acronym, then its letters.
  const std::string& query_form(const Token& token) const {
    if (!token.is_acronym()) return token.word;
    if (context_.vocabulary != nullptr && !context_.vocabulary->term_exists(schema::exact_term("", token.word))) {
      return token.alternative;
    }
    return token.word;
  }

  Status count_words(const Lexeme& lexeme, std::size_t count) {
    words_ += count;
    if (words_ > kMaxQueryWords) return query_error(lexeme.column, "query has more than 1024 words", "shorten the query");
    return ok_status();
  }

  void note_highlight(const std::string& word, const std::vector<std::string>* stems) {
    if (negated_ > 0) return;
    parsed_.highlight_words.push_back(word);
    if (stems != nullptr) parsed_.highlight_stems.insert(parsed_.highlight_stems.end(), stems->begin(), stems->end());
    parsed_.scoring_terms.push_back(stems != nullptr ? *stems : stems_of(word));
  }

  // The distinct stems of `word` in each language the index was stemmed in.
  std::vector<std::string> stems_of(const std::string& word) {
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

  Result<Part> leaf(const Lexeme& lexeme) {
    if (lexeme.field == "date") return date_leaf(lexeme);
    if (!lexeme.field.empty() && lexeme.field != "title") {
      // source:, author:, topic:, lang: filter without adding to the score.
      const std::string_view prefix = lexeme.field == "source"   ? schema::kSourcePrefix
                                      : lexeme.field == "author" ? schema::kAuthorPrefix
                                      : lexeme.field == "topic"  ? schema::kTopicPrefix
                                                                 : schema::kLanguagePrefix;
      const Xapian::Query term(schema::boolean_term(prefix, analyzer_.fold(lexeme.text)));
      return Part{Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT, term, 0.0), false, false, true};
    }
    const bool title_only = lexeme.field == "title";
    if (lexeme.kind == LexemeKind::kWord && lexeme.text.size() > 1 && lexeme.text.ends_with('*')) {
      return wildcard_leaf(lexeme, title_only);
    }
    tokens_.clear();
    analyzer_.tokenize(lexeme.text, tokens_);
    if (tokens_.empty()) return Part{{}, true, false};
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
    return Part{query, false, false};
  }

  // A word's stems (one per language of the index) in the text ("") or the title, joined by
  // `op`. Alone, a word's stems are OP_SYNONYM, one term to BM25, so a word is not counted
  // twice where two stemmers agree on the text. In a phrase or NEAR they are OP_OR, which
  // Xapian accepts there; the index keeps the positions of stems, not of words, so
  // "phone calls" also finds "phone call".
  static Xapian::Query any_stem(const std::vector<std::string>& stems, std::string_view field_prefix,
                                Xapian::Query::op op) {
    std::vector<Xapian::Query> terms;
    for (const std::string& stem : stems) terms.emplace_back(schema::stemmed_term(field_prefix, stem));
    return terms.size() == 1 ? terms[0] : Xapian::Query(op, terms.begin(), terms.end());
  }

  // One word matches any form with the same stem ("calls" finds "call") when `by_stem`, and
  // exactly as written when quoted; several words match as a phrase, each by its stems.
  Xapian::Query words_query(const Synonyms::Words& words, bool by_stem, bool title_only) {
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
  Result<Part> wildcard_leaf(const Lexeme& lexeme, bool title_only) {
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
    if (title_only) return Part{wildcard(schema::kTitlePrefix), false, false};
    return Part{Xapian::Query(Xapian::Query::OP_OR, wildcard(""), wildcard(schema::kTitlePrefix)), false, false};
  }

  // date:2021, date:2021-02..2021-06, date:2021.., date:..2021-06-30
  Result<Part> date_leaf(const Lexeme& lexeme) {
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
    return Part{Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT, *range, 0.0), false, false, true};
  }

  std::vector<Lexeme> lexemes_;
  std::size_t at_ = 0;
  Analyzer& analyzer_;
  const QueryContext& context_;
  ParsedQuery& parsed_;
  std::vector<Token> tokens_;
  std::size_t words_ = 0;
  std::size_t depth_ = 0;
  int negated_ = 0;  // inside NOT or -: words found are not highlighted
};

}  // namespace

Result<ParsedQuery> parse_query(std::string_view text, Analyzer& analyzer, const QueryContext& context) {
  if (text.size() > kMaxQueryBytes) {
    return query_error(kMaxQueryBytes, "query is longer than 16 KB", "shorten the query");
  }
  auto lexemes = lex(text);
  if (!lexemes) return lexemes.error();
  ParsedQuery parsed;
  Parser parser(std::move(*lexemes), analyzer, context, parsed);
  auto part = parser.parse_all();
  if (!part) return part.error();
  if (part->negative) return query_error(1, "query only excludes words", "add at least one word to search for");
  if (part->empty) return query_error(1, "query has no searchable words", "type at least one word");
  parsed.query = part->query;
  auto unique = [](std::vector<std::string>& v) {
    std::sort(v.begin(), v.end());
    v.erase(std::unique(v.begin(), v.end()), v.end());
  };
  unique(parsed.highlight_words);
  unique(parsed.highlight_stems);
  return parsed;
}

}  // namespace cs::searcher
