// Where the database is when the user names none: both programs resolve it the same way.
#pragma once

#include <filesystem>
#include <string>

namespace cs {

// `option` if not empty; else $CS_DB; else $XDG_DATA_HOME/cs-search/db; else
// $HOME/.local/share/cs-search/db; else ./cs-search-db.
std::filesystem::path resolve_db_path(const std::string& option);

}  // namespace cs
