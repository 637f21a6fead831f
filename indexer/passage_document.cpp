#include "indexer/passage_document.hpp"

#include <algorithm>

#include "common/passage_record.hpp"
#include "common/passage_terms.hpp"
#include "common/schema.hpp"

namespace cs::indexer {

namespace {

// Adds the words' terms to `document` and their stems' hashes to `hashes` (passage_terms.hpp).
void add_words(Xapian::Document& document, std::string_view prefix, Analyzer& analyzer,
               std::vector<Token>::const_iterator first, std::vector<Token>::const_iterator last,
               Xapian::termpos position, std::vector<std::uint32_t>& hashes) {
  hashes.clear();
  for (auto it = first; it != last; ++it, ++position) {
    document.add_posting(schema::exact_term(prefix, it->word), position);
    const std::string& stem = analyzer.stem(it->word);
    hashes.push_back(term_hash(stem));
    document.add_term(schema::stemmed_term(prefix, stem));
    if (!it->alternative.empty()) {  // same position, so phrases match either form
      document.add_posting(schema::exact_term(prefix, it->alternative), position);
      document.add_term(schema::stemmed_term(prefix, analyzer.stem(it->alternative)));
    }
  }
}

std::string digits_only(std::string_view date) {
  std::string out;
  for (const char c : date.substr(0, 10)) {
    if (c >= '0' && c <= '9') out.push_back(c);
  }
  return out;
}

}  // namespace

void PassageDocumentBuilder::add_field_terms(Xapian::Document& document, const Article& article) const {
  document.add_boolean_term(schema::boolean_term(schema::kArticleIdPrefix, article.id));
  document.add_boolean_term(schema::boolean_term(schema::kPathPrefix, article.path));
  if (!article.source.empty()) {
    document.add_boolean_term(schema::boolean_term(schema::kSourcePrefix, analyzer_.fold(article.source)));
  }
  if (!article.author.empty()) {
    document.add_boolean_term(schema::boolean_term(schema::kAuthorPrefix, analyzer_.fold(article.author)));
  }
  if (!article.lang.empty()) {
    const std::string lang = analyzer_.fold(article.lang);
    document.add_boolean_term(schema::boolean_term(schema::kLanguagePrefix, lang));
    if (const std::size_t dash = lang.find_first_of("-_"); dash != std::string::npos) {
      document.add_boolean_term(schema::boolean_term(schema::kLanguagePrefix, lang.substr(0, dash)));
    }
  }
  for (const auto& topic : article.topics) {
    document.add_boolean_term(schema::boolean_term(schema::kTopicPrefix, analyzer_.fold(topic)));
  }
  if (const std::string day = digits_only(article.date); day.size() == 8) {
    document.add_boolean_term(std::string(schema::kDayPrefix) + day);
    document.add_boolean_term(std::string(schema::kMonthPrefix) + day.substr(0, 6));
    document.add_boolean_term(std::string(schema::kYearPrefix) + day.substr(0, 4));
  }
  document.add_value(schema::kArticleIdSlot, article.id);
  document.add_value(schema::kStorySlot, article.story_id.empty() ? article.id : article.story_id);
  if (!article.date.empty()) document.add_value(schema::kDateSlot, article.date);
  document.add_value(schema::kFacetKeySlot,
                     schema::encode_facet_key({article.id, article.date, article.source, article.author, article.lang,
                                               article.topics}));
}

std::vector<Xapian::Document> PassageDocumentBuilder::build(const Article& article,
                                                            const std::vector<Passage>& passages,
                                                            const std::vector<Token>& words, std::string_view root) {
  title_words_.clear();
  analyzer_.tokenize(article.title, title_words_);

  PassageRecord record;
  record.article_id = article.id;
  record.title = article.title;
  record.source = article.source;
  record.author = article.author;
  record.date = article.date;
  record.url = article.url;
  record.path = article.path;
  record.root = std::string(root);
  record.lang = article.lang;
  record.topics = article.topics;
  record.preview = article.preview;
  record.count = static_cast<std::uint32_t>(passages.size());

  std::vector<Xapian::Document> documents;
  documents.reserve(passages.size());
  const auto starts_before = [](const Token& t, std::uint32_t at) { return t.begin < at; };
  for (const Passage& passage : passages) {
    Xapian::Document document;
    const auto first = std::lower_bound(words.begin(), words.end(), passage.begin, starts_before);
    const auto last = std::lower_bound(first, words.end(), passage.end, starts_before);
    add_words(document, "", analyzer_, first, last, 1, text_hashes_);
    add_words(document, schema::kTitlePrefix, analyzer_, title_words_.begin(), title_words_.end(),
              schema::kTitlePositionBase, title_hashes_);
    document.add_value(schema::kPassageTermsSlot, encode_passage_terms(passage.index, title_hashes_, text_hashes_));
    add_field_terms(document, article);

    record.index = passage.index;
    record.passage_id = article.id + "#" + std::to_string(passage.index);
    record.text = article.body.substr(passage.begin, passage.end - passage.begin);
    document.add_boolean_term(schema::boolean_term(schema::kPassageIdPrefix, record.passage_id));
    document.add_value(schema::kPassageIndexSlot, Xapian::sortable_serialise(passage.index));
    if (passage.index == 0) {  // one per article: the story's member list and its signature
      document.add_boolean_term(
          schema::boolean_term(schema::kStoryPrefix, article.story_id.empty() ? article.id : article.story_id));
      if (!article.signature.empty()) document.add_value(schema::kSignatureSlot, article.signature);
    }
    document.set_data(encode_passage_record(record));
    documents.push_back(std::move(document));
  }
  return documents;
}

}  // namespace cs::indexer
