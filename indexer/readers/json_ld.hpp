// A page's JSON-LD (schema.org) article: the first NewsArticle, Article, BlogPosting, Review,
// LiveBlogPosting... of its
// scripts, with the authors and publisher it names by reference ({"@id": ...}) looked up in
// every script and @graph of the page.
#pragma once

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

namespace cs::indexer {

// A page lists no more authors than this; past it, a reference is a page built to be slow.
inline constexpr std::size_t kMaxLdAuthors = 32;

// The article object of `scripts` (each the text of a <script type="application/ld+json">),
// its "author" and "publisher" references replaced by the named node's @type and name
// (authors named once each, at most kMaxLdAuthors); null when no script holds an article.
nlohmann::json ld_article(const std::vector<std::string>& scripts);

}  // namespace cs::indexer
