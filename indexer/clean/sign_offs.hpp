// Lines that close a story without being its text: wire services' credit lines (Reuters'
// "(Reporting by ...; Editing by ...)"), contributors' notes (AP's "Associated Press writer
// ... contributed to this report."), agencies' initials (Der Spiegel's "msa/dpa/Reuters"),
// wire end marks ("Enditem"), contributors' notes ("... contributed to this report."), a
// reporter's address alone and Yonhap's sending time
// ("2024/04/11 06:12 송고"), an author's bio with an address to reach them, and appeals for
// donations. Each is known only on a short line: a paragraph of the story may speak of any
// of them. They name people, whom the article's author field makes searchable.
#pragma once

#include <string_view>

namespace cs::indexer {

// `lower`: one trimmed line, ASCII-lowercased.
bool is_sign_off(std::string_view lower);

}  // namespace cs::indexer
