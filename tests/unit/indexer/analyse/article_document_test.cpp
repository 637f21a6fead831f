#include "indexer/analyse/article_document.hpp"

#include <gtest/gtest.h>

#include <algorithm>

#include "common/passage_record.hpp"
#include "common/passage_terms.hpp"
#include "common/passage_text.hpp"
#include "common/schema.hpp"
#include "indexer/analyse/passages.hpp"

namespace cs::indexer {
namespace {

bool has_term(const Xapian::Document& document, const std::string& term);

struct Built {
  Article article;
  std::vector<Passage> passages;
  Xapian::Document document;
  std::vector<std::string> spelling_words;  // the builder's, sorted
};

Built build_with(ArticleDocumentBuilder& builder, Analyzer& analyzer, std::string body,
                 std::vector<std::string> other_titles = {}) {
  Built built;
  built.article.id = "wire/a.txt";
  built.article.path = "wire/a.txt";
  built.article.title = "Tariffs Return";
  built.article.source = "Wire";
  built.article.date = "2025-02-01";
  built.article.body = std::move(body);
  built.article.other_titles = std::move(other_titles);
  const CutText cut = cut_text(built.article.body, analyzer, {.max_words = 20, .min_words = 3});
  built.passages = cut.passages;
  built.document = builder.build(built.article, cut, "/data");
  built.spelling_words = builder.spelling_words();
  std::sort(built.spelling_words.begin(), built.spelling_words.end());
  return built;
}

Built build(std::string body, std::vector<std::string> other_titles = {}) {
  Analyzer analyzer;
  ArticleDocumentBuilder builder(analyzer);
  return build_with(builder, analyzer, std::move(body), std::move(other_titles));
}

std::vector<Xapian::termpos> positions(const Xapian::Document& document, const std::string& term) {
  std::vector<Xapian::termpos> out;
  for (auto t = document.termlist_begin(); t != document.termlist_end(); ++t) {
    if (*t != term) continue;
    for (auto p = t.positionlist_begin(); p != t.positionlist_end(); ++p) out.push_back(*p);
  }
  return out;
}

// Each stem has one posting a use of any of its words; a word as written is no term (the
// index keeps stems only), but the body's and the title's words, not their alternative
// forms but for an acronym's letters, go to the spelling table once each ("tariffs" is in both, "return" only in the
// title).
TEST(ArticleDocument, StemsAreCountedOnceAUseAndWordsListedOnceForSpelling) {
  const Built b = build("Tariffs, tariffs and more tariffs on U.S. steel hit e-mail sellers.\n\nTariffs again.");
  const auto wdf = [&](const std::string& term) -> Xapian::termcount {
    for (auto t = b.document.termlist_begin(); t != b.document.termlist_end(); ++t) {
      if (*t == term) return t.get_wdf();
    }
    return 0;
  };
  EXPECT_EQ(wdf("Ztariff"), 4u) << "the stem, once a use";
  EXPECT_EQ(wdf("Zu.s"), 1u);
  EXPECT_EQ(wdf("Zus"), 1u) << "the acronym's alternative form";
  EXPECT_EQ(wdf("ZStariff"), 1u) << "the title's";
  for (auto t = b.document.termlist_begin(); t != b.document.termlist_end(); ++t) {
    const std::string term = *t;
    EXPECT_TRUE(term[0] >= 'A' && term[0] <= 'Z') << term << ": every term has a prefix";
  }
  EXPECT_EQ(b.document.termlist_count(), 22u) << "13 stems of the body, 2 of the title, 7 field terms: no word as written";
  EXPECT_EQ(b.spelling_words, (std::vector<std::string>{"again", "and", "e", "hit", "mail", "more", "on", "return", "sellers",
                                                        "steel", "tariffs", "u.s", "us"}))
      << "an acronym's letters too, not e-mail's joined form";
}

// A builder keeps the stems of the words it met from article to article, and what each
// word was in the article being built only: the next one starts afresh, also in another
// language.
TEST(ArticleDocument, EachArticleCountsItsOwnWords) {
  Analyzer analyzer;
  ArticleDocumentBuilder builder(analyzer);
  const Built first = build_with(builder, analyzer, "Tariffs rose on steel and tariffs on cars.");
  EXPECT_EQ(first.spelling_words, (std::vector<std::string>{"and", "cars", "on", "return", "rose", "steel", "tariffs"}));
  const Built second = build_with(builder, analyzer, "Steel prices fell.");
  EXPECT_EQ(second.spelling_words, (std::vector<std::string>{"fell", "prices", "return", "steel", "tariffs"}))
      << "the title's tariffs: the body of the article before does not count";
  EXPECT_TRUE(has_term(second.document, "Zsteel"));
  EXPECT_FALSE(has_term(second.document, "Zcar")) << "nothing of the article before";
  analyzer.set_language("german");
  const Built german = build_with(builder, analyzer, "Die Verhandlungen über prices gehen weiter.");
  EXPECT_TRUE(has_term(german.document, "Zverhandl")) << "stemmed in the article's language";
  EXPECT_TRUE(has_term(german.document, "Zpric")) << "a word met in English before, stemmed again";
  EXPECT_TRUE(has_term(second.document, "Zprice"));
}

TEST(ArticleDocument, OneDocumentHoldsEveryPassageTextAndItsBounds) {
  const Built b = build(
      "Ministers met in Geneva on Monday.\n\n"
      "The talks covered tariffs on steel, tariffs on cars, and the dispute over farm subsidies.\n\n"
      "Nothing was signed.");
  ASSERT_EQ(b.passages.size(), 3u);
  for (const Passage& p : b.passages) {
    const auto stored = unpack_passage_text(b.document.get_value(schema::passage_text_slot(p.index)), {});
    ASSERT_TRUE(stored.has_value());
    EXPECT_EQ(stored->text, b.article.body.substr(p.begin, p.end - p.begin));
    std::vector<Span> sentences;
    Analyzer().sentences(stored->text, sentences);
    EXPECT_EQ(stored->sentences, sentences) << "the passage's sentences, as the analyzer cuts them";
  }
  EXPECT_EQ(b.document.get_value(schema::passage_text_slot(3)), "") << "no slot past the last passage";
  const auto second = unpack_passage_text(b.document.get_value(schema::passage_text_slot(1)), {});
  ASSERT_TRUE(second.has_value());
  EXPECT_EQ(second->sentences.size(), 1u);

  std::vector<std::uint32_t> arena;
  const ArticleTermsRange range = decode_article_terms(b.document.get_value(schema::kArticleTermsSlot), arena);
  ASSERT_EQ(range.passage_count, 3u);
  // "Ministers met in Geneva on Monday" is 6 words; the second passage has 15.
  EXPECT_EQ(arena[range.starts_begin], 0u);
  EXPECT_EQ(arena[range.starts_begin + 1], 6u);
  EXPECT_EQ(arena[range.starts_begin + 2], 21u);
  EXPECT_EQ(range.word_count, 24u);
  EXPECT_EQ(range.title_count, 2u);

  auto record = decode_article_record(b.document.get_data(), {});
  ASSERT_TRUE(record.ok());
  EXPECT_EQ(record->article_id, "wire/a.txt");
  EXPECT_EQ(record->count, 3u);
  EXPECT_EQ(record->root, "/data");
}

bool has_term(const Xapian::Document& document, const std::string& term) {
  for (auto t = document.termlist_begin(); t != document.termlist_end(); ++t) {
    if (*t == term) return true;
  }
  return false;
}

TEST(ArticleDocument, StemsHaveTheirWordsPositions) {
  const Built b = build(
      "Ministers met in Geneva on Monday.\n\n"
      "The talks covered tariffs on steel, tariffs on cars, and the dispute over farm subsidies.");
  // Word i of the text (from 0, across passages) is at position i + 1.
  EXPECT_EQ(positions(b.document, "Ztariff"), (std::vector<Xapian::termpos>{10, 13}));
  EXPECT_EQ(positions(b.document, "Zminist"), (std::vector<Xapian::termpos>{1}));
  EXPECT_EQ(positions(b.document, "ZStariff"), (std::vector<Xapian::termpos>{schema::kTitlePositionBase}));
  EXPECT_EQ(positions(b.document, "ZSreturn"), (std::vector<Xapian::termpos>{schema::kTitlePositionBase + 1}));
  for (const char* word : {"tariffs", "ministers", "Stariffs"}) EXPECT_FALSE(has_term(b.document, word)) << word;
}

// A query's phrase reads the body's and the title's positions as one list: the title's lie
// past the body's, however long it is.
TEST(ArticleDocument, TheTitleIsPlacedPastAnyBody) {
  std::string body;
  for (int i = 0; i < 25100; ++i) body += "one two three four ";
  body += "tariffs";
  const Built b = build(body);
  const auto last_body = positions(b.document, "Ztariff");
  ASSERT_EQ(last_body, (std::vector<Xapian::termpos>{100401}));
  EXPECT_EQ(positions(b.document, "ZStariff"), (std::vector<Xapian::termpos>{100401 + 1 + schema::kOtherTitleGap}))
      << "further past the body's last word than the widest NEAR";
}

TEST(ArticleDocument, TheArticleIsFoundByItsIdStoryAndFields) {
  const Built b = build("Ministers met in Geneva on Monday to talk about tariffs.");
  EXPECT_TRUE(has_term(b.document, schema::boolean_term(schema::kArticleIdPrefix, "wire/a.txt")));
  EXPECT_TRUE(has_term(b.document, schema::story_term(schema::story_key("wire/a.txt", ""))))
      << "an article with no story is its own";
  EXPECT_TRUE(has_term(b.document, schema::boolean_term(schema::kSourcePrefix, "wire")));
  EXPECT_TRUE(has_term(b.document, std::string(schema::kDayPrefix) + "20250201"));
  EXPECT_EQ(b.document.get_value(schema::kStorySlot), schema::story_key("wire/a.txt", ""));
}

// See issue #18: a page's other titles are title words, after the title, never shown.
TEST(ArticleDocument, OtherTitlesAreTitleWordsAfterTheTitleAndNeverShown) {
  const Built b = build("Ministers met in Geneva on Monday to talk about tariffs.",
                        {"Geneva talks resume", "Steel duties return"});
  EXPECT_TRUE(has_term(b.document, "ZSgeneva"));
  const Xapian::termpos first = schema::kTitlePositionBase + 2 + schema::kOtherTitleGap;
  EXPECT_EQ(positions(b.document, "ZSgeneva"), (std::vector<Xapian::termpos>{first}));
  EXPECT_EQ(positions(b.document, "ZSresum"), (std::vector<Xapian::termpos>{first + 2}));
  // The gap keeps "resume steel" from reading as a phrase across the two titles.
  EXPECT_EQ(positions(b.document, "ZSsteel"), (std::vector<Xapian::termpos>{first + 3 + schema::kOtherTitleGap}));
  EXPECT_EQ(positions(b.document, "ZSreturn"),
            (std::vector<Xapian::termpos>{schema::kTitlePositionBase + 1, first + 5 + schema::kOtherTitleGap}));

  std::vector<std::uint32_t> arena;
  const ArticleTermsRange range = decode_article_terms(b.document.get_value(schema::kArticleTermsSlot), arena);
  EXPECT_EQ(range.title_count, 8u) << "the title signal counts every title's stems";
  auto record = decode_article_record(b.document.get_data(), {});
  ASSERT_TRUE(record.ok());
  EXPECT_EQ(record->title, "Tariffs Return");
  EXPECT_EQ(b.document.get_data().find("Geneva talks"), std::string::npos);
}

// A page's standfirst and the article's byline are found as title words, after the titles,
// without counting for the title signal, and never shown.
TEST(ArticleDocument, TheStandfirstAndTheBylineAreSearchableAsTitleWords) {
  Analyzer analyzer;
  ArticleDocumentBuilder builder(analyzer);
  Article article;
  article.id = article.path = "guardian/drills.html";
  article.title = "Drills Resume";
  article.author = "Helen Davidson";
  article.standfirst = "Beijing warns separatist forces";
  article.body = "Warships and jets circled the island on Tuesday.";
  const CutText cut = cut_text(article.body, analyzer, {.max_words = 20, .min_words = 3});
  const Xapian::Document document = builder.build(article, cut, "/data");
  const Xapian::termpos standfirst = schema::kTitlePositionBase + 2 + schema::kOtherTitleGap;
  EXPECT_EQ(positions(document, "ZSseparatist"), (std::vector<Xapian::termpos>{standfirst + 2}));
  EXPECT_EQ(positions(document, "ZShelen"), (std::vector<Xapian::termpos>{standfirst + 4 + schema::kOtherTitleGap}));
  EXPECT_TRUE(has_term(document, "ZSdavidson"));
  std::vector<std::uint32_t> arena;
  const ArticleTermsRange range = decode_article_terms(document.get_value(schema::kArticleTermsSlot), arena);
  EXPECT_EQ(range.title_count, 2u) << "the title signal counts the titles' stems alone";
  std::vector<std::string> spelling = builder.spelling_words();
  EXPECT_NE(std::find(spelling.begin(), spelling.end(), "helen"), spelling.end()) << "no correction of a name found";
}

}  // namespace
}  // namespace cs::indexer
