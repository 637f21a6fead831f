#include "indexer/write/file_states.hpp"

#include <sys/stat.h>
#include <xxhash.h>

#include <nlohmann/json.hpp>

#include "common/schema.hpp"

namespace cs::indexer {

namespace {

ContentHash hex(const XXH128_hash_t& hash) {
  static constexpr char kDigits[] = "0123456789abcdef";
  ContentHash out(32, '0');
  for (int i = 0; i < 16; ++i) {
    out[static_cast<std::size_t>(15 - i)] = kDigits[(hash.high64 >> (4 * i)) & 15];
    out[static_cast<std::size_t>(31 - i)] = kDigits[(hash.low64 >> (4 * i)) & 15];
  }
  return out;
}

// Bumped when the serialised form changes: older states are then read as absent.
constexpr int kFileStateVersion = 1;

}  // namespace

ContentHash hash_bytes(std::string_view bytes) { return hex(XXH3_128bits(bytes.data(), bytes.size())); }

ContentHash hash_article(const Article& article) {
  // Fields joined with a separator no field holds after reading (readers drop control
  // characters), lengths included so that moving text between fields changes the hash.
  // The reading and analysis it is written by first: an article of an earlier one is
  // written again (kReadingVersion), even where the reader's fields are the same.
  std::string joined = "r" + std::to_string(kReadingVersion) + '\x1F';
  const auto add = [&](std::string_view field) {
    joined.append(std::to_string(field.size())).push_back(':');
    joined.append(field).push_back('\x1F');
  };
  for (std::string_view field : {std::string_view(article.id), std::string_view(article.path),
                                 std::string_view(article.title), std::string_view(article.source),
                                 std::string_view(article.author), std::string_view(article.date),
                                 std::string_view(article.url), std::string_view(article.lang),
                                 std::string_view(article.body)}) {
    add(field);
  }
  for (const std::string& topic : article.topics) add(topic);
  // Other titles after a marker no length starts with, so a title cannot pass for a topic;
  // none adds nothing, so the hashes of articles without them stay as they were.
  if (!article.other_titles.empty()) joined.push_back('T');
  if (article.no_article_text) joined.push_back('D');
  for (const std::string& title : article.other_titles) add(title);
  if (!article.standfirst.empty()) {
    joined.push_back('S');
    add(article.standfirst);
  }
  joined.push_back(article.preview ? 'P' : 'F');
  return hash_bytes(joined);
}

std::string file_state_key(std::string_view absolute_path) {
  return schema::boolean_term(schema::kFileStatePrefix, absolute_path);
}

std::string serialise_file_state(const FileState& state) {
  nlohmann::json articles = nlohmann::json::array();
  for (const IndexedArticle& article : state.articles) articles.push_back({article.id, article.hash});
  nlohmann::json json = {{"v", kFileStateVersion}, {"path", state.path},       {"size", state.size},
                         {"mtime", state.mtime_ns}, {"hash", state.content}, {"articles", articles}};
  if (!state.root.empty()) json["root"] = state.root;
  if (state.reading != 0) json["reading"] = state.reading;
  // Paths and ids are bytes from the file system and from documents, not always UTF-8.
  return json.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

std::optional<FileState> parse_file_state(std::string_view serialised) {
  const nlohmann::json json = nlohmann::json::parse(serialised, nullptr, false);
  if (!json.is_object() || json.value("v", 0) != kFileStateVersion) return std::nullopt;
  try {
    FileState state;
    state.path = json.at("path").get<std::string>();
    state.size = json.at("size").get<std::uintmax_t>();
    state.mtime_ns = json.at("mtime").get<std::int64_t>();
    state.content = json.at("hash").get<std::string>();
    state.root = json.value("root", std::string());
    state.reading = json.value("reading", std::uint32_t{0});
    for (const nlohmann::json& article : json.at("articles")) {
      state.articles.push_back({article.at(0).get<std::string>(), article.at(1).get<std::string>()});
    }
    return state;
  } catch (const nlohmann::json::exception&) {
    return std::nullopt;
  }
}

std::unordered_map<std::string, FileState> load_file_states(const Xapian::Database& db) {
  std::unordered_map<std::string, FileState> states;
  const std::string prefix(schema::kFileStatePrefix);
  for (auto key = db.metadata_keys_begin(prefix); key != db.metadata_keys_end(prefix); ++key) {
    if (auto state = parse_file_state(db.get_metadata(*key))) {
      std::string path = state->path;
      states.emplace(std::move(path), std::move(*state));
    }
  }
  return states;
}

std::optional<std::int64_t> modification_time_ns(const std::string& path) {
  struct stat info {};
  if (::stat(path.c_str(), &info) != 0) return std::nullopt;
  return static_cast<std::int64_t>(info.st_mtim.tv_sec) * 1'000'000'000 + info.st_mtim.tv_nsec;
}

void keep_earlier_roots(std::vector<CrawlEntry>& entries, const std::unordered_map<std::string, FileState>& previous) {
  for (CrawlEntry& entry : entries) {
    if (!entry.named) continue;
    const std::filesystem::path file = entry.path();
    const auto known = previous.find(file.string());
    if (known == previous.end() || known->second.root.empty()) continue;
    const std::filesystem::path root(known->second.root);
    const std::string relative = file.lexically_relative(root).generic_string();
    if (root == entry.root() || relative.empty() || relative.starts_with("..")) continue;  // moved, or not under it
    entry.root_folder = std::make_shared<const std::filesystem::path>(root);
    entry.relative_path = relative;
  }
}

}  // namespace cs::indexer
