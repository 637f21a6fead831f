#include "searcher/serve/page_html.hpp"

#include <algorithm>
#include <sstream>

#include "common/plural.hpp"
#include "searcher/serve/html.hpp"

namespace cs::searcher {

namespace {

// The filters a search page can narrow by, as URL parameters.
constexpr std::string_view kFilterParams[] = {"since", "until", "source", "author", "topic", "lang"};

// `params` without the page position: a narrowed search starts at its first page.
Params without_offset(Params params) {
  params.erase("offset");
  return params;
}

// `params` with `name` set to `value` alone.
Params with_only(Params params, const std::string& name, const std::string& value) {
  params.erase(name);
  params.emplace(name, value);
  return without_offset(std::move(params));
}

// `params` without the one value `value` of `name`.
Params without_value(Params params, const std::string& name, const std::string& value) {
  const auto [begin, end] = params.equal_range(name);
  for (auto it = begin; it != end; ++it) {
    if (it->second == value) {
      params.erase(it);
      break;
    }
  }
  return without_offset(std::move(params));
}

// The passage's `snippet` with its `highlights` in <mark>, escaped piece by piece (the
// spans are byte offsets into the raw text), "… " where sentences were left out.
std::string marked(const std::string& text, const std::vector<Span>& highlights, Span snippet) {
  std::string out = snippet.begin > 0 ? "\xE2\x80\xA6 " : "";
  std::uint32_t at = snippet.begin;
  for (const Span& span : highlights) {
    if (span.begin < at || span.end > snippet.end) continue;
    out += escape_html(std::string_view(text).substr(at, span.begin - at));
    out += "<mark>" + escape_html(std::string_view(text).substr(span.begin, span.end - span.begin)) + "</mark>";
    at = span.end;
  }
  out += escape_html(std::string_view(text).substr(at, snippet.end - at));
  if (snippet.end < text.size()) out += " \xE2\x80\xA6";
  return out;
}

// "Reuters · 2025-01-17 · Jane Doe", the parts the article has.
std::string meta_line(const PassageRecord& r) {
  std::string meta;
  for (const std::string& part : {r.source, r.date.substr(0, std::min<std::size_t>(r.date.size(), 10)), r.author}) {
    if (part.empty()) continue;
    if (!meta.empty()) meta += " \xC2\xB7 ";
    meta += escape_html(part);
  }
  return meta;
}

// A link to the article view, carrying the search it came from: its q is highlighted
// there, and "← results" returns to the same search, filters and page.
std::string article_link(const std::string& article_id, const Params& search) {
  return page_url(path_url("/article/", article_id), search);
}

std::string hit_html(const QueryResult& result, std::size_t i, const Params& search) {
  const Hit& hit = result.results.hits[i];
  const PassageRecord& r = hit.record;
  std::ostringstream out;
  out << "<li class=\"hit\" data-passage=\"" << r.index << "\">\n<h2><a class=\"title\" href=\""
      << article_link(r.article_id, search) << "#p-" << r.index << "\">" << escape_html(r.title.empty() ? r.article_id : r.title)
      << "</a>" << (r.preview ? "<span class=\"preview\">preview</span>" : "") << "</h2>\n"
      << "<p class=\"meta\">" << meta_line(r) << "</p>\n"
      << "<p class=\"passage\">" << marked(r.text, result.highlights[i], result.snippets[i]) << "</p>\n<p class=\"links\">";
  if (hit.more_passages > 0) {
    out << "<a class=\"more\" href=\"" << article_link(r.article_id, search) << "\">+" << hit.more_passages << " more passage"
        << (hit.more_passages == 1 ? "" : "s") << "</a>";
  }
  out << "<a class=\"like\" href=\"" << page_url("/", {{"like", r.article_id}}) << "\">more like this</a>";
  if (!hit.also_in.empty()) {
    out << "also in: ";
    for (std::size_t k = 0; k < hit.also_in.size(); ++k) {
      const StoryMember& member = hit.also_in[k];
      out << (k > 0 ? ", " : "") << "<a href=\"" << article_link(member.article_id, search) << "\">"
          << escape_html(member.source.empty() ? member.article_id : member.source) << "</a>";
    }
  }
  out << "</p>\n</li>\n";
  return out.str();
}

// Each facet value as a link that narrows the search to it.
std::string facets_html(const Facets& facets, const Params& params) {
  std::ostringstream out;
  out << "<nav id=\"facets\" aria-label=\"Narrow by\">\n";
  for (const auto& [field, counts] : facets.fields) {
    if (counts.empty()) continue;
    const std::string name(facet_name(field));
    out << "<h3>" << name << "</h3>\n<ul>\n";
    for (const FacetCount& count : counts) {
      out << "<li><a class=\"facet\" href=\"" << page_url("/", with_only(params, name, count.value)) << "\">"
          << escape_html(count.value) << "<span>" << count.articles << "</span></a></li>\n";
    }
    out << "</ul>\n";
  }
  out << "</nav>\n";
  return out.str();
}

// The histogram as bars, each a link that narrows the dates to its period ("2021",
// "2021-03", "2021-03-05": a --since and --until of that period).
std::string timeline_html(const std::vector<FacetCount>& histogram, const Params& params) {
  std::vector<const FacetCount*> dated;
  std::uint64_t undated = 0;
  std::uint64_t most = 1;
  for (const FacetCount& bucket : histogram) {
    if (bucket.value.empty() || bucket.value[0] < '0' || bucket.value[0] > '9') {
      undated += bucket.articles;
      continue;
    }
    dated.push_back(&bucket);
    most = std::max(most, bucket.articles);
  }
  if (dated.empty()) return "";
  constexpr int kBarWidth = 10;
  constexpr int kHeight = 60;
  const std::size_t width = dated.size() * kBarWidth;
  std::ostringstream out;
  out << "<h3>over time</h3>\n<svg id=\"timeline\" viewBox=\"0 0 " << width << ' ' << kHeight
      << "\" preserveAspectRatio=\"none\" role=\"img\" aria-label=\"Matching articles over time\">\n";
  for (std::size_t i = 0; i < dated.size(); ++i) {
    const FacetCount& bucket = *dated[i];
    if (bucket.articles == 0) continue;  // an empty period: a gap, nothing to follow
    const auto height = static_cast<int>((bucket.articles * (kHeight - 2) + most - 1) / most);
    Params narrowed = with_only(params, "since", bucket.value);
    narrowed = with_only(narrowed, "until", bucket.value);
    out << "<a class=\"bar\" href=\"" << page_url("/", narrowed) << "\"><rect x=\"" << i * kBarWidth + 1 << "\" y=\""
        << kHeight - height << "\" width=\"" << kBarWidth - 2 << "\" height=\"" << height << "\"><title>"
        << escape_html(bucket.value) << ": " << count_of(bucket.articles, "article", "articles") << "</title></rect></a>\n";
  }
  out << "</svg>\n<p class=\"meta\">" << escape_html(dated.front()->value) << " \xE2\x80\x93 " << escape_html(dated.back()->value);
  if (undated > 0) out << "; undated: " << undated;
  out << "</p>\n";
  return out.str();
}

// The filters in force, each a chip that removes it.
std::string filters_html(const Params& params) {
  std::string chips;
  for (const std::string_view name : kFilterParams) {
    const auto [begin, end] = params.equal_range(std::string(name));
    for (auto it = begin; it != end; ++it) {
      chips += "<a class=\"chip\" href=\"" + page_url("/", without_value(params, it->first, it->second)) +
               "\" title=\"remove this filter\">" + escape_html(it->first + ": " + it->second) + " \xC3\x97</a>";
    }
  }
  return chips.empty() ? "" : "<p class=\"filters\">" + chips + "</p>\n";
}

std::string pager_html(const QueryResult& result, const SearchPageView& view) {
  const std::size_t shown = result.results.hits.size();
  const bool earlier = view.offset > 0;
  const bool later = view.offset + shown < result.results.matching_articles && view.offset + 2 * view.page_size <= view.max_hits;
  if (!earlier && !later) return "";
  std::ostringstream out;
  out << "<nav id=\"pages\" aria-label=\"Pages\">";
  if (earlier) {
    Params previous = without_offset(view.params);
    const std::size_t to = view.offset > view.page_size ? view.offset - view.page_size : 0;
    if (to > 0) previous.emplace("offset", std::to_string(to));
    out << "<a rel=\"prev\" href=\"" << page_url("/", previous) << "\">\xE2\x86\x90 previous</a>";
  } else {
    out << "<span></span>";
  }
  if (later) {
    Params next = without_offset(view.params);
    next.emplace("offset", std::to_string(view.offset + view.page_size));
    out << "<a rel=\"next\" href=\"" << page_url("/", next) << "\">next \xE2\x86\x92</a>";
  }
  out << "</nav>\n";
  return out.str();
}

}  // namespace

std::string html_page(const std::string& title, const std::string& query, const std::string& body) {
  std::ostringstream out;
  out << "<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
      << "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>" << escape_html(title)
      << "</title>\n<link rel=\"stylesheet\" href=\"/static/app.css\">\n<script src=\"/static/app.js\" defer></script>\n"
      << "</head>\n<body>\n<header>\n<form id=\"search\" method=\"get\" action=\"/\" role=\"search\">\n"
      << "<a class=\"home\" href=\"/\">cs-search</a>\n<input id=\"q\" name=\"q\" type=\"search\" value=\"" << escape_html(query)
      << "\" list=\"completions\" autocomplete=\"off\" aria-label=\"Search the articles\" placeholder=\"Search the articles\">\n"
      << "<datalist id=\"completions\"></datalist>\n<button type=\"submit\">Search</button>\n</form>\n</header>\n<main>\n"
      << body << "</main>\n</body>\n</html>\n";
  return out.str();
}

std::string html_front_page(const IndexStats& index) {
  std::ostringstream out;
  out << "<p id=\"count\">" << count_of(index.articles, "article", "articles") << " to search.</p>\n"
      << "<p class=\"note\">Words find their other forms too (<em>calls</em> finds <em>call</em>); "
      << "<em>\"a phrase\"</em> in quotes; <em>-word</em> leaves articles with it out; "
      << "<em>source:Reuters</em>, <em>author:</em>, <em>topic:</em>, <em>lang:en</em> and "
      << "<em>date:2021..2022</em> narrow; <em>OR</em>, <em>AND</em>, <em>NOT</em> and <em>NEAR</em> combine. "
      << "Every result links to its whole article and to more like it.</p>\n";
  return out.str();
}

std::string html_message(const std::string& text, bool error) {
  return std::string("<p class=\"") + (error ? "error" : "note") + "\">" + escape_html(text) + "</p>\n";
}

std::string html_results(const QueryResult& result, const SearchPageView& view) {
  const Params& params = view.params;
  const std::string* typed = last_value(params, "q");
  const std::string query = typed == nullptr ? "" : *typed;
  std::ostringstream out;
  const std::uint64_t matching = result.results.matching_articles;
  if (result.results.hits.empty() && matching > 0) {  // a page past the last
    out << "<p id=\"count\">" << count_of(matching, "article matches", "articles match") << " \xE2\x80\x9C"
        << escape_html(result.query) << "\xE2\x80\x9D; this page starts past them: <a href=\""
        << page_url("/", without_offset(params)) << "\">the first page</a>.</p>\n";
  } else if (result.results.hits.empty()) {
    out << "<p id=\"count\">No results for \xE2\x80\x9C" << escape_html(result.query) << "\xE2\x80\x9D.";
    for (const FilterCount& without : result.without_filter) {
      if (without.articles > 0) out << " Without " << escape_html(without.filter) << ": " << count_of(without.articles, "article", "articles") << '.';
    }
    out << "</p>\n";
  } else {
    out << "<p id=\"count\">" << count_of(matching, "article matches", "articles match") << " \xE2\x80\x9C"
        << escape_html(result.query) << "\xE2\x80\x9D; " << view.offset + 1 << "\xE2\x80\x93"
        << view.offset + result.results.hits.size() << " shown.</p>\n";
  }
  if (!result.suggestion.empty()) {
    out << "<p class=\"note\">Did you mean <a id=\"suggestion\" href=\"" << page_url("/", with_only(params, "q", result.suggestion))
        << "\">" << escape_html(result.suggestion) << "</a>?</p>\n";
  }
  for (const std::string& note : result.notes) out << html_message(note, false);
  const ShardCounts& shards = result.results.shards;
  if (shards.partial()) {
    std::string missing;
    for (const MissingShard& shard : shards.missing) missing += (missing.empty() ? "" : ", ") + shard.name;
    out << html_message("Partial results: from " + std::to_string(shards.answered) + " of " + std::to_string(shards.total) +
                            " shards; " + missing + " did not answer.", true);
  }
  out << filters_html(params) << "<div class=\"layout\">\n<ol id=\"results\" start=\"" << view.offset + 1 << "\">\n";
  for (std::size_t i = 0; i < result.results.hits.size(); ++i) out << hit_html(result, i, params);
  out << "</ol>\n<aside>\n" << timeline_html(result.results.facets.histogram, params)
      << facets_html(result.results.facets, params) << "</aside>\n</div>\n" << pager_html(result, view);
  return out.str();
}

std::string html_article(const ArticleView& article, const Params& search) {
  const PassageRecord& r = article.record;
  std::ostringstream out;
  if (search.contains("q") || search.contains("like")) {
    out << "<p class=\"note\"><a href=\"" << page_url("/", search) << "\">\xE2\x86\x90 results</a></p>\n";
  }
  out << "<article id=\"article\">\n<h1>" << escape_html(r.title.empty() ? r.article_id : r.title) << "</h1>\n"
      << (r.preview ? "<p><span class=\"preview\">preview</span> only the part before the paywall was saved</p>\n" : "")
      << "<p class=\"meta\">" << meta_line(r) << "</p>\n<p class=\"links\">";
  // Only web addresses become links: a stored "javascript:" URL stays text.
  if (r.url.starts_with("https://") || r.url.starts_with("http://")) {
    out << "<a href=\"" << escape_html(r.url) << "\" rel=\"noreferrer noopener\">original</a>";
  }
  out << "<a class=\"like\" href=\"" << page_url("/", {{"like", r.article_id}}) << "\">more like this</a>";
  for (const StoryMember& member : article.also_in) {
    out << "<a href=\"" << article_link(member.article_id, search) << "\">also in "
        << escape_html(member.source.empty() ? member.article_id : member.source) << "</a>";
  }
  out << "</p>\n";
  for (std::size_t i = 0; i < article.passages.size(); ++i) {
    const std::string& text = article.passages[i];
    const bool match = i < article.highlights.size() && !article.highlights[i].empty();
    out << "<section class=\"passage" << (match ? " match" : "") << "\" id=\"p-" << i << "\" data-index=\"" << i
        << "\"><a class=\"number\" href=\"#p-" << i << "\">#" << i << "</a>"
        << marked(text, match ? article.highlights[i] : std::vector<Span>{}, Span{0, static_cast<std::uint32_t>(text.size())})
        << "</section>\n";
  }
  out << "</article>\n";
  return out.str();
}

}  // namespace cs::searcher
