#include "indexer/readers/html_content.hpp"

#include <algorithm>
#include <string>
#include <string_view>
#include <unordered_map>

#include "indexer/clean/boilerplate.hpp"
#include "indexer/readers/html_blocks.hpp"
#include "indexer/readers/html_evidence.hpp"
#include "indexer/readers/xml_tree.hpp"

namespace cs::indexer {

namespace {

using xml::name_of;

// A block shorter than this (bytes) is a label, not a paragraph, and scores nothing.
constexpr std::size_t kMinParagraphBytes = 25;
// How far up a paragraph's score reaches: its container, and four more levels, each less.
constexpr int kScoredLevels = 5;
// What one piece of class/id evidence is worth, in paragraphs' points.
constexpr double kEvidencePoints = 25;
// A sibling joins the best element when it scores this share of it (and at least kMinSiblingScore).
constexpr double kSiblingShare = 0.2;
constexpr double kMinSiblingScore = 10;
// A page of this many teasers (a headline that links away and its own text), with at most a
// paragraph and a half each, is an index of stories.
constexpr std::size_t kIndexHeadlines = 4;
constexpr std::size_t kTeaserBytes = 80;
// A teaser's text sits within this many levels of its headline.
constexpr int kTeaserLevels = 6;
// Text this much of which is inside links is all link (a headline, a button).
constexpr double kAllLinkShare = 0.9;
// A block all of whose text is one link is a button below this many words.
constexpr std::size_t kLinkLabelWords = 8;
// A label before a link ("More:", "Baca juga:") is this short.
constexpr std::size_t kMaxLinkLabelWords = 4;
constexpr std::size_t kMaxLinkLabelBytes = 40;
// Elements scoring this share of the best are its rivals; kRivalsToJoin of them under one
// ancestor make that ancestor the story (Readability's 0.75 and 3).
constexpr double kRivalShare = 0.75;
constexpr std::size_t kRivalsToJoin = 3;
// Text with less than this share of links reads as story text, whatever its element's name.
constexpr double kStoryLinkShare = 0.25;
// An element inside the chosen content is a link list when this share of its text is links.
constexpr double kLinkListShare = 0.5;
// Article text has this many words in paragraphs of kParagraphWords or more.
constexpr std::size_t kMinArticleWords = 30;
constexpr std::size_t kParagraphWords = 8;
// Below this many words of text, a page whose captions say more is a gallery.
constexpr std::size_t kGalleryTextWords = 150;

bool is_figure(const xmlNode* element) {
  const std::string_view name = name_of(element);
  return name == "figure" || name == "figcaption";
}

// Paragraph separators of the scripts news is written in: ',' and the CJK and Arabic commas.
std::size_t count_commas(std::string_view text) {
  std::size_t commas = static_cast<std::size_t>(std::count(text.begin(), text.end(), ','));
  for (const std::string_view comma : {"\xEF\xBC\x8C", "\xE3\x80\x81", "\xD8\x8C"}) {
    for (std::size_t at = text.find(comma); at != std::string_view::npos; at = text.find(comma, at + comma.size())) {
      ++commas;
    }
  }
  return commas;
}

// What an element's tag says before its text is counted (the weights Readability uses, with
// <article> and <main> as hints).
double tag_points(const xmlNode* element) {
  const std::string_view name = name_of(element);
  if (name == "article") return 10;
  if (name == "div" || name == "main") return 5;
  if (name == "pre" || name == "td" || name == "blockquote") return 3;
  if (name == "address" || name == "ol" || name == "ul" || name == "dl" || name == "dd" || name == "dt" ||
      name == "li" || name == "form") {
    return -3;
  }
  if (name == "th" || xml::heading_level(name) > 0) return -5;
  return 0;
}

struct TextSizes {
  std::size_t text = 0;
  std::size_t links = 0;
  double link_share() const { return text == 0 ? 0 : static_cast<double>(links) / static_cast<double>(text); }
};

class ContentChooser {
 public:
  ContentChooser(const xmlNode* body, bool with_figures) : body_(body), with_figures_(with_figures) {}

