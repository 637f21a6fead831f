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
  return made;
}

std::span<const Xapian::docid> ValueTable::documents_of(std::uint32_t id) const {
  std::call_once(indexed_, [this] { index_documents(); });
  return {documents_.data() + first_document_[id - 1], documents_.data() + first_document_[id]};
}

void ValueTable::index_documents() const {
  first_document_.assign(values_.size() + 1, 0);
  for (const std::uint32_t id : ids_) {
    if (id != 0) ++first_document_[id];
  }
  for (std::size_t id = 1; id < first_document_.size(); ++id) first_document_[id] += first_document_[id - 1];
  documents_.resize(first_document_.back());
  std::vector<std::uint32_t> next(first_document_.begin(), first_document_.end() - 1);
  for (std::size_t document = 0; document < ids_.size(); ++document) {
    if (const std::uint32_t id = ids_[document]; id != 0) documents_[next[id - 1]++] = static_cast<Xapian::docid>(document);
  }
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
