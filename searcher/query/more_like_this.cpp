#include "searcher/query/more_like_this.hpp"

#include <algorithm>
#include <vector>

#include "common/passage_record.hpp"
#include "common/schema.hpp"
#include "searcher/retrieve/open_database.hpp"

namespace cs::searcher {

namespace {

// Feedback terms worth expanding with: stems of passage text, not titles, ids or filters.
class TextStemsOnly : public Xapian::ExpandDecider {
 public:
  bool operator()(const std::string& term) const override {
    return term.size() > 1 && term[0] == schema::kStemPrefix[0] && term.compare(1, schema::kTitlePrefix.size(), schema::kTitlePrefix) != 0;
  }
};

// Terms taken from the article: enough to describe it, few enough to stay specific.
constexpr Xapian::termcount kLikeTerms = 25;

// Files listed in an error, at most.
constexpr std::size_t kIdsListed = 5;

// The article_id of the one article of the file `given` names, as a path shown by
// cs-search (absolute, relative to the working directory, or below the indexed root); its
// ids when it gave several; none when no indexed file is that one.
std::vector<std::string> articles_of_file(const Xapian::Database& db, const std::string& given) {
  std::error_code ec;
  const std::filesystem::path absolute = std::filesystem::absolute(given, ec).lexically_normal();
  const std::filesystem::path as_given = std::filesystem::path(given).lexically_normal();
  // The parts of the path from the longest down: one of them is the path below the root.
  std::vector<std::filesystem::path> tails;
  for (const std::filesystem::path* whole : {&absolute, &as_given}) {
    const std::filesystem::path relative = whole->relative_path();
    const std::vector<std::filesystem::path> parts(relative.begin(), relative.end());
    for (std::size_t first = 0; first < parts.size(); ++first) {
      std::filesystem::path tail;
      for (std::size_t k = first; k < parts.size(); ++k) tail /= parts[k];
      tails.push_back(tail);
    }
  }
  for (const std::filesystem::path& tail : tails) {
    const std::string path_term = schema::boolean_term(schema::kPathPrefix, tail.generic_string());
    std::vector<std::string> ids;
    for (auto it = db.postlist_begin(path_term); it != db.postlist_end(path_term); ++it) {
      auto record = decode_article_record(db.get_document(*it).get_data());
      if (!record) continue;
      // Under the root the path names, when it names one; any root when it is only the tail.
      const bool same_file = tail == as_given || std::filesystem::path(display_path(*record)).lexically_normal() == absolute;
      if (same_file) ids.push_back(record->article_id);
    }
    if (!ids.empty()) return ids;
  }
  return {};
}

}  // namespace

Result<ParsedQuery> like_query(const Xapian::Database& db, const std::string& given,
                               const std::filesystem::path& path) {
  try {
    std::string article_id = given;
    std::string id_term = schema::boolean_term(schema::kArticleIdPrefix, article_id);
    if (db.get_termfreq(id_term) == 0) {
      const std::vector<std::string> ids = articles_of_file(db, given);
      if (ids.size() > 1) {
        std::string listed;
        for (std::size_t i = 0; i < ids.size() && i < kIdsListed; ++i) listed += (i > 0 ? ", " : "") + ids[i];
        return Error{ErrorKind::kQuery, "", "",
                     "'" + given + "' holds " + std::to_string(ids.size()) + " articles (" + listed +
                         (ids.size() > kIdsListed ? ", ..." : "") + ")",
                     "give one article_id (--format jsonl prints them)"};
      }
      if (ids.size() == 1) {
        article_id = ids.front();
        id_term = schema::boolean_term(schema::kArticleIdPrefix, article_id);
      }
    }
    Xapian::RSet relevant;
    for (auto it = db.postlist_begin(id_term); it != db.postlist_end(id_term); ++it) relevant.add_document(*it);
    if (relevant.empty()) {
      return Error{ErrorKind::kQuery, "", "", "no article or indexed file '" + given + "' in the database",
                   "give an article_id or a file's path as cs-search prints them"};
    }
    Xapian::Enquire enquire(db);
    // The article is one document: Bo1 weighs a term by how often the article uses it
    // against how common it is, where the default (which counts relevant documents holding
    // it) could only favour the words no other article has.
    enquire.set_expansion_scheme("bo1");
    const TextStemsOnly decider;
    const Xapian::ESet terms = enquire.get_eset(kLikeTerms, relevant, &decider);
    ParsedQuery parsed;
    std::vector<Xapian::Query> alternatives;
    for (auto it = terms.begin(); it != terms.end(); ++it) {
      alternatives.emplace_back(*it);
      parsed.highlight_stems.push_back((*it).substr(schema::kStemPrefix.size()));
    }
    if (alternatives.empty()) {
      return Error{ErrorKind::kQuery, "", "", "article '" + article_id + "' has no words to compare",
                   "pick an article with text"};
    }
    std::sort(parsed.highlight_stems.begin(), parsed.highlight_stems.end());
    parsed.query = Xapian::Query(Xapian::Query::OP_AND_NOT,
                                 Xapian::Query(Xapian::Query::OP_OR, alternatives.begin(), alternatives.end()),
                                 Xapian::Query(id_term));
    return parsed;
  } catch (const Xapian::Error& e) {
    return database_error(path, "cannot read article '" + given + "' (" + e.get_description() + ")", "try again");
  }
}

}  // namespace cs::searcher
