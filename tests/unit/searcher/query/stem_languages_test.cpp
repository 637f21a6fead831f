#include "searcher/query/stem_languages.hpp"

#include <gtest/gtest.h>

#include <set>

#include "common/analyzer.hpp"
#include "searcher/query/query.hpp"

namespace cs::searcher {
namespace {

// Articles reduced to what the filters read: their language terms and one stem each. See issue #20.
class StemLanguagesTest : public ::testing::Test {
 protected:
  StemLanguagesTest() : db_(std::string(), Xapian::DB_BACKEND_INMEMORY) {
    add({"Len"}, "Znotic");                  // 1: English "notices"
    add({"Lpt", "Lpt-br"}, "Znotic");        // 2: Portuguese "notícias"
    add({"Lde"}, "Zverhandl");               // 3: German "Verhandlungen"
    add({}, "Znoticias");                    // 4: undetected, word for word
    add({"Lzh", "Lzh-cn"}, "Znotic");        // 5: a tag with no stemmer, word for word
    languages_ = StemLanguages::read(db_, {"english", "german", "none", "portuguese"});
  }

  void add(const std::vector<std::string>& language_terms, const std::string& stem) {
    Xapian::Document document;
    for (const std::string& term : language_terms) document.add_boolean_term(term);
    document.add_term(stem);
    db_.add_document(document);
  }

  std::set<Xapian::docid> matches(const Xapian::Query& query) const {
    Xapian::Enquire enquire(db_);
    enquire.set_query(query);
    std::set<Xapian::docid> found;
    for (const Xapian::docid docid : enquire.get_mset(0, 10)) found.insert(docid);
    return found;
  }

  std::set<Xapian::docid> finds(const std::string& text) {
    QueryContext context;
    context.stem_languages = &languages_;
    auto parsed = parse_query(text, analyzer_, context);
    EXPECT_TRUE(parsed.ok());
    return parsed.ok() ? matches(parsed->query) : std::set<Xapian::docid>{};
  }

  StemmerSet of(const std::string& lang) const { return languages_.of_lang(lang); }

