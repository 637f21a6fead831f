#include "searcher/retrieve/value_table.hpp"

#include <unordered_map>

#include "common/schema.hpp"
#include "searcher/retrieve/facet_tally.hpp"

namespace cs::searcher {

std::shared_ptr<const ValueTable> ValueTable::read(const Xapian::Database& db, Xapian::valueno slot, ValuePart part) {
  auto made = std::make_shared<ValueTable>();
  ValueTable& table = *made;
  table.ids_.assign(static_cast<std::size_t>(db.get_lastdocid()) + 1, 0);
  std::unordered_map<std::string, std::uint32_t> numbered;
  for (auto it = db.valuestream_begin(slot); it != db.valuestream_end(slot); ++it) {
    const Xapian::docid document = it.get_docid();
    if (document >= table.ids_.size()) table.ids_.resize(static_cast<std::size_t>(document) + 1, 0);
    std::string value = *it;
    if (part != nullptr) value = std::string(part(value));
    const auto [at, added] = numbered.try_emplace(value, static_cast<std::uint32_t>(table.values_.size() + 1));
    if (added) table.values_.push_back(std::move(value));
    table.ids_[document] = at->second;
  }
  table.first_document_.assign(table.values_.size() + 1, 0);
  for (const std::uint32_t id : table.ids_) {
    if (id != 0) ++table.first_document_[id];
  }
  for (std::size_t id = 1; id < table.first_document_.size(); ++id) table.first_document_[id] += table.first_document_[id - 1];
  table.documents_.resize(table.first_document_.back());
  std::vector<std::uint32_t> next(table.first_document_.begin(), table.first_document_.end() - 1);
  for (std::size_t document = 0; document < table.ids_.size(); ++document) {
    if (const std::uint32_t id = table.ids_[document]; id != 0) table.documents_[next[id - 1]++] = static_cast<Xapian::docid>(document);
  }
  return made;
}

std::shared_ptr<const ValueTable> ValueTables::table_at_second_ask(Slot& entry, const Xapian::Database& db,
                                                                Xapian::valueno slot, ValueTable::ValuePart part) {
  if (entry.table) return entry.table;
  // Xapian's match spies see a shard's own document ids, and not which shard it is, and a
  // table of one database is read by its ids: shards searched as one are read as before.
  if (++entry.asked < 2 || db.size() != 1 || db.get_lastdocid() > kMaxTableDocuments) return nullptr;
  entry.table = ValueTable::read(db, slot, part);
  return entry.table;
}

std::shared_ptr<const ValueTable> ValueTables::shared_table(const Xapian::Database& db, Xapian::valueno slot) {
  return table_at_second_ask(tables_[slot], db, slot, nullptr);
}

std::shared_ptr<const ValueTable> ValueTables::source_table(const Xapian::Database& db) {
  return table_at_second_ask(sources_, db, schema::kFacetKeySlot,
                          [](std::string_view key) { return schema::view_facet_key(key).source; });
}

std::shared_ptr<FacetTally> ValueTables::facet_tally(Xapian::valueno slot) {
  const auto entry = tables_.find(slot);
  if (entry == tables_.end() || !entry->second.table) return nullptr;
  if (!entry->second.tally) entry->second.tally = std::make_shared<FacetTally>();
  return entry->second.tally;
}

}  // namespace cs::searcher
