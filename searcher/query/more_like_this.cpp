#include "searcher/query/more_like_this.hpp"

#include <algorithm>
#include <vector>

#include "common/passage_record.hpp"
#include "common/schema.hpp"
#include "searcher/retrieve/article_lookup.hpp"
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

}  // namespace

Result<ParsedQuery> like_query(const Xapian::Database& db, const std::string& given, const std::filesystem::path& path,
                               const compact_text::DictionaryLookup& dictionaries) {
  try {
    auto article_id = resolve_article_id(db, given, dictionaries);
    if (!article_id) return article_id.error();
    const std::string id_term = schema::boolean_term(schema::kArticleIdPrefix, *article_id);
    Xapian::RSet relevant;
    // The article, and its story: its other copies are the same article saved elsewhere, not
    // one like it (a new user's trial: the first hit was a copy, and listed the article
    // itself under "also in").
    std::vector<Xapian::Query> excluded = {Xapian::Query(id_term)};
    for (auto it = db.postlist_begin(id_term); it != db.postlist_end(id_term); ++it) {
      relevant.add_document(*it);
      const std::string story = db.get_document(*it, Xapian::DOC_ASSUME_VALID).get_value(schema::kStorySlot);
      if (!story.empty()) excluded.emplace_back(schema::story_term(story));
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
      return Error{ErrorKind::kQuery, "", "", "article '" + *article_id + "' has no words to compare",
                   "pick an article with text"};
    }
    std::sort(parsed.highlight_stems.begin(), parsed.highlight_stems.end());
    parsed.query = Xapian::Query(Xapian::Query::OP_AND_NOT,
                                 Xapian::Query(Xapian::Query::OP_OR, alternatives.begin(), alternatives.end()),
                                 Xapian::Query(Xapian::Query::OP_OR, excluded.begin(), excluded.end()));
    return parsed;
  } catch (const Xapian::Error& e) {
    return database_error(path, "cannot read article '" + given + "' (" + e.get_description() + ")",
                          "if it fails again, the database is damaged: rebuild it with cs-index --rebuild");
  }
}

}  // namespace cs::searcher