  Xapian::WritableDatabase db_;
  StemLanguages languages_;
  Analyzer analyzer_;
};

TEST_F(StemLanguagesTest, ReadsEachStemmersArticlesFromTheLanguageTerms) {
  ASSERT_EQ(languages_.size(), 4u);
  EXPECT_EQ(languages_.name(0), "english");
  EXPECT_EQ(of("en-US"), of("en"));
  EXPECT_EQ(of("zh"), of("")) << "no stemmer: the articles of none";
  EXPECT_EQ(of("fr"), 0u) << "no French article";
  EXPECT_EQ(languages_.of_langs({"fr"}), languages_.all());
}

TEST_F(StemLanguagesTest, KeepsAQueryToTheArticlesOfSomeStemmers) {
  const Xapian::Query notic("Znotic");
  const StemmerSet all = languages_.all();
  EXPECT_EQ(matches(languages_.within(notic, of("pt"), all)), (std::set<Xapian::docid>{2}));
  EXPECT_EQ(matches(languages_.within(notic, of("en") | of("pt"), all)), (std::set<Xapian::docid>{1, 2}));
  EXPECT_EQ(matches(languages_.within(notic, of("zh"), all)), (std::set<Xapian::docid>{5})) << "none, by leaving out";
  EXPECT_EQ(matches(languages_.within(notic, all & ~of("zh"), all)), (std::set<Xapian::docid>{1, 2}));
  EXPECT_EQ(languages_.within(notic, of("pt"), of("pt")).get_description(), notic.get_description())
      << "nothing to leave out of what is searched";
}

TEST_F(StemLanguagesTest, AQueryWordsStemMatchesOnlyInItsLanguagesArticles) {
  EXPECT_EQ(finds("Notícias"), (std::set<Xapian::docid>{2, 4})) << "Portuguese notic; word for word noticias";
  EXPECT_EQ(finds("notices"), (std::set<Xapian::docid>{1, 2})) << "English notic; Portuguese notic too";
  EXPECT_EQ(finds("Verhandlung"), (std::set<Xapian::docid>{3}));
}

// A wildcard reaches a word's stem only in the articles of the languages that stem it so,
// as the word does: "noticias*" (Portuguese "notic") does not find English "notices".
TEST_F(StemLanguagesTest, AWildcardsStemsMatchInTheirLanguagesArticles) {
  QueryContext context;
  context.stem_languages = &languages_;
  context.vocabulary = &db_;
  context.words_starting = [](std::string_view prefix, std::size_t) {
    std::vector<std::pair<std::string, std::uint64_t>> words;
    if (std::string_view("noticias").starts_with(prefix)) words.emplace_back("noticias", 2);
    return words;
  };
  auto parsed = parse_query("noticias*", analyzer_, context);
  ASSERT_TRUE(parsed.ok());
  EXPECT_EQ(matches(parsed->query), (std::set<Xapian::docid>{2, 4})) << "Portuguese notic; word for word noticias";
  parsed = parse_query("notic*", analyzer_, context);
  ASSERT_TRUE(parsed.ok());
  EXPECT_EQ(matches(parsed->query), (std::set<Xapian::docid>{1, 2, 4, 5})) << "the stems that begin so, in every language";
}

TEST_F(StemLanguagesTest, TheLanguagesOfALangFilterPickTheStemmers) {
  // The filter itself keeps the search to Portuguese articles: nothing left to filter here.
  QueryContext context;
  context.stem_languages = &languages_;
  context.langs = {"pt-BR"};
  auto parsed = parse_query("Notícias", analyzer_, context);
  ASSERT_TRUE(parsed.ok());
  EXPECT_EQ(parsed->query.get_description(), "Query((Znotic OR ZSnotic))");
  EXPECT_TRUE(parsed->scoped_stems.empty());
}

TEST_F(StemLanguagesTest, ScopedStemsCountOnlyInTheirLanguages) {
  QueryContext context;
  context.stem_languages = &languages_;
  auto parsed = parse_query("Notícias", analyzer_, context);
  ASSERT_TRUE(parsed.ok());
  EXPECT_TRUE(parsed->stem_counts_in("notic", "portuguese"));
  EXPECT_FALSE(parsed->stem_counts_in("notic", "english"));
  EXPECT_TRUE(parsed->stem_counts_in("noticias", "none"));
  EXPECT_TRUE(parsed->stem_counts_in("elsewhere", "english")) << "not a stem of the query: not scoped";
}

TEST(StemLanguages, WithoutArticlesStemsAreNeverFiltered) {
  const StemLanguages languages(std::vector<std::string>{"english", "portuguese"});
  const Xapian::Query notic("Znotic");
  EXPECT_EQ(languages.within(notic, 2, languages.all()).get_description(), notic.get_description());
}

// An article in `language` (its language term) holding `stems`.
Xapian::docid add_article(Xapian::WritableDatabase& db, const char* language, const std::vector<std::string>& stems) {
  Xapian::Document document;
  document.add_boolean_term(language);
  for (const std::string& stem : stems) document.add_term(stem);
  return db.add_document(document);
}

// The articles of `db` that `text` finds, parsed in `context`.
std::set<Xapian::docid> found_by(const Xapian::Database& db, const std::string& text, Analyzer& analyzer,
                                 const QueryContext& context) {
  auto parsed = parse_query(text, analyzer, context);
  EXPECT_TRUE(parsed.ok()) << text;
  std::set<Xapian::docid> found;
  if (!parsed.ok()) return found;
  Xapian::Enquire enquire(db);
  enquire.set_query(parsed->query);
  for (const Xapian::docid docid : enquire.get_mset(0, 20)) found.insert(docid);
  return found;
}

// A stem another language gives a query word is dropped where it is that language's function
// word: English "Lee" is French "le", in every French article (a new user's trial had them
// first for "Liz Lee"). A folder's subject in French ("incendies", French "incend", in every
// French article) still finds them. A French article naming a Lee is lost with the rest: its
// "Lee" is "le" to French's stemmer, no better than the article's every "le".
TEST(StemLanguagesFunctionWords, AnotherLanguagesFunctionWordIsNoStemOfAQueryWord) {
  Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
  const Xapian::docid fire = add_article(db, "Lfr", {"Zle", "Zincend", "Zforêt"});
  const Xapian::docid drills = add_article(db, "Lfr", {"Zle", "Zincend"});
  const Xapian::docid english = add_article(db, "Len", {"Zlee", "Zdrill"});
  (void)fire;
  StemLanguages languages = StemLanguages::read(db, {"english", "french"});
  Analyzer analyzer;
  QueryContext context;
  context.stem_languages = &languages;
  context.vocabulary = &db;
  const auto finds = [&](const std::string& text) { return found_by(db, text, analyzer, context); };
  EXPECT_EQ(finds("Lee"), (std::set<Xapian::docid>{english})) << "not by French le";
  EXPECT_EQ(finds("incendies"), (std::set<Xapian::docid>{fire, drills})) << "a subject's stem is kept";
  context.vocabulary = nullptr;
  EXPECT_EQ(finds("Lee").size(), 3u) << "without the index's counts, nothing is judged";
}

// Counted in the language's own articles: English articles holding "not" make no French
// function word of French "not" ("notes"), and a word keeps a stem whatever is dropped
// (a review found "notes" unfound in a mostly English index, and "les" left with none).
TEST(StemLanguagesFunctionWords, AreCountedInTheirLanguagesArticlesAndAWordKeepsAStem) {
  Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
  for (int i = 0; i < 6; ++i) add_article(db, "Len", {"Znot", "Zles"});
  const Xapian::docid bac = add_article(db, "Lfr", {"Znot", "Zle", "Zbac"});
  for (int i = 0; i < 6; ++i) add_article(db, "Lfr", {"Zle", "Zincend"});
  StemLanguages languages = StemLanguages::read(db, {"english", "french"});
  EXPECT_FALSE(languages.is_function_word(db, "Znot", languages.of_lang("fr")));
  EXPECT_TRUE(languages.is_function_word(db, "Zle", languages.of_lang("fr")));
  Analyzer analyzer;
  QueryContext context;
  context.stem_languages = &languages;
  context.vocabulary = &db;
  EXPECT_TRUE(found_by(db, "notes", analyzer, context).contains(bac)) << "French notes";
  auto les = parse_query("les", analyzer, context);
  ASSERT_TRUE(les.ok()) << "a word whose every stem is a function word keeps them";
  EXPECT_FALSE(les->query.empty());
  EXPECT_TRUE(parse_query("\"les paul\"", analyzer, context).ok());
}


}  // namespace
}  // namespace cs::searcher
