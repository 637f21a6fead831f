#include "searcher/query.hpp"

#include <algorithm>

#include "common/schema.hpp"

namespace cs::searcher {

namespace {

enum class Occur { kShould, kMust, kMustNot };

// One item of the query: a bare word (or a run of characters without spaces) or a quoted
// phrase, with its +/- marker.
struct Item {
  std::string_view text;
  bool quoted = false;
  Occur occur = Occur::kShould;
};

Error query_error(std::size_t column, std::string reason, std::string hint) {
  return Error{ErrorKind::kQuery, "", "column " + std::to_string(column), std::move(reason), std::move(hint)};
}

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

Result<std::vector<Item>> split_items(std::string_view text) {
  std::vector<Item> items;
  std::size_t i = 0;
  while (i < text.size()) {
    if (is_space(text[i])) {
      ++i;
      continue;
    }
    Item item;
    if ((text[i] == '+' || text[i] == '-') && i + 1 < text.size() && !is_space(text[i + 1])) {
      item.occur = text[i] == '+' ? Occur::kMust : Occur::kMustNot;
      ++i;
    }
    if (text[i] == '"') {
      const std::size_t close = text.find('"', i + 1);
      if (close == std::string_view::npos) {
        return query_error(i + 1, "unbalanced quote", "close the phrase with \" or remove the quote");
      }
      item.text = text.substr(i + 1, close - i - 1);
      item.quoted = true;
      i = close + 1;
    } else {
      std::size_t end = i;
      while (end < text.size() && !is_space(text[end]) && text[end] != '"') ++end;
      item.text = text.substr(i, end - i);
      i = end;
    }
    items.push_back(item);
  }
  return items;
}

// Text and title alternatives for one term.
Xapian::Query in_text_or_title(const std::string& text_term, const std::string& title_term) {
  return Xapian::Query(Xapian::Query::OP_OR, Xapian::Query(text_term), Xapian::Query(title_term));
}

}  // namespace

Result<ParsedQuery> parse_query(std::string_view text, Analyzer& analyzer) {
  if (text.size() > kMaxQueryBytes) {
    return query_error(kMaxQueryBytes, "query is longer than 16 KB", "shorten the query");
  }
  auto items = split_items(text);
  if (!items) return items.error();

  ParsedQuery parsed;
  std::vector<Xapian::Query> should, must, must_not;
  std::vector<Token> tokens;
  std::size_t word_count = 0;
  for (const Item& item : *items) {
    tokens.clear();
    analyzer.tokenize(item.text, tokens);
    if (tokens.empty()) continue;
    word_count += tokens.size();
    if (word_count > kMaxQueryWords) {
      return query_error(static_cast<std::size_t>(item.text.data() - text.data()) + 1,
                         "query has more than 1024 words", "shorten the query");
    }
    Xapian::Query query;
    if (tokens.size() == 1 && !item.quoted) {
      // A word matches any form with the same stem ("calls" finds "call").
      const std::string& stem = analyzer.stem(tokens[0].word);
      query = in_text_or_title(schema::stemmed_term("", stem), schema::stemmed_term(schema::kTitlePrefix, stem));
      if (item.occur != Occur::kMustNot) parsed.highlight_stems.push_back(stem);
    } else {
      // A quoted phrase, or a word the analyzer splits ("China-U.S."), matches word for word.
      std::vector<Xapian::Query> text_words, title_words;
      for (const Token& token : tokens) {
        text_words.emplace_back(schema::exact_term("", token.word));
        title_words.emplace_back(schema::exact_term(schema::kTitlePrefix, token.word));
      }
      query = Xapian::Query(Xapian::Query::OP_OR,
                            Xapian::Query(Xapian::Query::OP_PHRASE, text_words.begin(), text_words.end()),
                            Xapian::Query(Xapian::Query::OP_PHRASE, title_words.begin(), title_words.end()));
    }
    if (item.occur != Occur::kMustNot) {
      for (const Token& token : tokens) parsed.highlight_words.push_back(token.word);
    }
    (item.occur == Occur::kMust ? must : item.occur == Occur::kMustNot ? must_not : should).push_back(query);
  }

  if (should.empty() && must.empty()) {
    if (!must_not.empty()) {
      return query_error(1, "query only excludes words", "add at least one word to search for");
    }
    return query_error(1, "query has no searchable words", "type at least one word");
  }
  if (!must.empty()) {
    parsed.query = Xapian::Query(Xapian::Query::OP_AND, must.begin(), must.end());
    if (!should.empty()) {
      parsed.query = Xapian::Query(Xapian::Query::OP_AND_MAYBE, parsed.query,
                                   Xapian::Query(Xapian::Query::OP_OR, should.begin(), should.end()));
    }
  } else {
    parsed.query = Xapian::Query(Xapian::Query::OP_OR, should.begin(), should.end());
  }
  if (!must_not.empty()) {
    parsed.query = Xapian::Query(Xapian::Query::OP_AND_NOT, parsed.query,
                                 Xapian::Query(Xapian::Query::OP_OR, must_not.begin(), must_not.end()));
  }
  auto unique = [](std::vector<std::string>& v) {
    std::sort(v.begin(), v.end());
    v.erase(std::unique(v.begin(), v.end()), v.end());
  };
  unique(parsed.highlight_words);
  unique(parsed.highlight_stems);
  return parsed;
}

}  // namespace cs::searcher