  ArticleContent choose() {
    measure();
    const std::vector<HtmlBlock> blocks = collect_blocks(body_, [this](const xmlNode* e) { return readable(e); });
    score(blocks);
    const xmlNode* top = best_candidate();
    ArticleContent content;
    // No paragraph long enough to score (a page of a few short lines): all of it, less furniture.
    const std::vector<const xmlNode*> roots = top == nullptr ? std::vector<const xmlNode*>{body_} : with_siblings(climb(top));
    std::size_t paragraph_words = 0, paragraphs = 0, teasers = 0;
    // Furniture is weighed against the whole story, not the one of its parts it sits in: a
    // caption was the most of a photo's box beside the story (Kompas) and a header joined to
    // it (Nikkei Asia), and stayed.
    TextSizes story_size;
    for (const xmlNode* root : roots) {
      story_size.text += sizes_[root].text;
      story_size.links += sizes_[root].links;
    }
    for (const xmlNode* root : roots) {
      teasers += count_teasers(root);
      for (HtmlBlock& block : collect_blocks(root, [this, &story_size](const xmlNode* e) {
             return readable(e) && !is_furniture_inside(e, story_size);
           })) {
        // A button that says the page is a paywall's preview ("Subscribe to continue
        // reading") is kept for the cleaning to read as the notice it is.
        if ((is_link_label(block) || is_labelled_link(block)) && classify_line(block.text.text) != LineKind::kPreviewNotice) {
          continue;
        }
        const std::size_t words = reading_words(block.text.text);
        if (block.text.heading_level == 0 && words >= kParagraphWords) {
          paragraph_words += words;
          ++paragraphs;
        }
        content.blocks.push_back(std::move(block.text));
      }
    }
    // An index of stories (a tag page, a front page) is headlines that link away, each with a
    // line of teaser: text, but not an article.
    const bool index_of_links = teasers >= kIndexHeadlines && paragraphs * 2 <= teasers * 3;
    content.found = paragraph_words >= kMinArticleWords && !index_of_links;
    return content;
  }

 private:
  bool readable(const xmlNode* element) const { return !is_never_text(element) && (with_figures_ || !is_figure(element)); }

  // The readable text and link text under every element, in one walk.
  void measure() {
    std::vector<std::pair<const xmlNode*, TextSizes>> open;
    int in_link = 0;
    xml::walk_tree(
        body_,
        [&](const xmlNode* node) {
          if (node->type == XML_TEXT_NODE || node->type == XML_CDATA_SECTION_NODE) {
            if (!open.empty() && node->content != nullptr) {
              const std::size_t bytes = std::char_traits<char>::length(reinterpret_cast<const char*>(node->content));
              open.back().second.text += bytes;
              if (in_link > 0) open.back().second.links += bytes;
            }
            return false;
          }
          if (node->type != XML_ELEMENT_NODE || (node != body_ && !readable(node))) return false;
          if (name_of(node) == "a") ++in_link;
          span_.emplace(node, Span{span_.size(), 0});
          open.push_back({node, {}});
          return true;
        },
        [&](const xmlNode* node) {
          if (node->type != XML_ELEMENT_NODE) return;
          if (name_of(node) == "a") --in_link;
          const auto [element, size] = open.back();
          open.pop_back();
          sizes_[element] = size;
          span_[element].last = span_.size() - 1;
          if (!open.empty()) {
            open.back().second.text += size.text;
            open.back().second.links += size.links;
          }
        });
  }

  double& candidate(const xmlNode* element) {
    const auto [it, added] = scores_.try_emplace(element, 0.0);
    if (added) it->second = tag_points(element) + kEvidencePoints * name_evidence(element);
    return it->second;
  }

  // Each paragraph adds its points to the element around it (the paragraph's own element
  // when that holds only it, so paragraphs each in a <div> score their common parent) and,
  // less and less, to four more levels.
  void score(const std::vector<HtmlBlock>& blocks) {
    std::unordered_map<const xmlNode*, int> blocks_held;
    for (const HtmlBlock& block : blocks) ++blocks_held[block.holder];
    for (const HtmlBlock& block : blocks) {
      const std::string& text = block.text.text;
      if (block.text.heading_level > 0 || text.size() < kMinParagraphBytes) continue;
      const double points = 1.0 + static_cast<double>(count_commas(text)) +
                            std::min(static_cast<double>(text.size()) / 100.0, 3.0);
      const xmlNode* element = block.holder;
      if (blocks_held[element] == 1 && element != body_) element = element->parent;
      for (int level = 0; level < kScoredLevels && element != nullptr && element->type == XML_ELEMENT_NODE; ++level) {
        const double divider = level == 0 ? 1.0 : level == 1 ? 2.0 : level * 3.0;
        candidate(element) += points / divider;
        if (element == body_) break;
        element = element->parent;
      }
    }
  }

