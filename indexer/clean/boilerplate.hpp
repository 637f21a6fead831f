// Tells site chrome from article text, one line at a time: navigation and share lines,
// language switchers, "Back to Top", related-story headers, photo credits, and paywall or
// subscription notices (which also mark the article as a partial preview).
#pragma once

#include <string_view>

namespace cs::indexer {

enum class LineKind {
  kText,            // article text
  kChrome,          // site chrome: drop it
  kPreviewNotice,   // a paywall/preview notice: drop it and mark the article as a preview
};

// Classifies one trimmed line (or paragraph) on its own, without context.
LineKind classify_line(std::string_view line);

// Whether a line is a poll's label ("Poll", "Quick poll", "Umfrage"): chrome itself, and the
// question and answers under it are no text of the story either (article_text.hpp).
bool is_poll_label(std::string_view line);

// Whether a line heads a list of links to other stories ("Related stories", "Mehr zum
// Thema", "Sur le même sujet"): chrome itself, and the headlines under it are no text of the
// story either (article_text.hpp).
bool is_related_heading(std::string_view line);

}  // namespace cs::indexer
