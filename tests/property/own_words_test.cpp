// Property: index and query analysis agree. For every passage of real text (the bundled
// corpus in English, Chinese pages in GB2312 and Big5, mixed text), a query made of some of
// the passage's own words, as they appear in it, finds the passage's article; and two
// consecutive words of it, quoted, find it as a phrase. Words are drawn with a fixed seed.
#include <gtest/gtest.h>
#include <xapian.h>

#include <random>

#include "common/analyzer.hpp"
#include "common/passage_record.hpp"
#include "common/passage_text.hpp"
#include "common/schema.hpp"
#include "common/stored_dictionaries.hpp"
#include "indexer/index_run.hpp"
#include "searcher/query/query.hpp"
#include "support/test_support.hpp"

namespace cs {
namespace {

class OwnWords : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new test::TempDir();
    indexer::IndexOptions options;
    options.db = *dir_ / "db";
    options.roots = {test::corpus_dir(), test::fixtures_dir() / "readers" / "html", test::fixtures_dir() / "readers" / "text"};
    test::write_file(*dir_ / "mixed" / "mixed.txt",
                     "中美关系 Taiwan policy\n\n外交部发言人表示，中方 welcomes the phone call between 习近平 and Biden, "
                     "说双方同意 keep talking about trade and 台湾.\n");
    options.roots.push_back(*dir_ / "mixed");
    auto summary = indexer::run_index(options, [](const Error&) {});
    ASSERT_TRUE(summary.ok()) << summary.error().reason;
  }
  static void TearDownTestSuite() {
    delete dir_;
    dir_ = nullptr;
  }

  // True when `query_text` matches the article document `docid` (no collapsing).
  static bool finds(const Xapian::Database& db, Analyzer& analyzer, const std::string& query_text, Xapian::docid docid) {
    // As cs-search parses: against the index's vocabulary and in each of its stem languages.
    searcher::QueryContext context;
    context.vocabulary = &db;
    const searcher::StemLanguages languages = searcher::StemLanguages::read(
        db, schema::split_list(db.get_metadata(std::string(schema::kStemLanguagesKey))));
    context.stem_languages = &languages;
    auto parsed = searcher::parse_query(query_text, analyzer, context);
    if (!parsed) {
      ADD_FAILURE() << "query \"" << query_text << "\": " << parsed.error().reason;
      return false;
    }
    Xapian::Enquire enquire(db);
    enquire.set_query(parsed->query);
    const Xapian::MSet mset = enquire.get_mset(0, db.get_doccount());
    for (auto it = mset.begin(); it != mset.end(); ++it) {
      if (*it == docid) return true;
    }
    return false;
  }

  static test::TempDir* dir_;
};

test::TempDir* OwnWords::dir_ = nullptr;

TEST_F(OwnWords, AnyOfAPassagesWordsFindIt) {
  Xapian::Database db((*dir_ / "db").string());
  ASSERT_GT(db.get_doccount(), 10u);
  Analyzer analyzer;
  std::mt19937 random(20261122);
  std::size_t checked = 0;
  bool saw_chinese = false;
  StoredDictionaries dictionaries;
  dictionaries.reset({db});
  for (auto it = db.postlist_begin(""); it != db.postlist_end(""); ++it) {
    const Xapian::Document document = db.get_document(*it);
    auto record = decode_article_record(document.get_data(), dictionaries.lookup());
    ASSERT_TRUE(record.ok());
    ASSERT_GT(record->count, 0u);
    for (std::uint32_t passage = 0; passage < record->count; ++passage) {
      record->passage_id = passage_id(record->article_id, passage);
      const std::string text =
          unpack_passage_text(document.get_value(schema::passage_text_slot(passage)), dictionaries.lookup())
              .value_or(PassageText{})
              .text;
      ASSERT_FALSE(text.empty()) << record->passage_id;
      std::vector<Token> words;
      analyzer.tokenize(text, words);
      if (words.empty()) continue;
      const auto surface = [&](const Token& t) { return text.substr(t.begin, t.end - t.begin); };
      for (int trial = 0; trial < 5; ++trial) {
        std::string query;
        const std::size_t count = 1 + random() % 3;
        for (std::size_t k = 0; k < count; ++k) {
          query += (k ? " " : "") + surface(words[random() % words.size()]);
        }
        EXPECT_TRUE(finds(db, analyzer, query, *it)) << "query [" << query << "] misses " << record->passage_id;
        if (words.size() >= 2) {
          const std::size_t at = random() % (words.size() - 1);
          const std::string phrase = "\"" + surface(words[at]) + " " + surface(words[at + 1]) + "\"";
          EXPECT_TRUE(finds(db, analyzer, phrase, *it)) << "phrase [" << phrase << "] misses " << record->passage_id;
        }
        ++checked;
      }
      saw_chinese = saw_chinese || text.find("\xE4\xB9\xA0") != std::string::npos;  // 习
    }
  }
  EXPECT_GT(checked, 150u);
  EXPECT_TRUE(saw_chinese) << "the Chinese fixtures should be among the passages";
}

}  // namespace
}  // namespace cs
