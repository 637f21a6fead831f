#include "searcher/retrieve/value_counter.hpp"

#include <unordered_map>
#include <vector>

namespace cs::searcher {

class ValueCounter::HashCounts : public Xapian::MatchSpy {
 public:
  explicit HashCounts(Xapian::valueno slot) : slot_(slot) {}

  void operator()(const Xapian::Document& document, double) override {
    ++total_;
    std::string value = document.get_value(slot_);
    if (!value.empty()) ++counts_[std::move(value)];  // as Xapian's spy, empty values are not counted
  }

  const std::unordered_map<std::string, Xapian::doccount>& counts() const { return counts_; }
  Xapian::doccount total() const { return total_; }

 private:
  Xapian::valueno slot_;
  Xapian::doccount total_ = 0;
  std::unordered_map<std::string, Xapian::doccount> counts_;
};

// Counts by value number: the matches come as document ids, the table numbers their values.
// The numbers counted are listed as they are first met, so reading the counts costs what
// the match holds, not what the table does.
class ValueCounter::TableCounts : public Xapian::MatchSpy {
 public:
  explicit TableCounts(std::shared_ptr<const ValueTable> table)
      : table_(std::move(table)), counts_(table_->distinct() + 1, 0) {}

  void operator()(const Xapian::Document& document, double) override {
    ++total_;
    const std::uint32_t id = table_->id_of(document.get_docid());
    if (id == 0) return;  // no value: not counted as one, as Xapian's spy does
    ++valued_;
    if (counts_[id]++ == 0) met_.push_back(id);
  }

  void for_each(const std::function<void(std::uint32_t, const std::string&, Xapian::doccount)>& visit) const {
    for (const std::uint32_t id : met_) visit(id, table_->value(id), counts_[id]);
  }
  Xapian::doccount total() const { return total_; }
  std::uint64_t distinct() const { return met_.size(); }
  std::uint64_t valued() const { return valued_; }

 private:
  std::shared_ptr<const ValueTable> table_;  // held: the session may forget it meanwhile
  Xapian::doccount total_ = 0;
  std::uint64_t valued_ = 0;              // the matches that held a value
  std::vector<Xapian::doccount> counts_;  // by value number
  std::vector<std::uint32_t> met_;        // the numbers counted, in the order met
};

ValueCounter::ValueCounter(Xapian::valueno slot, bool remote, std::shared_ptr<const ValueTable> table) {
  if (remote) {
    xapian_ = std::make_unique<Xapian::ValueCountMatchSpy>(slot);
  } else if (table) {
    tabled_ = std::make_unique<TableCounts>(std::move(table));
  } else {
    local_ = std::make_unique<HashCounts>(slot);
  }
}

ValueCounter::~ValueCounter() = default;

Xapian::MatchSpy& ValueCounter::spy() {
  if (xapian_) return *xapian_;
  if (tabled_) return *tabled_;
  return *local_;
}

void ValueCounter::for_each(const std::function<void(const std::string&, Xapian::doccount)>& visit) const {
  if (xapian_) {
    for (auto it = xapian_->values_begin(); it != xapian_->values_end(); ++it) visit(*it, it.get_termfreq());
  } else if (tabled_) {
    tabled_->for_each([&](std::uint32_t, const std::string& value, Xapian::doccount matches) { visit(value, matches); });
  } else {
    for (const auto& [value, matches] : local_->counts()) visit(value, matches);
  }
}

void ValueCounter::for_each_numbered(
    const std::function<void(std::uint32_t, const std::string&, Xapian::doccount)>& visit) const {
  if (tabled_) tabled_->for_each(visit);
}

Xapian::doccount ValueCounter::total() const {
  if (tabled_) return tabled_->total();
  return xapian_ ? static_cast<Xapian::doccount>(xapian_->get_total()) : local_->total();  // it counts at most doccount
}

ValueCounter::Valued ValueCounter::valued() const {
  if (tabled_) return {tabled_->distinct(), tabled_->valued()};
  Valued valued;
  for_each([&](const std::string&, Xapian::doccount matches) {
    ++valued.distinct;
    valued.matches += matches;
  });
  return valued;
}

}  // namespace cs::searcher
