// --format json and jsonl: for scripts. jsonl writes one object per hit; json writes one
// document: an object per query (an array of them in a batch).
#include <nlohmann/json.hpp>

#include <cmath>

#include "searcher/output/writers.hpp"

namespace cs::searcher {

namespace {

// A field the article does not have (no date, no author...) is stored as "": scripts get
// null for it, so that "unknown" is never mistaken for a value (an empty title, a date "").
nlohmann::json or_null(const std::string& value) {
  return value.empty() ? nlohmann::json(nullptr) : nlohmann::json(value);
}

nlohmann::json also_in(const std::vector<StoryMember>& story) {
  nlohmann::json members = nlohmann::json::array();
  for (const StoryMember& m : story) {
    members.push_back({{"article_id", m.article_id}, {"title", or_null(m.title)}, {"source", or_null(m.source)},
                       {"date", or_null(m.date)}, {"url", or_null(m.url)}, {"path", m.path}});
  }
  return members;
}

// {"bm25": 8.21, "passage_bm25": 4.1, "score": 1.42, "components": {"bm25": {"value": 1, "weight": 1}, ...}}:
// bm25 the article's first-stage weight, passage_bm25 the shown passage's own.
nlohmann::json explain_object(const Hit& hit, const SearchResults& results) {
  nlohmann::json components = nlohmann::json::object();
  for (const ScoreComponent& c : score_components(hit, results)) {
    // Floats to six decimals, so 0.15 reads 0.15 and not 0.15000000596.
    const auto six = [](float x) { return std::round(static_cast<double>(x) * 1e6) / 1e6; };
    components[c.name] = {{"value", six(c.value)}, {"weight", six(c.weight)}};
  }
  return {{"score", hit.score}, {"bm25", hit.bm25}, {"passage_bm25", hit.passage_bm25}, {"components", std::move(components)}};
}

// The fields of the article `r` belongs to, which a hit and a whole article both print.
nlohmann::json article_fields(const PassageRecord& r, const std::vector<StoryMember>& story) {
  return {
      {"article_id", r.article_id},
      {"title", or_null(r.title)},
      {"source", or_null(r.source)},
      {"author", or_null(r.author)},
      {"date", or_null(r.date)},
      {"url", or_null(r.url)},
      {"path", display_path(r)},
      {"lang", or_null(r.lang)},
      {"topics", r.topics},
      {"preview", r.preview},
      {"no_article_text", r.no_article_text},
      {"also_in", also_in(story)},
  };
}

nlohmann::json hit_object(const QueryResult& result, std::size_t i, bool explain) {
  const Hit& hit = result.results.hits[i];
  const PassageRecord& r = hit.record;
  nlohmann::json highlights = nlohmann::json::array();
  for (const Span& span : result.highlights[i]) highlights.push_back({span.begin, span.end});
  nlohmann::json object = article_fields(r, hit.also_in);
  object.update({
      {"qid", result.qid},
      {"rank", result.first_rank + i},
      {"score", hit.score},
      {"passage_id", r.passage_id},
      {"passage_index", r.index},
      {"more_passages", hit.more_passages},
      {"passage", r.text},
      {"highlights", std::move(highlights)},
      {"snippet", {snippet_span(result, i).begin, snippet_span(result, i).end}},
  });
  if (explain) object["explain"] = explain_object(hit, result.results);
  return object;
}

// An article whole (--show): its fields as a hit has them, then "passages": [{"passage_id",
// "passage_index", "text"}, ...] in order.
nlohmann::json article_object(const ArticleView& article) {
  const PassageRecord& r = article.record;
  nlohmann::json passages = nlohmann::json::array();
  for (std::size_t i = 0; i < article.passages.size(); ++i) {
    const auto index = static_cast<std::uint32_t>(i);
    passages.push_back({{"passage_id", passage_id(r.article_id, index)}, {"passage_index", index}, {"text", article.passages[i]}});
  }
  nlohmann::json object = article_fields(r, article.also_in);
  object["passages"] = std::move(passages);
  return object;
}

// {"facets": {"source": [{"value": "CNN", "articles": 3}, ...]}, "histogram": [...]}, with
// only what was asked for.
nlohmann::json facets_object(const Facets& facets) {
  nlohmann::json out = nlohmann::json::object();
  const auto counts = [](const std::vector<FacetCount>& list, const char* key) {
    nlohmann::json array = nlohmann::json::array();
    for (const auto& c : list) array.push_back({{key, c.value}, {"articles", c.articles}});
    return array;
  };
  if (!facets.fields.empty()) {
    out["facets"] = nlohmann::json::object();
    for (const auto& [field, list] : facets.fields) out["facets"][std::string(facet_name(field))] = counts(list, "value");
  }
  if (!facets.histogram.empty()) out["histogram"] = counts(facets.histogram, "period");
  return out;
}

nlohmann::json without_filter_array(const std::vector<FilterCount>& counts) {
  nlohmann::json out = nlohmann::json::array();
  for (const FilterCount& count : counts) out.push_back({{"filter", count.filter}, {"articles", count.articles}});
  return out;
}

// As Elasticsearch's "_shards": how many were asked, answered and left out, and which.
nlohmann::json shards_object(const ShardCounts& shards) {
  nlohmann::json missing = nlohmann::json::array();
  for (const MissingShard& shard : shards.missing) missing.push_back({{"shard", shard.name}, {"reason", shard.reason}});
  return {{"total", shards.total}, {"successful", shards.answered}, {"failed", shards.total - shards.answered}, {"failures", missing}};
}

// The query's object without its hits ("results": [] holds their place).
nlohmann::json query_object(const QueryResult& result) {
  nlohmann::json out = {{"qid", result.qid},
                        {"query", result.query},
                        {"matching_articles", result.results.matching_articles},
                        {"results", nlohmann::json::array()},
                        {"suggestion", or_null(result.suggestion)},
                        {"notes", result.notes},
                        {"without_filter", without_filter_array(result.without_filter)},
                        {"partial", result.results.shards.partial()},
                        {"shards", shards_object(result.results.shards)}};
  out.update(facets_object(result.results.facets));
  return out;
}

// Document text is untrusted: dump() replaces invalid UTF-8 rather than throwing, and
// escapes every control character.
std::string dump(const nlohmann::json& value, int indent) {
  return value.dump(indent, ' ', false, nlohmann::json::error_handler_t::replace);
}

// Prefixes every line of `text` but the first with `indent`: a value dumped on its own
// placed inside an enclosing one (no JSON string holds a raw newline).
std::string indented(const std::string& text, std::string_view indent) {
  std::string out;
  for (const char c : text) {
    out.push_back(c);
    if (c == '\n') out.append(indent);
  }
  return out;
}

// Writes each query, and each hit, as it comes: a batch or an export of every match is
// never held whole. The bytes are those nlohmann::json's dump(2) gives the whole document.
class JsonWriter final : public ResultWriter {
 public:
  JsonWriter(std::ostream& out, const WriterOptions& options)
      : out_(out), batch_(options.batch), explain_(options.explain), indent_(options.batch ? "  " : "") {}
  void write(const QueryResult& result) override {
    if (result.first_page) open_query(result);
    for (std::size_t i = 0; i < result.results.hits.size(); ++i) {
      out_ << (hits_written_ == 0 ? "\n" : ",\n") << indent_ << "    "
           << indented(dump(hit_object(result, i, explain_), 2), indent_ + "    ");
      ++hits_written_;
    }
    if (result.last_page) {
      if (hits_written_ > 0) out_ << '\n' << indent_ << "  ";
      out_ << "]" << query_suffix_;
    }
  }
  void write_article(const ArticleView& article) override { out_ << json_article(article, 2) << '\n'; }
  bool shows_highlights() const override { return true; }
  StoryDetail shows_story() const override { return StoryDetail::kWhole; }
  void finish() override {
    if (batch_) out_ << (queries_written_ == 0 ? "[]" : "\n]");
    if (batch_ || queries_written_ > 0) out_ << '\n';
  }

