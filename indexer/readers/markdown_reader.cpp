#include "indexer/readers/markdown_reader.hpp"

#include <cmark.h>

#include <algorithm>
#include <memory>
#include <string>

#include "common/ascii.hpp"
#include "indexer/clean/article_text.hpp"
#include "indexer/readers/front_matter.hpp"
#include "indexer/readers/reader_skeleton.hpp"
#include "indexer/readers/record_fields.hpp"
#include "indexer/readers/wiki_links.hpp"

namespace cs::indexer {

namespace {

constexpr std::string_view kExtensions[] = {".md", ".markdown"};

using NodePtr = std::unique_ptr<cmark_node, decltype(&cmark_node_free)>;
using IterPtr = std::unique_ptr<cmark_iter, decltype(&cmark_iter_free)>;

bool is_block_with_text(cmark_node_type type) {
  return type == CMARK_NODE_PARAGRAPH || type == CMARK_NODE_HEADING || type == CMARK_NODE_CODE_BLOCK;
}

bool inside_list_item(cmark_node* node) {
  cmark_node* parent = cmark_node_parent(node);
  return parent != nullptr && cmark_node_get_type(parent) == CMARK_NODE_ITEM;
}

// Walks the CommonMark tree: each paragraph, heading or code block becomes a TextBlock of
// its visible text, note apps' links and marks read as shown (wiki_links.hpp). Raw HTML and
// image alt text are not article text and are left out.
std::vector<TextBlock> markdown_blocks(std::string_view markdown) {
  std::vector<TextBlock> blocks;
  NodePtr document(cmark_parse_document(markdown.data(), markdown.size(), CMARK_OPT_DEFAULT), &cmark_node_free);
  if (!document) return blocks;
  IterPtr iter(cmark_iter_new(document.get()), &cmark_iter_free);
  TextBlock current;
  int image_depth = 0;
  for (cmark_event_type event; (event = cmark_iter_next(iter.get())) != CMARK_EVENT_DONE;) {
    cmark_node* node = cmark_iter_get_node(iter.get());
    const cmark_node_type type = cmark_node_get_type(node);
    if (type == CMARK_NODE_IMAGE) {
      image_depth += event == CMARK_EVENT_ENTER ? 1 : -1;
      continue;
    }
    if (is_block_with_text(type)) {
      if (event == CMARK_EVENT_ENTER) {
        current = TextBlock{};
        current.after_blank = !blocks.empty();
        current.heading_level = type == CMARK_NODE_HEADING ? cmark_node_get_heading_level(node) : 0;
        current.list_item = inside_list_item(node);
      }
      if (type == CMARK_NODE_CODE_BLOCK) {
        if (const char* literal = cmark_node_get_literal(node)) current.text = literal;
      }
      if (event == CMARK_EVENT_EXIT || type == CMARK_NODE_CODE_BLOCK) {
        if (type != CMARK_NODE_CODE_BLOCK) current.text = without_note_syntax(current.text);
        while (!current.text.empty() && (current.text.back() == ' ' || current.text.back() == '\n')) {
          current.text.pop_back();
        }
        if (!current.text.empty()) blocks.push_back(std::move(current));
        current = TextBlock{};
      }
      continue;
    }
    if (image_depth > 0) continue;
    if (type == CMARK_NODE_TEXT || type == CMARK_NODE_CODE) {
      if (const char* literal = cmark_node_get_literal(node)) current.text.append(literal);
    } else if (type == CMARK_NODE_SOFTBREAK || type == CMARK_NODE_LINEBREAK) {
      current.text.push_back(' ');
    }
  }
  return blocks;
}

// A note app's line of tags alone ("#fed #inflation", as Obsidian writes them at a note's
// end) is no text: its tags are the note's topics (a new user's trial found the line a
// passage of its own). Taken out of `blocks`, the tags returned.
std::vector<std::string> take_tag_lines(std::vector<TextBlock>& blocks) {
  std::vector<std::string> tags;
  std::erase_if(blocks, [&tags](const TextBlock& block) {
    if (block.heading_level != 0 || block.list_item) return false;
    std::vector<std::string> line_tags;
    std::string_view rest = block.text;
    while (!rest.empty()) {
      const std::size_t end = std::min(rest.find(' '), rest.size());
      const std::string_view word = rest.substr(0, end);
      rest.remove_prefix(std::min(end + 1, rest.size()));
      if (word.empty()) continue;
      if (word.size() < 2 || word.front() != '#' || word[1] == '#') return false;
      line_tags.emplace_back(word.substr(1));
    }
    if (line_tags.empty()) return false;
    tags.insert(tags.end(), line_tags.begin(), line_tags.end());
    return true;
  });
  return tags;
}

}  // namespace

std::span<const std::string_view> MarkdownReader::extensions() const { return kExtensions; }

bool MarkdownReader::sniff(std::string_view head) const {
  return head.starts_with("---\n") || head.starts_with("---\r\n");
}

ReadResult MarkdownReader::read(const SourceFile& file) const {
  return read_single_article(file, [](std::string_view text, Article& article, std::vector<Error>& issues) {
    FrontMatter front = split_front_matter(text);
    if (front.issue) issues.push_back(*front.issue);
    read_note_links(front.fields);
    std::vector<TextBlock> blocks = front.unclosed ? plain_text_blocks(front.body) : markdown_blocks(front.body);
    const std::vector<std::string> tags = take_tag_lines(blocks);
    fill_article_from_record(front.fields, std::move(blocks), article, RecordMarkup::kText, issues);
    for (const std::string& tag : tags) {
      const bool known = std::any_of(article.topics.begin(), article.topics.end(),
                                     [&tag](const std::string& topic) { return ascii_lower(topic) == ascii_lower(tag); });
      if (!known) article.topics.push_back(tag);
    }
  });
}

}  // namespace cs::indexer