  double final_score(const xmlNode* element) const {
    const auto score = scores_.find(element);
    if (score == scores_.end()) return 0;
    const auto size = sizes_.find(element);
    return score->second * (1.0 - (size == sizes_.end() ? 0.0 : size->second.link_share()));
  }

  const xmlNode* best_candidate() const {
    const xmlNode* best = nullptr;
    double best_score = 0;
    for (const auto& [element, score] : scores_) {
      const double points = final_score(element);
      if (best == nullptr || points > best_score || (points == best_score && span_.at(element).first < span_.at(best).first)) {
        best = element;
        best_score = points;
      }
    }
    return best;
  }

  // Whether `element` is `ancestor` or under it: its place in document order falls in the
  // ancestor's span (constant time however deep the page).
  bool is_inside(const xmlNode* element, const xmlNode* ancestor) const {
    const auto inner = span_.find(element), outer = span_.find(ancestor);
    if (inner == span_.end() || outer == span_.end()) return false;
    return outer->second.first <= inner->second.first && inner->second.first <= outer->second.last;
  }

  // When several elements score nearly as well as the best (the entries of a live blog, the
  // sections of a long read), the ancestor that holds kRivalsToJoin of them is the story.
  // Rivals are taken in document order; an ancestor's count is a binary search over them.
  const xmlNode* common_ancestor_of_rivals(const xmlNode* top) const {
    const double bar = final_score(top) * kRivalShare;
    std::vector<std::size_t> rivals;  // their places in document order, sorted
    for (const auto& [element, score] : scores_) {
      if (element == top || final_score(element) < bar || is_inside(element, top) || is_inside(top, element)) continue;
      rivals.push_back(span_.at(element).first);
    }
    if (rivals.size() < kRivalsToJoin) return top;
    std::sort(rivals.begin(), rivals.end());
    for (const xmlNode* ancestor = top->parent; ancestor != nullptr && ancestor != body_->parent; ancestor = ancestor->parent) {
      const auto span = span_.find(ancestor);
      if (span == span_.end()) continue;
      const auto from = std::lower_bound(rivals.begin(), rivals.end(), span->second.first);
      const auto to = std::upper_bound(rivals.begin(), rivals.end(), span->second.last);
      if (static_cast<std::size_t>(to - from) >= kRivalsToJoin) return ancestor;
    }
    return top;
  }

  // Up to an ancestor that holds the best element's rivals or scores more (the story's
  // paragraphs split between two children), and past wrappers that hold nothing else.
  const xmlNode* climb(const xmlNode* top) const {
    top = common_ancestor_of_rivals(top);
    double last = final_score(top);
    const double floor = last / 3;
    for (const xmlNode* parent = top->parent; parent != nullptr && parent != body_->parent; parent = parent->parent) {
      if (!scores_.contains(parent)) continue;
      const double points = final_score(parent);
      if (points < floor) break;
      if (points > last) {
        top = parent;
        break;
      }
      last = points;
    }
    while (top != body_ && top->parent != nullptr && top->parent != body_ && holds_only_the_story(top->parent, top)) {
      top = top->parent;
    }
    return top;
  }

  // A part of the story beside `part`: an element of the same tag and class whose own
  // paragraphs score it (a box that only wraps a comment thread, deeper down, scores
  // nothing), little of its text in links. NHK splits a story into <section
  // class="content--body">s, each under its own <h2>; a long read's chapters are alike too.
  bool is_alike_part(const xmlNode* sibling, const xmlNode* part) const {
    if (sibling->type != XML_ELEMENT_NODE || name_of(sibling) != name_of(part) ||
        xml::attribute(sibling, "class") != xml::attribute(part, "class") || final_score(sibling) <= 0) {
      return false;
    }
    const auto size = sizes_.find(sibling);
    return size != sizes_.end() && size->second.link_share() < kStoryLinkShare;
  }

