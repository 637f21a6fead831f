#include "searcher/query/query.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <random>
#include <set>

#include "common/schema.hpp"
#include "searcher/query/spelling_variants.hpp"

namespace cs::searcher {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;

std::string describe(std::string_view text) {
  Analyzer analyzer;
  auto parsed = parse_query(text, analyzer);
  return parsed ? parsed->query.get_description() : "error: " + parsed.error().location + ": " + parsed.error().reason;
}

TEST(Query, WordsMatchByStemInTextAndTitle) {
  EXPECT_EQ(describe("calls"), "Query((Zcall OR ZScall))");
}

TEST(Query, SeveralWordsAreOptionalAndRankedByBm25) {
  EXPECT_EQ(describe("phone calls"), "Query(((Zphone OR ZSphone) OR (Zcall OR ZScall)))");
}

// Two new users' trials asked questions as sentences, and the articles holding the most of
// "what", "did" and "about" came first. A question is searched by its content words; a
// remembered phrase ("fans held up a sign asking who knew") keeps all of its words.
TEST(Query, AQuestionIsSearchedByItsContentWords) {
  EXPECT_EQ(describe("What did Ortega say about enforcement?"),
            "Query(((Zortega OR ZSortega) OR (Zsay OR ZSsay) OR (Zenforc OR ZSenforc)))");
  EXPECT_EQ(describe("who didn\xE2\x80\x99t sign the treaty"), "Query(((Zsign OR ZSsign) OR (Ztreati OR ZStreati)))");
  EXPECT_EQ(describe("why did Merz not call"), "Query(((Zmerz OR ZSmerz) OR (Znot OR ZSnot) OR (Zcall OR ZScall)))")
      << "a negation stays";
  EXPECT_EQ(describe("who is it"), "Query(((Zwho OR ZSwho) OR (Zis OR ZSis) OR (Zit OR ZSit)))") << "three words";
  EXPECT_EQ(describe("what is it that"), "Query(((Zwhat OR ZSwhat) OR (Zis OR ZSis) OR (Zit OR ZSit) OR (Zthat OR ZSthat)))")
      << "all function words";
  EXPECT_THAT(describe("fans held up a sign asking who knew"), HasSubstr("Zwho")) << "not a question: every word";
  EXPECT_THAT(describe("what did \"the president\" say"), HasSubstr("Zthe")) << "quotes: as typed";
  EXPECT_THAT(describe("what did the president say source:Reuters"), HasSubstr("Zthe")) << "a field: as typed";
  // A review's: a name that opens with a function word.
  EXPECT_THAT(describe("Will Smith Oscars slap"), HasSubstr("Zwill"));
  EXPECT_THAT(describe("what did they say at The Hague"), HasSubstr("Zthe"));
  Analyzer analyzer;
  QueryContext german;
  german.langs = {"de"};
  auto parsed = parse_query("was ist in Berlin los", analyzer, german);
  ASSERT_TRUE(parsed.ok());
  EXPECT_THAT(parsed->query.get_description(), HasSubstr("was")) << "a German question, searched in German";
}

TEST(Query, QuotedPhraseMatchesItsWordsStemsInOrder) {
  EXPECT_EQ(describe("\"phone calls\""), "Query(((Zphone OR ZSphone) PHRASE 2 (Zcall OR ZScall)))");
}

// British and American spellings are one word in English articles, each a stem of it for
// BM25 (one term, not two): "defence spending" missed "defense spending" (a query trial).
// Pairs whose stems are other words' are not joined ("organization" stems to "organ").
TEST(Query, BritishAndAmericanSpellingsAreOneWord) {
  EXPECT_EQ(describe("defence"), "Query(((Zdefenc SYNONYM Zdefens) OR (ZSdefenc SYNONYM ZSdefens)))");
  EXPECT_EQ(describe("colors"), "Query(((Zcolor SYNONYM Zcolour) OR (ZScolor SYNONYM ZScolour)))") << "any form of it";
  EXPECT_EQ(describe("organisation"), "Query((Zorganis OR ZSorganis))");
  EXPECT_EQ(describe("\"defense spending\""),
            "Query(((Zdefens OR ZSdefens OR Zdefenc OR ZSdefenc) PHRASE 2 (Zspend OR ZSspend)))")
      << "a phrase reads either spelling (a new user's trial: \"defense spending\" missed \"defence spending\")";
}

// The pairs' stems are written out (stemming the table cost every command a tenth of a
// millisecond): each must be what Snowball's English stemmer makes of its word, the two
// must differ (else the stemmer joins them itself), and a stem has one partner.
TEST(Query, EachSpellingPairHoldsItsWordsEnglishStems) {
  const Xapian::Stem english("english");
  std::set<std::string_view> stems;
  for (const SpellingPair& pair : english_spelling_pairs()) {
    EXPECT_EQ(english(std::string(pair.british)), pair.british_stem) << pair.british;
    EXPECT_EQ(english(std::string(pair.american)), pair.american_stem) << pair.american;
    EXPECT_NE(pair.british_stem, pair.american_stem) << pair.british;
    EXPECT_TRUE(stems.insert(pair.british_stem).second) << pair.british_stem;
    EXPECT_TRUE(stems.insert(pair.american_stem).second) << pair.american_stem;
    EXPECT_EQ(other_english_spelling(pair.british_stem), pair.american_stem);
    EXPECT_EQ(other_english_spelling(pair.american_stem), pair.british_stem);
  }
  EXPECT_GT(stems.size(), 90u);
  EXPECT_EQ(other_english_spelling("tax"), "");
}

// Pasted from a word processor or a phone, a phrase comes in the quotation marks they type:
// it matched its words one by one, "the" among them (a new user's trial).
TEST(Query, APhraseInTypographicQuotesIsAPhrase) {
  const std::string phrase = describe("\"phone calls\"");
  for (const char* typed : {"\xE2\x80\x9Cphone calls\xE2\x80\x9D", "\xE2\x80\x9Ephone calls\xE2\x80\x9C",
                            "\xC2\xABphone calls\xC2\xBB", "\xE2\x80\x9Cphone calls\"", "\xC2\xAB phone calls \xC2\xBB"}) {
    EXPECT_EQ(describe(typed), phrase) << typed;
  }
  EXPECT_EQ(describe("xi \xE2\x80\x9Cphone calls\xE2\x80\x9D"), describe("xi \"phone calls\""));
  EXPECT_EQ(describe("xi\xE2\x80\x9Cphone calls\xE2\x80\x9D"), describe("xi \"phone calls\"")) << "a mark ends a word";
  EXPECT_EQ(describe("phone \xC2\xBB calls"), describe("phone calls")) << "a closing mark alone is punctuation";
  EXPECT_EQ(describe("phone calls \xE2\x80\x9D"), describe("phone calls"));
}

// A phrase or NEAR is one list of the body's and the title's positions: it matches in
// either. (That the two never touch is the indexer's placing of the title past the body:
// ArticleDocument.TheTitleIsPlacedPastAnyBody.)
TEST(Query, APhraseMatchesInTheBodyOrInTheTitle) {
  Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
  const auto add = [&](std::vector<std::pair<std::string, Xapian::termpos>> postings) {
    Xapian::Document document;
    for (const auto& [term, position] : postings) document.add_posting(term, position);
    return db.add_document(document);
  };
  const Xapian::docid in_body = add({{"Zsocial", 4}, {"Zsecur", 5}, {"ZSbudget", schema::kTitlePositionBase}});
  const Xapian::docid in_title = add({{"Zbudget", 1}, {"ZSsocial", schema::kTitlePositionBase}, {"ZSsecur", schema::kTitlePositionBase + 1}});
  const Xapian::docid reversed = add({{"Zsecur", 1}, {"Zsocial", 2}, {"ZSsocial", schema::kTitlePositionBase}});
  add({{"Zbudget", 1}, {"Zsocial", 2}, {"ZSsecur", schema::kTitlePositionBase}});  // body's last word, title's first
  const auto matches = [&](std::string_view text) {
    Analyzer analyzer;
    auto parsed = parse_query(text, analyzer);
    EXPECT_TRUE(parsed.ok());
    Xapian::Enquire enquire(db);
    enquire.set_query(parsed->query);
    std::vector<Xapian::docid> found;
    const Xapian::MSet mset = enquire.get_mset(0, 10);
    for (auto it = mset.begin(); it != mset.end(); ++it) found.push_back(*it);
    std::sort(found.begin(), found.end());
    return found;
  };
  EXPECT_THAT(matches("\"social security\""), ElementsAre(in_body, in_title));
  EXPECT_THAT(matches("social NEAR/1 security"), ElementsAre(in_body, in_title, reversed)) << "NEAR takes any order";
  const Xapian::docid apart = add({{"Zsocial", 1}, {"Zsecur", 4}});
  EXPECT_THAT(matches("social NEAR/3 security"), ElementsAre(in_body, in_title, reversed, apart)) << "3 positions apart";
  EXPECT_THAT(matches("social NEAR/2 security"), ElementsAre(in_body, in_title, reversed)) << "within 2: not 3 apart";
}

TEST(Query, AQuotedWordMatchesByItsStemAsUnquoted) {
  EXPECT_EQ(describe("\"calls\""), "Query((Zcall OR ZScall))") << "the index keeps stems, not words as written";
}

TEST(Query, APhraseIsMatchedInEachLanguageByThatLanguagesStems) {
  Analyzer analyzer;
  const StemLanguages languages(std::vector<std::string>{"english", "german"});
  QueryContext context;
  context.stem_languages = &languages;
  auto parsed = parse_query("\"trade talks\"", analyzer, context);
  ASSERT_TRUE(parsed.ok());
  EXPECT_EQ(parsed->query.get_description(),
            "Query((((Ztrade OR ZStrade) PHRASE 2 (Ztalk OR ZStalk)) OR "
            "((Ztrad OR ZStrad) PHRASE 2 (Ztalk OR ZStalk))))");
}

TEST(Query, RequiredAndExcludedWords) {
  EXPECT_THAT(describe("+taiwan trade -tariffs"), HasSubstr("AND_MAYBE"));
  EXPECT_THAT(describe("+taiwan trade -tariffs"), HasSubstr("AND_NOT"));
  EXPECT_THAT(describe("+taiwan trade -tariffs"), HasSubstr("Ztariff"));
}

TEST(Query, SplitWordsBecomePhrases) {
  EXPECT_EQ(describe("China-U.S."), "Query(((Zchina OR ZSchina) PHRASE 2 (Zu.s OR ZSu.s)))");
}

TEST(Query, CapitalsAreAcronymsNotTheCommonWord) {
  EXPECT_EQ(describe("US"), "Query((Zu.s OR ZSu.s))");
  EXPECT_EQ(describe("U.S."), describe("US"));
  EXPECT_EQ(describe("u.s."), describe("US")) << "typing the dots finds the acronym in any case";
  EXPECT_EQ(describe("us"), "Query((Zus OR ZSus))") << "lower case finds the word and the acronym's letters";
  EXPECT_EQ(describe("\"US economy\""), "Query(((Zu.s OR ZSu.s) PHRASE 2 (Zeconomi OR ZSeconomi)))");
}

TEST(Query, CapitalsTheIndexDoesNotHoldAsAnAcronymAreWords) {
  Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
  Xapian::Document document;
  document.add_posting("Zu.s", 1);  // the index has "U.S." but no "IRAN" in capitals
  document.add_posting("Ziran", 2);
  db.add_document(document);
  Analyzer analyzer;
  QueryContext context;
  context.vocabulary = &db;
  auto acronym = parse_query("US", analyzer, context);
  auto shouted = parse_query("IRAN", analyzer, context);
  ASSERT_TRUE(acronym.ok() && shouted.ok());
  EXPECT_EQ(acronym->query.get_description(), "Query((Zu.s OR ZSu.s))");
  EXPECT_EQ(shouted->query.get_description(), "Query((Ziran OR ZSiran))");
}

TEST(Query, HyphenatedWordsMatchTheirPartsAndTheWhole) {
  EXPECT_EQ(describe("Ing-wen"), "Query((((Zing OR ZSing) PHRASE 2 (Zwen OR ZSwen)) OR (Zingwen OR ZSingwen)))");
  EXPECT_EQ(describe("ingwen"), "Query((Zingwen OR ZSingwen))");
}

TEST(Query, FoldsAccentsAsTheIndexDoes) {
  EXPECT_EQ(describe("Brzeziński"), describe("brzezinski"));
}

TEST(Query, UsesTheSameNormalisationAsTheIndex) {
  EXPECT_EQ(describe("ＴＡＩＷＡＮ"), describe("taiwan"));
}

std::vector<std::string> notes_of(std::string_view text) {
  Analyzer analyzer;
  auto parsed = parse_query(text, analyzer);
  return parsed ? parsed->notes : std::vector<std::string>{"error: " + parsed.error().reason};
}

// Issue #21: text typed or pasted as a query is read as text where it is not syntax.
TEST(Query, AnUnclosedQuoteRunsToTheEnd) {
  EXPECT_EQ(describe("phone \"call home"), describe("phone \"call home\""));
  EXPECT_THAT(notes_of("phone \"call home"), ElementsAre("the quote at column 7 is not closed, so its phrase runs to the end"));
  EXPECT_EQ(describe("phone \""), describe("phone"));
}

TEST(Query, AWordBeforeAColonThatIsNoFieldIsAWord) {
  EXPECT_EQ(describe("he added: \"nothing for granted\""), describe("he added \"nothing for granted\""));
  EXPECT_EQ(describe("Labour manifesto: tax"), describe("Labour manifesto tax"));
  EXPECT_THAT(notes_of("Labour manifesto: tax"), ElementsAre(HasSubstr("'manifesto:' is not a field, so it is a word")));
  EXPECT_EQ(describe("xi title: call"), describe("xi title call"));
  EXPECT_THAT(notes_of("xi title: call"), ElementsAre(HasSubstr("'title:' has no value, so it is a word")));
  EXPECT_EQ(describe("colour:red"), describe("\"colour red\"")) << "words joined by punctuation, as in text";
}

TEST(Query, AUrlIsItsWordsWithoutANote) {
  EXPECT_EQ(describe("http://www.example.co.uk/news"), describe("\"http www.example.co.uk news\""));
  EXPECT_THAT(notes_of("http://www.example.co.uk/news"), ::testing::IsEmpty());
}

TEST(Query, StrayParenthesesAreLeftOutOrClosed) {
  EXPECT_EQ(describe("xi trump)"), describe("xi trump"));
  EXPECT_THAT(notes_of("xi trump)"), ElementsAre("the ')' at column 9 closes nothing, so it is left out"));
  EXPECT_EQ(describe("(xi OR trump"), describe("(xi OR trump)"));
  EXPECT_THAT(notes_of("(xi OR trump"), ElementsAre("the '(' at column 1 is not closed, so it runs to the end"));
  EXPECT_EQ(describe("xi ()"), describe("xi"));
  EXPECT_EQ(describe(") (xi ( trump"), describe("(xi (trump))"));
}

TEST(Query, AnOperatorWithoutItsWordsIsAWord) {
  EXPECT_EQ(describe("xi AND"), describe("xi and"));
  EXPECT_THAT(notes_of("xi AND"), ElementsAre("'AND' at column 4 has no words to join, so it is a word"));
  EXPECT_EQ(describe("OR xi"), describe("or xi"));
  EXPECT_EQ(describe("xi NOT"), describe("xi not"));
  EXPECT_EQ(describe("NEAR xi"), describe("near xi"));
  EXPECT_EQ(describe("xi NEAR \"a b\""), describe("xi near \"a b\""));
  EXPECT_EQ(describe("AND OR xi"), describe("and OR xi")) << "the OR joins the word the AND became";
  EXPECT_EQ(describe("(AND)"), describe("and"));
}

TEST(Query, WellFormedQueriesHaveNoNotes) {
  for (const char* query : {"xi trump", "\"phone call\"", "(xi OR trump) AND -biden", "title:talks source:CNN",
                            "xi NEAR/3 trump", "a AND NOT b", "date:2021.."}) {
    EXPECT_THAT(notes_of(query), ::testing::IsEmpty()) << query;
  }
}

TEST(Query, QueriesWithoutWordsAreErrors) {
  EXPECT_EQ(describe("   "), "error: column 1: query has no searchable words");
  EXPECT_EQ(describe("!!! ..."), "error: column 1: query has no searchable words");
  EXPECT_EQ(describe("-trump"), "error: column 1: query only excludes words");
}

TEST(Query, OversizedQueriesAreRefusedQuickly) {
  std::string many;
  for (int i = 0; i < 2000; ++i) many += "w" + std::to_string(i) + " ";
  EXPECT_THAT(describe(many), HasSubstr("more than 1024 words"));
  EXPECT_THAT(describe(std::string(20000, 'a')), HasSubstr("longer than 16 KB"));
}

TEST(Query, AndRequiresBothOrEitherAndBindsTighterThanOr) {
  EXPECT_EQ(describe("taiwan AND trade"), "Query(((Ztaiwan OR ZStaiwan) AND (Ztrade OR ZStrade)))");
  EXPECT_EQ(describe("taiwan OR trade"), "Query(((Ztaiwan OR ZStaiwan) OR (Ztrade OR ZStrade)))");
  EXPECT_EQ(describe("a AND b OR c"), describe("(a AND b) OR c"));
  EXPECT_NE(describe("a AND b OR c"), describe("a AND (b OR c)"));
}

TEST(Query, NotExcludesLikeAMinus) {
  EXPECT_EQ(describe("taiwan NOT trade"), describe("taiwan -trade"));
  EXPECT_EQ(describe("taiwan AND NOT trade"), "Query(((Ztaiwan OR ZStaiwan) AND_NOT (Ztrade OR ZStrade)))");
  EXPECT_THAT(describe("xi -(trump OR biden)"), HasSubstr("AND_NOT"));
}

TEST(Query, LowerCaseOperatorsAreWords) {
  EXPECT_EQ(describe("war or peace"), "Query(((Zwar OR ZSwar) OR (Zor OR ZSor) OR (Zpeac OR ZSpeac)))");
}

TEST(Query, NearFindsWordsWithinAWindow) {
  EXPECT_EQ(describe("xi NEAR trump"), "Query(((Zxi OR ZSxi) NEAR 11 (Ztrump OR ZStrump)))");
  EXPECT_EQ(describe("xi NEAR/3 trump"), "Query(((Zxi OR ZSxi) NEAR 4 (Ztrump OR ZStrump)))");
}

// The index keeps stems: a prefix matches the stems that begin with it, and the stems of
// the index's words that do, which may be shorter than the prefix ("climate" -> "climat").
TEST(Query, TrailingStarMatchesTheStemsOfTheWordsStartingSo) {
  Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
  Xapian::Document first, second;
  for (const char* stem : {"Zeconom", "Zeconomi", "Zimmigr", "Zclimat", "Zecolog"}) first.add_term(stem);
  first.add_term("ZSeconomist");  // a stem only a title holds
  second.add_term("Zeconomi");
  second.add_term("ZSecolog");
  db.add_document(first);
  db.add_document(second);
  QueryContext context;
  context.vocabulary = &db;
  context.words_starting = [](std::string_view prefix, std::size_t) {
    std::vector<std::pair<std::string, std::uint64_t>> words;
    for (const auto& [word, articles] : std::vector<std::pair<std::string, std::uint64_t>>{
             {"climate", 1}, {"climates", 1}, {"immigrant", 1}, {"immigration", 1}}) {
      if (std::string_view(word).starts_with(prefix)) words.emplace_back(word, articles);
    }
    return words;
  };
  Analyzer analyzer;
  const auto expanded = [&](std::string_view query) {
    auto parsed = parse_query(query, analyzer, context);
    return parsed.ok() ? parsed->query.get_description() : parsed.error().reason;
  };
  EXPECT_EQ(expanded("econom*"), "Query(((Zeconomi SYNONYM Zeconom) OR ZSeconomist))")
      << "each field's own stems, the most frequent first";
  EXPECT_EQ(expanded("climate*"), "Query((Zclimat OR ZSclimate))") << "the words' stem, shorter than the prefix";
  EXPECT_EQ(expanded("immigra*"), "Query((Zimmigr OR ZSimmigra))") << "the words' stem";
  EXPECT_EQ(expanded("title:ecolo*"), "Query(ZSecolog)") << "a title's stem, though the body's are more frequent";
  EXPECT_EQ(expanded("ECON*"), expanded("econ*")) << "capitals before a * are no acronym";
  EXPECT_EQ(expanded("immigrations*"), "Query((Zimmigrations OR ZSimmigrations))")
      << "no word starts so: not the prefix's own stem, immigr, but the prefix, which no article holds";
  EXPECT_EQ(expanded("1990s*"), "Query((Z1990s OR ZS1990s))") << "digits are no listed word: the prefix's own stem";
  EXPECT_EQ(describe("tariff*"), "Query((Ztariff OR ZStariff))") << "with no index, the prefix's own stem";
  // The stems are highlighted and scored as one word of the query.
  Analyzer analyzer_for_parse;
  auto parsed = parse_query("econom*", analyzer_for_parse, context);
  ASSERT_TRUE(parsed.ok());
  EXPECT_EQ(parsed->highlight_stems, (std::vector<std::string>{"econom", "economi"}));
  EXPECT_EQ(parsed->scoring_terms, (std::vector<std::vector<std::string>>{{"economi", "econom"}}));
}

TEST(Query, FieldsSearchTitleOrFilter) {
  EXPECT_EQ(describe("title:calls"), "Query(ZScall)");
  EXPECT_EQ(describe("title:\"phone call\""), "Query((ZSphone PHRASE 2 ZScall))");
  EXPECT_EQ(describe("taiwan source:CNN"), "Query(((Ztaiwan OR ZStaiwan) FILTER 0 * XScnn))");
  EXPECT_EQ(describe("source:CNN"), "Query(0 * XScnn)") << "filters alone browse what they allow";
  EXPECT_THAT(describe("taiwan (source:CNN OR source:Reuters)"), HasSubstr("FILTER (0 * XScnn OR 0 * XSreuters)"));
  EXPECT_THAT(describe("taiwan -source:CNN"), HasSubstr("AND_NOT"));
  EXPECT_THAT(describe("+taiwan +author:\"Jane Doe\""), HasSubstr("Ajane doe"));
  EXPECT_THAT(describe("topic:Trade lang:EN"), HasSubstr("Ktrade"));
  EXPECT_THAT(describe("topic:Trade lang:EN"), HasSubstr("Len"));
}

TEST(Query, DateRanges) {
  EXPECT_THAT(describe("taiwan date:2021"), HasSubstr("FILTER"));
  EXPECT_THAT(describe("taiwan date:2021"), HasSubstr("VALUE_RANGE 1 2021 2021\\xff"));
  EXPECT_THAT(describe("taiwan date:2021-02..2021-06"), HasSubstr("VALUE_RANGE 1 2021-02 2021-06\\xff"));
  EXPECT_THAT(describe("taiwan date:2021.."), HasSubstr("VALUE_RANGE 1 2021 \\xff"));
}

// What the syntax cannot take stays an error, at its column.
TEST(Query, ValuesTheSyntaxCannotTakeAreErrorsAtTheirColumn) {
  EXPECT_EQ(describe("xi OR -trump"), "error: column 4: OR cannot join an excluded word");
  EXPECT_EQ(describe("xi date:2021-13"), "error: column 4: date: '2021-13' is not a date");
  EXPECT_EQ(describe("xi date:2018-02-30"), "error: column 4: date: '2018-02-30' is not a date");
  EXPECT_EQ(describe("xi date:.."), "error: column 4: date: needs a date");
  EXPECT_EQ(describe("xi NEAR/x trump"), "error: column 4: 'NEAR/x' needs a window from 1 to 1000 words");
  EXPECT_EQ(describe("xi NEAR/0 trump"), "error: column 4: 'NEAR/0' needs a window from 1 to 1000 words");
  EXPECT_EQ(describe("xi *"), describe("xi")) << "a lone * is punctuation";
  EXPECT_EQ(describe("NOT xi"), "error: column 1: query only excludes words");
}

TEST(Query, DeepNestingIsRefusedNotRecursedInto) {
  EXPECT_THAT(describe(std::string(5000, '(') + "xi" + std::string(5000, ')')), HasSubstr("nest deeper than 32"));
  EXPECT_EQ(describe(std::string(30, '(') + "xi" + std::string(30, ')')), describe("xi"));
}

TEST(Query, RandomQueriesParseOrFailOnlyOnWhatTheSyntaxCannotTake) {
  // Fragments of the query language, shuffled: every result is a query, or an error that is
  // not about punctuation (a bad value, nothing to search for), at its column.
  static const char* pieces[] = {"xi", "Trump", "AND", "OR", "NOT", "NEAR", "NEAR/2", "(", ")", "\"", "+", "-",
                                 "*", "title:", "source:cnn", "date:", "date:2021..", "..", ":", "台湾", "U.S.", " ",
                                 "said:", "http://a.b/c"};
  static const char* allowed[] = {"query has no searchable words", "query only excludes words",
                                  "OR cannot join an excluded word", "AND needs a word to its left", "date:"};
  Analyzer analyzer;
  std::mt19937 random(42);
  for (int i = 0; i < 5000; ++i) {
    std::string text;
    const std::size_t length = random() % 12;
    for (std::size_t k = 0; k < length; ++k) text += std::string(pieces[random() % std::size(pieces)]) + (random() % 2 ? " " : "");
    auto parsed = parse_query(text, analyzer);
    if (!parsed) {
      EXPECT_EQ(parsed.error().kind, ErrorKind::kQuery) << text;
      EXPECT_EQ(parsed.error().location.rfind("column ", 0), 0u) << text;
      const std::string& reason = parsed.error().reason;
      EXPECT_TRUE(std::any_of(std::begin(allowed), std::end(allowed),
                              [&reason](const char* a) { return reason.find(a) != std::string::npos; }))
          << text << " -> " << reason;
    } else {
      EXPECT_FALSE(parsed->query.empty()) << text;
    }
  }
}

TEST(Query, HighlightsWhatTheUserTyped) {
  Analyzer analyzer;
  auto parsed = parse_query("Phone calls -trump \"Xi Jinping\" NOT (biden OR harris) source:cnn", analyzer);
  ASSERT_TRUE(parsed.ok());
  EXPECT_THAT(parsed->highlight_words, ElementsAre("calls", "jinping", "phone", "xi"));
  EXPECT_THAT(parsed->highlight_stems, ElementsAre("call", "jinp", "phone", "xi")) << "a phrase's words by stem too";
}

}  // namespace
}  // namespace cs::searcher
