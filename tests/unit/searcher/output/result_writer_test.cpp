#include "searcher/output/result_writer.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <sstream>

namespace cs::searcher {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

QueryResult sample() {
  QueryResult result;
  result.qid = "q1";
  result.query = "taiwan";
  Hit hit;
  hit.score = 2.5;
  hit.more_passages = 2;
  hit.record.article_id = "cfr.org/a b.txt";
  hit.record.passage_id = "cfr.org/a b.txt#1";
  hit.record.title = "Evil \x1B[31mTitle";
  hit.record.source = "cfr.org";
  hit.record.date = "2025-01-17T21:06:00Z";
  hit.record.root = "/data";
  hit.record.path = "cfr.org/a b.txt";
  hit.record.text = "About Taiwan\x1B]0;pwned\x07 and\ttrade.";
  hit.record.author = "David Sacks";
  hit.record.lang = "en-US";
  hit.record.topics = {"China", "Trade\x1B[2J"};
  hit.record.preview = true;
  hit.also_in.push_back(StoryMember{"reuters/a.json#1", "Same story", "Reuters", "2025-01-17", "", "/data/reuters/a.json"});
  result.results.hits.push_back(hit);
  result.results.matching_articles = 1;
  result.highlights.push_back({Span{6, 12}});
  return result;
}

std::string render(std::string_view format, WriterOptions options = {}, const QueryResult& result = sample()) {
  std::ostringstream out;
  auto writer = make_result_writer(format, out, options);
  EXPECT_NE(writer, nullptr);
  writer->write(result);
  writer->finish();
  return out.str();
}

TEST(ResultWriter, UnknownFormatGivesNoWriter) {
  std::ostringstream out;
  EXPECT_EQ(make_result_writer("xml", out, {}), nullptr);
}

TEST(ResultWriter, TextIsSanitisedAndPlainWithoutColour) {
  const std::string text = render("text");
  EXPECT_THAT(text, Not(HasSubstr("\x1B")));
  EXPECT_THAT(text, HasSubstr("1. Evil Title [preview]"));
  EXPECT_THAT(text, HasSubstr("cfr.org | 2025-01-17 | David Sacks | en-US | score 2.500 | +2 more passages"));
  EXPECT_THAT(text, HasSubstr("topics: China, Trade"));
  EXPECT_THAT(text, HasSubstr("also in: Reuters"));
  EXPECT_THAT(text, HasSubstr("/data/cfr.org/a b.txt"));
}

TEST(ResultWriter, TextIndentsThePassagesLinesButNotItsEmptyOnes) {
  QueryResult result = sample();
  result.results.hits[0].record.text = "First paragraph.\n\nSecond paragraph.";
  result.highlights[0] = {};
  EXPECT_THAT(render("text", {}, result), HasSubstr("    First paragraph.\n\n    Second paragraph."));
}

TEST(ResultWriter, TextHighlightsInColour) {
  WriterOptions options;
  options.color = true;
  EXPECT_THAT(render("text", options), HasSubstr("\x1B[1;31mTaiwan\x1B[0m"));
}

TEST(ResultWriter, JsonlCarriesEveryField) {
  const auto hit = nlohmann::json::parse(render("jsonl"));
  for (const char* key : {"qid", "rank", "score", "article_id", "passage_id", "title", "source", "author", "date", "url",
                          "path", "lang", "topics", "preview", "passage", "highlights"}) {
    EXPECT_TRUE(hit.contains(key)) << key;
  }
  EXPECT_EQ(hit["qid"], "q1");
  EXPECT_EQ(hit["rank"], 1);
  EXPECT_EQ(hit["highlights"][0][0], 6);
  EXPECT_EQ(hit["lang"], "en-US");
  EXPECT_EQ(hit["author"], "David Sacks");
  EXPECT_EQ(hit["preview"], true);
  EXPECT_EQ(hit["topics"][0], "China");
  EXPECT_EQ(hit["also_in"][0]["source"], "Reuters");
  EXPECT_EQ(hit["also_in"][0]["article_id"], "reuters/a.json#1");
  EXPECT_TRUE(hit["url"].is_null()) << "the sample has no url";
  EXPECT_TRUE(hit["also_in"][0]["url"].is_null());
  EXPECT_EQ(hit["also_in"][0]["date"], "2025-01-17");
}

// An article with none of the optional fields: what it lacks is null, its lists are empty.
QueryResult bare_sample() {
  QueryResult result = sample();
  Hit& hit = result.results.hits[0];
  hit.record.title = hit.record.source = hit.record.author = hit.record.date = hit.record.lang = "";
  hit.record.topics.clear();
  hit.also_in = {StoryMember{"b.txt", "", "", "", "", "/data/b.txt"}};
  return result;
}

// See issue #18: "" read as a value (a date "", a source ""); a missing field is null.
TEST(ResultWriter, MissingFieldsAreNullInJsonAndJsonl) {
  const std::string jsonl = render("jsonl", {}, bare_sample());
  EXPECT_THAT(jsonl, HasSubstr(R"("date":null)"));
  EXPECT_THAT(jsonl, Not(HasSubstr(R"("")")));
  const std::string json = render("json", {}, bare_sample());
  EXPECT_THAT(json, HasSubstr(R"("date": null)"));
  for (const nlohmann::json& hit : {nlohmann::json::parse(jsonl), nlohmann::json::parse(json)["results"][0]}) {
    for (const char* key : {"title", "source", "author", "date", "url", "lang"}) {
      EXPECT_TRUE(hit[key].is_null()) << key << " in " << hit.dump();
    }
    EXPECT_EQ(hit["topics"], nlohmann::json::array());
    for (const char* key : {"title", "source", "date", "url"}) {
      EXPECT_TRUE(hit["also_in"][0][key].is_null()) << "also_in " << key;
    }
    EXPECT_EQ(hit["also_in"][0]["article_id"], "b.txt");
  }
  EXPECT_TRUE(nlohmann::json::parse(json)["suggestion"].is_null());
}

TEST(ResultWriter, OtherFormatsStillShowAMissingFieldAsNothing) {
  const std::string tsv = render("tsv", {}, bare_sample());
  // title, source and date: three empty cells between the passage id and the path.
  EXPECT_THAT(tsv, HasSubstr("cfr.org/a b.txt#1\t\t\t\t/data/cfr.org/a b.txt\t"));
  EXPECT_THAT(tsv, Not(HasSubstr("null")));
  EXPECT_THAT(render("text", {}, bare_sample()), Not(HasSubstr("null")));
  EXPECT_THAT(render("trec", {}, bare_sample()), Not(HasSubstr("null")));
}

TEST(ResultWriter, JsonEscapesControlCharacters) {
  const std::string json = render("json");
  EXPECT_THAT(json, Not(HasSubstr("\x1B")));
  EXPECT_EQ(nlohmann::json::parse(json)["results"][0]["title"], "Evil \x1B[31mTitle");
}

// JSON is written as it comes (a query, and a long export's hits, at a time): the bytes must
// be what nlohmann::json's dump(2) gives the whole document.
std::string whole_document(const std::string& streamed) {
  return nlohmann::json::parse(streamed).dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}

TEST(ResultWriter, StreamedJsonIsTheWholeDocumentsDump) {
  QueryResult two_hits = sample();
  two_hits.results.hits.push_back(two_hits.results.hits[0]);
  two_hits.highlights.push_back({});
  two_hits.results.facets.fields.push_back({FacetField::kSource, {{"cfr.org", 1}}});
  QueryResult none;
  none.qid = "q2";
  none.query = "nothing";
  none.suggestion = "something";
  for (const bool batch : {false, true}) {
    for (const bool explain : {false, true}) {
      for (const QueryResult* result : {&two_hits, &none}) {
        const std::string one = render("json", {false, batch, "cs-search", explain}, *result);
        EXPECT_EQ(one, whole_document(one)) << "batch " << batch << ", explain " << explain;
      }
    }
  }
  std::ostringstream out;
  auto batch = make_result_writer("json", out, {false, true, "cs-search", false});
  batch->write(two_hits);
  batch->write(none);
  batch->finish();
  EXPECT_EQ(out.str(), whole_document(out.str()));
  EXPECT_EQ(nlohmann::json::parse(out.str()).size(), 2u);
}

TEST(ResultWriter, AnEmptyBatchIsAnEmptyArray) {
  std::ostringstream out;
  auto writer = make_result_writer("json", out, {false, true, "cs-search", false});
  writer->finish();
  EXPECT_EQ(out.str(), "[]\n");
}

TEST(ResultWriter, PagesOfOneQueryMakeOneDocumentRankedOnward) {
  QueryResult first = sample();
  first.last_page = false;
  QueryResult second = sample();
  second.first_page = false;
  second.first_rank = 2;
  for (const char* format : {"json", "jsonl", "tsv", "trec", "text"}) {
    std::ostringstream out;
    auto writer = make_result_writer(format, out, {});
    writer->write(first);
    writer->write(second);
    writer->finish();
    const std::string written = out.str();
    if (std::string_view(format) == "json") {
      const auto document = nlohmann::json::parse(written);
      ASSERT_EQ(document["results"].size(), 2u);
      EXPECT_EQ(document["results"][1]["rank"], 2);
      EXPECT_EQ(written, whole_document(written));
    } else if (std::string_view(format) == "text") {
      EXPECT_THAT(written, HasSubstr("\n2. Evil Title"));
    } else {
      const std::string_view name = format;
      EXPECT_THAT(written, HasSubstr(name == "jsonl" ? "\"rank\":2" : name == "tsv" ? "\t2\t" : " 2 ")) << format;
    }
  }
}

TEST(ResultWriter, TrecLinesHaveSixFieldsWithoutInnerSpaces) {
  EXPECT_EQ(render("trec"), "q1 Q0 cfr.org/a_b.txt 1 2.500000 cs-search\n");
}

TEST(ResultWriter, TrecScoresDecreaseStrictlySoTrecEvalKeepsTheOrder) {
  QueryResult result = sample();
  result.results.hits.push_back(result.results.hits[0]);  // a tie
  result.results.hits.push_back(result.results.hits[0]);
  result.results.hits.back().score = 2.6;                // out of order (cannot happen, still safe)
  result.results.hits[1].record.article_id = "b";
  result.results.hits[2].record.article_id = "a";
  std::ostringstream out;
  auto writer = make_result_writer("trec", out, {});
  writer->write(result);
  EXPECT_EQ(out.str(),
            "q1 Q0 cfr.org/a_b.txt 1 2.500000 cs-search\n"
            "q1 Q0 b 2 2.499999 cs-search\n"
            "q1 Q0 a 3 2.499998 cs-search\n");
}

TEST(ResultWriter, TsvHasAHeaderAndOneLinePerHit) {
  const std::string tsv = render("tsv");
  std::istringstream lines(tsv);
  std::string header, row, extra;
  std::getline(lines, header);
  std::getline(lines, row);
  EXPECT_FALSE(std::getline(lines, extra));
  EXPECT_EQ(std::count(header.begin(), header.end(), '\t'), std::count(row.begin(), row.end(), '\t'));
  EXPECT_THAT(row, Not(HasSubstr("\x1B")));
}

TEST(ResultWriter, OnlyFormatsThatShowHighlightsAskForThem) {
  std::ostringstream out;
  const auto shows = [&](std::string_view format, bool color) {
    return make_result_writer(format, out, WriterOptions{color, false, "run"})->shows_highlights();
  };
  EXPECT_TRUE(shows("text", true));
  EXPECT_TRUE(shows("text", false)) << "plain text marks nothing, but its snippet is chosen by the highlights";
  EXPECT_TRUE(shows("json", false));
  EXPECT_TRUE(shows("jsonl", false));
  EXPECT_FALSE(shows("tsv", false));
  EXPECT_FALSE(shows("trec", false));
}

// What each format prints of a hit's story is all that is read of it: TSV and TREC print
// none of it, text the other articles' sources, JSON their records.
TEST(ResultWriter, EachFormatAsksForWhatItShowsOfAStory) {
  std::ostringstream out;
  const auto shows = [&](std::string_view format) {
    return make_result_writer(format, out, WriterOptions{false, false, "run"})->shows_story();
  };
  EXPECT_EQ(shows("text"), StoryDetail::kSources);
  EXPECT_EQ(shows("json"), StoryDetail::kWhole);
  EXPECT_EQ(shows("jsonl"), StoryDetail::kWhole);
  EXPECT_EQ(shows("tsv"), StoryDetail::kNone);
  EXPECT_EQ(shows("trec"), StoryDetail::kNone);
  // A member as kSources gives it (no source: its article id) is written as a whole one is.
  SearchResults results;
  results.hits.push_back(Hit{});
  results.hits[0].record.article_id = "a.txt";
  results.hits[0].also_in = {StoryMember{"", "", "Reuters", "", "", ""}, StoryMember{"notes.txt", "", "", "", "", ""}};
  QueryResult result{"1", "q", results, {{}}, {Span{0, 0}}, {}, {}, {}};
  std::ostringstream text;
  make_result_writer("text", text, WriterOptions{false, false, "run"})->write(result);
  EXPECT_THAT(text.str(), HasSubstr("also in: Reuters, notes.txt"));
}

}  // namespace
}  // namespace cs::searcher
