#include "indexer/analyse/article_document.hpp"

#include <algorithm>

#include "common/passage_record.hpp"
#include "common/passage_terms.hpp"
#include "common/passage_text.hpp"
#include "common/schema.hpp"
#include "indexer/analyse/passages.hpp"
#include "indexer/analyse/spelling_counts.hpp"

namespace cs::indexer {

namespace {

std::string digits_only(std::string_view date) {
  std::string out;
  for (const char c : date.substr(0, 10)) {
    if (c >= '0' && c <= '9') out.push_back(c);
  }
  return out;
}

}  // namespace

void ArticleDocumentBuilder::start_article() {
  known_ = &known_by_language_[analyzer_.language()];
  if (known_->size() > kMaxKnownWords) known_->clear();
  ++article_;
  in_article_.clear();
}

void ArticleDocumentBuilder::add_words(Xapian::Document& document, std::string_view prefix,
                                       std::vector<Token>::const_iterator first, std::vector<Token>::const_iterator last,
                                       Xapian::termpos position, std::vector<std::uint32_t>* hashes) {
  const auto add = [&](const std::string& word, bool as_written) {
    term_.assign(prefix).append(word);  // a buffer kept between words
    const auto [index, added] = known_->find_or_add(term_);
    KnownWords::Entry& seen = (*known_)[index];
    if (added) {
      const std::string& stem = analyzer_.stem(word);
      seen.stem_term = schema::stemmed_term(prefix, stem);
      seen.stem_hash = term_hash(stem);
    }
    if (seen.article != article_) {
      seen.article = article_;
      seen.body_word = seen.title_word = false;
      in_article_.push_back(index);
    }
    (prefix.empty() ? seen.body_word : seen.title_word) |= as_written;
    document.add_posting(seen.stem_term, position);
    return seen.stem_hash;
  };
  for (auto it = first; it != last; ++it, ++position) {
    const std::uint32_t hash = add(it->word, true);
    if (hashes != nullptr) hashes->push_back(hash);
    // Same position, so phrases match either form.
    if (!it->alternative.empty()) add(it->alternative, lists_alternative(*it));
  }
}

void ArticleDocumentBuilder::collect_spelling_words() {
  spelling_words_.clear();
  for (const KnownWords::Index index : in_article_) {
    const KnownWords::Entry& seen = (*known_)[index];
    if (seen.body_word) {
      spelling_words_.push_back(seen.word);
    } else if (seen.title_word) {
      // A title's word that the body holds too is counted once, as the body's.
      const std::string_view word = std::string_view(seen.word).substr(schema::kTitlePrefix.size());
      const KnownWords::Index in_body = known_->find(word);
      if (in_body == KnownWords::kNone || (*known_)[in_body].article != article_ || !(*known_)[in_body].body_word) {
        spelling_words_.emplace_back(word);
      }
    }
  }
}

void ArticleDocumentBuilder::add_field_terms(Xapian::Document& document, const Article& article) const {
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
  if (!article.date.empty()) {
    document.add_value(schema::kDateSlot, article.date);
    document.add_value(schema::kInstantSlot, schema::utc_instant(article.date));
  }
  document.add_value(schema::kFacetKeySlot,
                     schema::encode_facet_key({article.date, article.source, article.author, article.lang,
                                               article.topics}));
}

Xapian::Document ArticleDocumentBuilder::build(const Article& article, const CutText& body, std::string_view root,
                                               const DocumentDictionaries& dictionaries) {
  const std::vector<Token>& words = body.words;
  const std::vector<Passage>& passages = body.passages;
  Xapian::Document document;
  start_article();
  title_words_.clear();
  analyzer_.tokenize(article.title, title_words_);
  title_hashes_.clear();
  // The title's positions lie past the body's, however long it is: a query's phrase and
  // NEAR read the body's and the title's positions as one list (searcher's query_terms).
  const Xapian::termpos title_base =
      std::max(schema::kTitlePositionBase, static_cast<Xapian::termpos>(words.size()) + 1 + schema::kOtherTitleGap);
  add_words(document, schema::kTitlePrefix, title_words_.begin(), title_words_.end(), title_base, &title_hashes_);
  // Other titles are title words too (found in the title, counted by the title signal),
  // each after a gap so that no phrase runs from one title into the next.
  Xapian::termpos next_title = title_base + static_cast<Xapian::termpos>(title_words_.size());
  for (const std::string& other : article.other_titles) {
    title_words_.clear();
    analyzer_.tokenize(other, title_words_);
    next_title += schema::kOtherTitleGap;
    add_words(document, schema::kTitlePrefix, title_words_.begin(), title_words_.end(), next_title, &title_hashes_);
    next_title += static_cast<Xapian::termpos>(title_words_.size());
  }
  // The standfirst and the byline likewise, but uncounted by the title signal: a standfirst
  // is a sentence or two, and would credit most queries with a title match; a reader types
  // a reporter's name ("Helen Davidson") as any other words (a new user's trial found none).
  for (const std::string* more : {&article.standfirst, &article.author}) {
    if (more->empty()) continue;
    title_words_.clear();
    analyzer_.tokenize(*more, title_words_);
    next_title += schema::kOtherTitleGap;
    add_words(document, schema::kTitlePrefix, title_words_.begin(), title_words_.end(), next_title, nullptr);
    next_title += static_cast<Xapian::termpos>(title_words_.size());
  }

  passage_starts_.clear();
  std::uint32_t word_count = 0;  // word i (from 0, in passage order) has position i + 1
  const auto starts_before = [](const Token& t, std::uint32_t at) { return t.begin < at; };
  std::size_t next_sentence = 0;
  for (const Passage& passage : passages) {
    const auto first = std::lower_bound(words.begin(), words.end(), passage.begin, starts_before);
    const auto last = std::lower_bound(first, words.end(), passage.end, starts_before);
    passage_starts_.push_back(word_count);
    add_words(document, "", first, last, word_count + 1, nullptr);
    word_count += static_cast<std::uint32_t>(last - first);
    const std::string_view text = std::string_view(article.body).substr(passage.begin, passage.end - passage.begin);
    sentences_.clear();  // stored, so the searcher need not cut them for every hit
    sentences_within(body.sentences, passage.begin, passage.end, next_sentence, sentences_);
    document.add_value(schema::passage_text_slot(static_cast<std::uint32_t>(passage_starts_.size() - 1)),
                       pack_passage_text(text, sentences_, dictionaries.passages ? &*dictionaries.passages : nullptr));
  }
  collect_spelling_words();
  document.add_value(schema::kArticleTermsSlot, encode_article_terms(title_hashes_, passage_starts_, word_count));
  add_field_terms(document, article);
  // The story: its key is what the searcher collapses on, its term lists its articles.
  const std::string story = article.story_key.empty() ? schema::story_key(article.id, article.signature) : article.story_key;
  document.add_value(schema::kStorySlot, story);
  document.add_boolean_term(schema::story_term(story));
  if (!article.signature.empty()) document.add_value(schema::kSignatureSlot, article.signature);

  document.set_data(encode_article_record(article_record(article, root, static_cast<std::uint32_t>(passages.size())),
                                          dictionaries.records ? &*dictionaries.records : nullptr));
  return document;
}

PassageRecord article_record(const Article& article, std::string_view root, std::uint32_t passages) {
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
  record.no_article_text = article.no_article_text;
  record.count = passages;
  return record;
}

}  // namespace cs::indexer
