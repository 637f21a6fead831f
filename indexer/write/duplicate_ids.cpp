#include "indexer/write/duplicate_ids.hpp"

#include <xapian.h>

#include <map>
#include <string>
#include <utility>
#include <vector>

#include "common/passage_record.hpp"
#include "common/schema.hpp"
#include "common/stored_dictionaries.hpp"

namespace cs::indexer {

Result<std::size_t> drop_duplicate_ids(const std::filesystem::path& db, const Crawled& crawled,
                                       const std::function<void(const Error&)>& warn) {
  try {
    Xapian::WritableDatabase database(db.string(), Xapian::DB_OPEN);
    // Where each file comes in the crawl, by its root and its path under the root, as
    // records name them.
    std::map<std::pair<std::string, std::string>, std::size_t> crawl_order;
    for (std::size_t k = 0; k < crawled.entries.size(); ++k) {
      crawl_order.emplace(std::pair{crawled.entries[k].root().string(), crawled.entries[k].relative_path}, k);
    }
    StoredDictionaries dictionaries;
    dictionaries.reset({database});
    std::size_t dropped = 0;
    const std::string prefix(schema::kArticleIdPrefix);
    for (auto term = database.allterms_begin(prefix); term != database.allterms_end(prefix); ++term) {
      if (term.get_termfreq() < 2) continue;
      struct Holder {
        Xapian::docid document;
        std::size_t order;  // in the crawl; files no longer crawled come first
        std::string path;  // as the record names it: under its root
        std::string display_path;
        std::string article_id;
      };
      std::vector<Holder> holders;
      for (auto posting = database.postlist_begin(*term); posting != database.postlist_end(*term); ++posting) {
        auto record = decode_article_record(database.get_document(*posting).get_data(), dictionaries.lookup());
        Holder holder{*posting, 0, "", "", ""};
        if (record) {
          const auto found = crawl_order.find({record->root, record->path});
          holder.order = found == crawl_order.end() ? 0 : found->second + 1;
          holder.path = record->path;
          holder.display_path = display_path(*record);
          holder.article_id = record->article_id;
        }
        holders.push_back(std::move(holder));
      }
      std::size_t kept = 0;
      for (std::size_t i = 1; i < holders.size(); ++i) {
        if (holders[i].order >= holders[kept].order) kept = i;
      }
      for (std::size_t i = 0; i < holders.size(); ++i) {
        if (i == kept) continue;
        database.delete_document(holders[i].document);
        ++dropped;
        if (warn) {
          warn(Error{ErrorKind::kInput, holders[kept].display_path, "",
                     "article id '" + holders[kept].article_id + "' is also used by " + holders[i].path,
                     "this file's article replaces it"});
        }
      }
    }
    database.commit();
    return dropped;
  } catch (const Xapian::Error& e) {
    return Error{ErrorKind::kDatabase, db.string(), "", "cannot remove the duplicate articles of a parallel build: " +
                 e.get_description(), "run cs-index --rebuild --jobs 1"};
  }
}

}  // namespace cs::indexer
