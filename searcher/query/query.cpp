#include "searcher/query/query.hpp"

#include <algorithm>

#include "common/language.hpp"
#include "searcher/query/query_lexer.hpp"
#include "searcher/query/query_repair.hpp"
#include "searcher/query/query_terms.hpp"
#include "searcher/query/question_words.hpp"

namespace cs::searcher {

namespace {

// Parentheses deeper than this are refused: the parser recurses once per level.
constexpr std::size_t kMaxDepth = 32;

// The query's structure: OR of ANDs of words side by side, each maybe signed, negated or
// parenthesised, by recursive descent over the lexemes. What each word or phrase becomes
// is QueryTerms's (query_terms.hpp).
class Parser {
 public:
  Parser(std::vector<Lexeme> lexemes, Analyzer& analyzer, const QueryContext& context, ParsedQuery& parsed)
      : lexemes_(std::move(lexemes)), terms_(analyzer, context, parsed) {}

  Result<QueryPart> parse_all() {
    auto part = parse_or();
    if (!part) return part;
    if (peek().kind == LexemeKind::kClose) {
      return query_error(peek().column, "unbalanced parenthesis", "remove the ')' or add a '(' before it");
    }
    return part;
  }

  // Records what the leaves learnt of the whole query (QueryTerms::finish).
  void finish() { terms_.finish(); }

 private:
  const Lexeme& peek() const { return lexemes_[at_]; }
  const Lexeme& next() { return lexemes_[at_++]; }

  // a OR b OR c: any of them.
  Result<QueryPart> parse_or() {
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
  Result<QueryPart> parse_and() {
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

  static QueryPart combine(const QueryPart& a, const QueryPart& b, Xapian::Query::op op) {
    if (a.empty) return b;
    if (b.empty) return a;
    return QueryPart{Xapian::Query(op, a.query, b.query), false, false, a.filter && b.filter};
  }

  // Words side by side: +must, -must not, the rest optional and ranked by how many match.
  Result<QueryPart> parse_sequence() {
    std::vector<Xapian::Query> should, must, must_not, filters;
    std::vector<const Lexeme*> run;  // plain words side by side, for the synonyms file's entries of several words
    const auto end_run = [&] {
      if (!run.empty()) {
        if (QueryPart alternatives = terms_.run_synonyms(run); !alternatives.empty) should.push_back(alternatives.query);
      }
      run.clear();
    };
    bool any = false;
    while (true) {
      const Lexeme& here = peek();
      const LexemeKind kind = here.kind;
      if (kind == LexemeKind::kEnd || kind == LexemeKind::kClose || kind == LexemeKind::kAnd || kind == LexemeKind::kOr) break;
      if (kind == LexemeKind::kWord && here.sign == 0 && here.field.empty() && !here.text.ends_with('*')) {
        run.push_back(&here);
      } else {
        end_run();
      }
      any = true;
      const std::size_t before = at_;
      auto clause = parse_unary();
      // "b NEAR c" is one clause of several lexemes: its words are not side by side with the
      // run's (nor is what parentheses hold, which never joins the run).
      if (at_ - before > 1 && !run.empty() && run.back() == &here) {
        run.pop_back();
        end_run();
      }
      if (!clause) return clause.error();
      if (clause->part.empty) continue;
      if (clause->part.filter && clause->occur != '-') {
        filters.push_back(clause->part.query);
        continue;
      }
      (clause->occur == '+' ? must : clause->occur == '-' ? must_not : should).push_back(clause->part.query);
    }
    end_run();
    if (!any) {
      const Lexeme& here = peek();
      if (here.kind == LexemeKind::kEnd && lexemes_.size() == 1) return QueryPart{{}, true, false};
      if (here.kind == LexemeKind::kAnd || here.kind == LexemeKind::kOr) {
        return query_error(here.column, std::string(here.text) + " needs a word before it", "put a word before it");
      }
      if (here.kind == LexemeKind::kClose) return query_error(here.column, "empty parentheses", "put words inside");
      return query_error(here.column, "a word is missing at the end", "finish the query or remove the operator");
    }
    QueryPart part;
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
      if (part.query.empty()) return QueryPart{excluded, false, true};
      part.query = Xapian::Query(Xapian::Query::OP_AND_NOT, part.query, excluded);
    }
    part.empty = part.query.empty();
    return part;
  }

  struct Clause {
    QueryPart part;
    char occur = 0;  // '+', '-' or 0
  };

  Result<Clause> parse_unary() {
    if (peek().kind == LexemeKind::kNot) {
      const Lexeme& op = next();
      if (peek().kind == LexemeKind::kEnd || peek().kind == LexemeKind::kClose) {
        return query_error(op.column, "NOT needs a word after it", "write NOT word");
      }
      terms_.begin_excluded();
      auto inner = parse_unary();
      terms_.end_excluded();
      if (!inner) return inner;
      return Clause{inner->part, '-'};
    }
    const char sign = peek().sign;
    if (sign == '-') terms_.begin_excluded();
    auto part = parse_primary();
    if (sign == '-') terms_.end_excluded();
    if (!part) return part.error();
    return Clause{*part, sign};
  }

  Result<QueryPart> parse_primary() {
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
  Result<QueryPart> parse_words(const Lexeme& first) {
    if (peek().kind != LexemeKind::kNear) return terms_.leaf(first);
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
    return terms_.near(items, window);
  }


  std::vector<Lexeme> lexemes_;
  std::size_t at_ = 0;
  QueryTerms terms_;
  std::size_t depth_ = 0;
};

}  // namespace

Result<ParsedQuery> parse_query(std::string_view text, Analyzer& analyzer, const QueryContext& context) {
  if (text.size() > kMaxQueryBytes) {
    return query_error(kMaxQueryBytes, "query is longer than 16 KB", "shorten the query");
  }
  auto lexed = lex(text);
  if (!lexed) return lexed.error();
  repair_structure(*lexed);
  const bool english_searched = context.langs.empty() || std::any_of(context.langs.begin(), context.langs.end(),
                                                                     [](const std::string& lang) { return stemmer_for(language_tag(lang)) == "english"; });
  drop_question_function_words(lexed->lexemes, english_searched);
  ParsedQuery parsed;
  parsed.notes = std::move(lexed->notes);
  Parser parser(std::move(lexed->lexemes), analyzer, context, parsed);
  auto part = parser.parse_all();
  if (!part) return part.error();
  if (part->negative) return query_error(1, "query only excludes words", "add at least one word to search for");
  if (part->empty) return query_error(1, "query has no searchable words", "type at least one word");
  parsed.query = part->query;
  parsed.filters_only = part->filter;
  auto unique = [](std::vector<std::string>& v) {
    std::sort(v.begin(), v.end());
    v.erase(std::unique(v.begin(), v.end()), v.end());
  };
  unique(parsed.highlight_words);
  unique(parsed.highlight_stems);
  parser.finish();
  return parsed;
}

bool ParsedQuery::stem_counts_in(std::string_view stem, std::string_view stemmer) const {
  const auto scoped = std::lower_bound(scoped_stems.begin(), scoped_stems.end(), stem,
                                       [](const ScopedStem& s, std::string_view value) { return s.stem < value; });
  if (scoped == scoped_stems.end() || scoped->stem != stem) return true;
  return std::binary_search(scoped->stemmers.begin(), scoped->stemmers.end(), stemmer);
}

}  // namespace cs::searcher