  // Whether `parent` holds no text but `part`'s, its headings' and that of parts alike to it:
  // a wrapper of the story (a section of it and the section's heading, or all its sections),
  // which the climb goes past.
  bool holds_only_the_story(const xmlNode* parent, const xmlNode* part) const {
    for (const xmlNode* child = parent->children; child != nullptr; child = child->next) {
      if (child == part || child->type != XML_ELEMENT_NODE) continue;
      const auto size = sizes_.find(child);
      if (size == sizes_.end() || size->second.text == 0) continue;
      if (xml::heading_level(name_of(child)) > 0 || is_alike_part(child, part)) continue;
      return false;
    }
    return true;
  }

  // The best element and the siblings that continue its text, in document order.
  std::vector<const xmlNode*> with_siblings(const xmlNode* top) const {
    if (top == body_ || top->parent == nullptr) return {top};
    const double top_score = final_score(top);
    const double threshold = std::max(kMinSiblingScore, top_score * kSiblingShare);
    const std::string top_class = xml::attribute(top, "class");
    std::vector<const xmlNode*> roots;
    for (const xmlNode* sibling = top->parent->children; sibling != nullptr; sibling = sibling->next) {
      if (sibling == top) {
        roots.push_back(top);
        continue;
      }
      if (sibling->type != XML_ELEMENT_NODE || !readable(sibling)) continue;
      const double bonus = !top_class.empty() && xml::attribute(sibling, "class") == top_class ? top_score * kSiblingShare : 0;
      if (scores_.contains(sibling) && final_score(sibling) + bonus >= threshold) {
        roots.push_back(sibling);
      } else if (name_of(sibling) == "p" && name_evidence(sibling, with_figures_) >= 0) {
        // A paragraph beside the story joins it, unless its names call it furniture (the
        // "Article-standfirst" above a story's container).
        const auto size = sizes_.find(sibling);
        if (size == sizes_.end()) continue;
        const std::string text = xml::text_of(sibling);
        if ((size->second.text > 80 && size->second.link_share() < 0.25) ||
            (size->second.links == 0 && ends_sentence(text))) {
          roots.push_back(sibling);
        }
      }
    }
    return roots;
  }

  // A short block that is all link ("Book tickets", "Read the full report"): a button.
  static bool is_link_label(const HtmlBlock& block) {
    const TextSizes size{block.text.text.size(), block.link_bytes};
    return size.link_share() >= kAllLinkShare && count_words_up_to(block.text.text, kLinkLabelWords) < kLinkLabelWords;
  }

  // A label and a link to another story, as sites set them between a story's paragraphs:
  // "More: <a>Polk County homeless count rises 18%</a>" (the Des Moines Register), "Baca juga:
  // <a>...</a>" (Kompas), "ये भी पढ़ें: <a>...</a>" (Amar Ujala), in whatever language: a few
  // words before a colon, and a link all the rest.
  static bool is_labelled_link(const HtmlBlock& block) {
    const std::string_view text = block.text.text;
    std::size_t colon = text.find(':');
    std::size_t colon_size = 1;
    if (const std::size_t wide = text.find("\xEF\xBC\x9A" /* ： */); wide < colon) {
      colon = wide;
      colon_size = 3;
    }
    if (colon == std::string_view::npos || colon == 0 || colon > kMaxLinkLabelBytes ||
        count_words_up_to(text.substr(0, colon), kMaxLinkLabelWords + 1) > kMaxLinkLabelWords) {
      return false;
    }
    std::size_t rest = text.size() - colon - colon_size;
    if (rest > 0 && text[colon + colon_size] == ' ') --rest;
    return rest > 0 && static_cast<double>(block.link_bytes) >= kAllLinkShare * static_cast<double>(rest);
  }

  bool is_linked_heading(const xmlNode* element) const {
    if (xml::heading_level(name_of(element)) == 0) return false;
    const auto size = sizes_.find(element);
    return size != sizes_.end() && size->second.text > 0 && size->second.link_share() >= kAllLinkShare;
  }