 private:
  // Writes the query's object up to its hits, and keeps what follows them.
  void open_query(const QueryResult& result) {
    if (batch_) out_ << (queries_written_ == 0 ? "[\n" : ",\n") << indent_;
    const std::string whole = indented(dump(query_object(result), 2), indent_);
    constexpr std::string_view kHits = "\"results\": []";
    const std::size_t at = whole.find(kHits);
    out_ << whole.substr(0, at + kHits.size() - 1);  // up to the '['
    query_suffix_ = whole.substr(at + kHits.size());
    hits_written_ = 0;
    ++queries_written_;
  }

  std::ostream& out_;
  bool batch_;
  bool explain_;
  std::string indent_;  // of a query's object: inside the batch's array or not
  std::size_t queries_written_ = 0;
  std::size_t hits_written_ = 0;  // of the query being written
  std::string query_suffix_;      // what follows its hits
};

class JsonlWriter final : public ResultWriter {
 public:
  JsonlWriter(std::ostream& out, const WriterOptions& options) : out_(out), explain_(options.explain) {}
  void write(const QueryResult& result) override {
    for (std::size_t i = 0; i < result.results.hits.size(); ++i) {
      out_ << dump(hit_object(result, i, explain_), -1) << '\n';
    }
    // Counts follow the hits (the last page's) as one more line, told apart by its
    // "facets"/"histogram" keys; so does a partial answer's "partial" and "shards" (after
    // the last page).
    const Facets* facets = counts_.after(result);
    if (result.first_page || result.results.shards.partial()) shards_ = result.results.shards;
    const bool partial = shards_.partial();
    if (facets != nullptr && (!facets->empty() || partial)) {
      nlohmann::json counts = {{"qid", result.qid}};
      counts.update(facets_object(*facets));
      if (partial) {
        counts["partial"] = true;
        counts["shards"] = shards_object(shards_);
      }
      out_ << dump(counts, -1) << '\n';
    }
  }
  void write_article(const ArticleView& article) override { out_ << json_article(article, -1) << '\n'; }
  bool shows_highlights() const override { return true; }
  StoryDetail shows_story() const override { return StoryDetail::kWhole; }

 private:
  std::ostream& out_;
  bool explain_;
  CountsAfterHits counts_;
  ShardCounts shards_;  // of the query being written: its first page's, or a later partial page's
};

}  // namespace

std::string json_document(const QueryResult& result, bool explain, int indent) {
  nlohmann::json document = query_object(result);
  for (std::size_t i = 0; i < result.results.hits.size(); ++i) document["results"].push_back(hit_object(result, i, explain));
  return dump(document, indent);
}

std::string json_article(const ArticleView& article, int indent) { return dump(article_object(article), indent); }

std::unique_ptr<ResultWriter> make_json_writer(std::ostream& out, const WriterOptions& options) {
  return std::make_unique<JsonWriter>(out, options);
}

std::unique_ptr<ResultWriter> make_jsonl_writer(std::ostream& out, const WriterOptions& options) {
  return std::make_unique<JsonlWriter>(out, options);
}

}  // namespace cs::searcher
