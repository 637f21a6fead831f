// The people a page names as its authors, as a reader would name them: without the job title
// a byline gives after a name ("REBECCA ENGLISH, ROYAL EDITOR"), in the capitals of a name
// only when the page writes it no other way, never the site itself (The Economist's JSON-LD
// names "The Economist" its author); and, when its tags name no one, the byline it shows
// (Nikkei Asia's "KENTARO IWAMOTO and MIHO ISHIKAWA, Nikkei staff writers").
#pragma once

#include <libxml/tree.h>

#include <nlohmann/json.hpp>

#include <string>
#include <string_view>
#include <vector>

namespace cs::indexer {

struct PageFacts;

// `name` as a person's name: a job title after its last comma left out ("Rebecca English,
// Royal Editor" is Rebecca English), and a name written in capitals alone set in title case
// ("RICHARD EDEN" is Richard Eden).
std::string person_name(std::string_view name);

// The names a JSON-LD author field gives (a string, a {name} object or a list of them), each
// a person_name, leaving out the names of `sites` (the page's og:site_name, its publisher):
// an organisation that is the site is no author.
std::vector<std::string> ld_author_names(const nlohmann::json& authors, const std::vector<std::string_view>& sites);

// Reads an element after the first <h1> whose class or id names a byline ("byline", "author",
// "writer", "reporter", Anadolu's "muhabir", ...), in document order, for the names it shows:
// the texts of its links that read as names, else its text less "By" and job titles. The
// first byline that names someone wins; an author's bio ("author-bio") is no byline.
void note_byline(const xmlNode* node, PageFacts& facts);

}  // namespace cs::indexer
