#include "indexer/readers/html_reader.hpp"

#include <algorithm>
#include <string>

#include "common/ascii.hpp"
#include "indexer/readers/html_text.hpp"
#include "indexer/readers/reader_skeleton.hpp"
#include "indexer/readers/record_fields.hpp"

namespace cs::indexer {

namespace {
constexpr std::string_view kExtensions[] = {".html", ".htm", ".xhtml"};
}  // namespace

std::span<const std::string_view> HtmlReader::extensions() const { return kExtensions; }

// A doctype or <html> element near the start, as saved pages begin.
bool HtmlReader::sniff(std::string_view head) const {
  const std::string start = ascii_lower(head.substr(0, 1024));
  return start.find("<!doctype html") != std::string::npos || start.find("<html") != std::string::npos;
}

ReadResult HtmlReader::read(const SourceFile& file) const { return read_html_file(file, {}); }

ReadResult read_html_file(const SourceFile& file, std::string_view saved_from) {
  return read_single_article(file, [saved_from](std::string_view text, Article& article, std::vector<Error>& issues) {
    HtmlPage page = read_html_page(text, saved_from);
    // Said only when text remains: a page left with none gets the skip's own one warning.
    const bool cut_with_text_left = page.cut_at_depth_limit && !page.blocks.empty();
    const bool text_found = page.article_text_found;
    // A page without article text is indexed by its description when it has one (the page's
    // own account of itself says more than its teasers or the line it shows), else by what
    // little it shows; either way it is marked and said, never passed off as a story.
    if (!text_found && page.described) page.blocks.clear();
    fill_article_from_record(page.fields, std::move(page.blocks), article, RecordMarkup::kText, issues);
    add_other_titles(page.titles, article);
    article.standfirst = std::move(page.standfirst);
    if (page.paywalled) article.preview = true;
    // Said of a page that shows nothing but its title too (a tag page's headline links
    // left it "Taiwan" alone: a new user's trial found it passed off as a story). A page
    // with neither is skipped, and said so, by the run; one cut at the depth limit is said
    // once, below.
    const bool nothing = article.title.empty() && article.body.empty();
    if (!text_found) article.no_article_text = true;
    if (!text_found && !nothing && !cut_with_text_left) {
      issues.push_back(Error{ErrorKind::kInput, "", "",
                             "no article text found on the page (a video page, an index of links, a stub?)",
                             page.described        ? "indexed its title and description, marked no_article_text"
                             : article.body.empty() ? "indexed its title alone, marked no_article_text"
                                                    : "indexed the few lines it shows, marked no_article_text"});
    }
    if (cut_with_text_left) {
      issues.push_back(Error{ErrorKind::kInput, "", "",
                             "nested deeper than 256 elements, with end tags that would make reading deeper take "
                             "seconds; text below that depth is not indexed",
                             "the rest is indexed"});
    }
  });
}

}  // namespace cs::indexer