  // Teasers under `root`: headlines that are links, each with text of its own beside it (the
  // nearest element around the headline that holds kTeaserBytes of text not in links holds
  // no other such headline). A related-stories box is headlines alone; an index of stories is
  // teasers.
  std::size_t count_teasers(const xmlNode* root) const {
    std::vector<const xmlNode*> headlines;
    std::unordered_map<const xmlNode*, std::size_t> headlines_under;
    std::vector<std::pair<const xmlNode*, std::size_t>> open;
    xml::walk_tree(
        root,
        [&](const xmlNode* node) {
          if (node->type != XML_ELEMENT_NODE || (node != root && !readable(node))) return false;
          if (is_linked_heading(node)) {  // not entered, so not left: counted in its parent now
            headlines.push_back(node);
            if (!open.empty()) ++open.back().second;
            return false;
          }
          open.push_back({node, 0});
          return true;
        },
        [&](const xmlNode* node) {
          if (node->type != XML_ELEMENT_NODE) return;
          const auto [element, count] = open.back();
          open.pop_back();
          if (count > 0) headlines_under[element] = count;
          if (!open.empty()) open.back().second += count;
        });
    std::size_t teasers = 0;
    for (const xmlNode* headline : headlines) {
      int levels = 0;
      for (const xmlNode* around = headline->parent; around != nullptr && around != root->parent && levels < kTeaserLevels;
           around = around->parent, ++levels) {
        const auto size = sizes_.find(around);
        if (size == sizes_.end() || size->second.text - size->second.links < kTeaserBytes) continue;
        if (headlines_under[around] == 1) ++teasers;
        break;
      }
    }
    return teasers;
  }

  // Furniture inside the chosen content: an element its names call furniture unless it holds
  // a good share of the story (names are evidence, not verdicts), and lists of links.
  bool is_furniture_inside(const xmlNode* element, const TextSizes& story_size) const {
    const auto found = sizes_.find(element);
    if (found == sizes_.end()) return false;
    const TextSizes& size = found->second;
    // A furniture name outweighs small text, never a good share of the story (a segment of
    // it named "l-sidebar-fixed"); two furniture names outweigh any.
    const int evidence = name_evidence(element, with_figures_);
    // Inside a paragraph, a name is about styling a part of its sentence ("By <span
    // class="last-byline">Chris Buckley</span> and ..."): taking the part out would leave "By
    // and". The paragraph is judged whole, as a byline or text.
    if (evidence == -1 && !is_block_element(element) && element->parent != nullptr && name_of(element->parent) == "p") {
      return false;
    }
    const bool story_sized = size.text * 4 >= story_size.text && size.link_share() < kStoryLinkShare;
    if (evidence <= -2 || (evidence < 0 && !story_sized)) return true;
    // A sentence with a long link in it is text; a list or box of links is not.
    const std::string_view name = name_of(element);
    const bool container = name == "ul" || name == "ol" || name == "div" || name == "section" || name == "table" ||
                           name == "dl" || name == "header";
    return container && size.text >= 20 && size.link_share() > kLinkListShare;
  }

  const xmlNode* body_;
  bool with_figures_;
  std::unordered_map<const xmlNode*, TextSizes> sizes_;
  std::unordered_map<const xmlNode*, double> scores_;
  // Each element's place in document order and that of the last element under it.
  struct Span {
    std::size_t first = 0;
    std::size_t last = 0;
  };
  std::unordered_map<const xmlNode*, Span> span_;
};

std::size_t words_in(const std::vector<TextBlock>& blocks) {
  std::size_t words = 0;
  for (const TextBlock& block : blocks) words += reading_words(block.text);
  return words;
}

}  // namespace

ArticleContent extract_article(const xmlNode* body) {
  if (body == nullptr) return {};
  ArticleContent content = ContentChooser(body, false).choose();
  // A gallery tells its story in captions: read them when the text alone says little.
  if (words_in(content.blocks) < kGalleryTextWords) {
    ArticleContent with_captions = ContentChooser(body, true).choose();
    if (words_in(with_captions.blocks) >= 2 * std::max<std::size_t>(words_in(content.blocks), 1)) return with_captions;
  }
  return content;
}

}  // namespace cs::indexer
