#include "searcher/retrieve/value_counter.hpp"

#include <unordered_map>

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

ValueCounter::ValueCounter(Xapian::valueno slot, bool remote) {
  if (remote) {
    xapian_ = std::make_unique<Xapian::ValueCountMatchSpy>(slot);
  } else {
    local_ = std::make_unique<HashCounts>(slot);
  }
}

ValueCounter::~ValueCounter() = default;

Xapian::MatchSpy& ValueCounter::spy() {
  if (xapian_) return *xapian_;
  return *local_;
}

void ValueCounter::for_each(const std::function<void(const std::string&, Xapian::doccount)>& visit) const {
  if (xapian_) {
    for (auto it = xapian_->values_begin(); it != xapian_->values_end(); ++it) visit(*it, it.get_termfreq());
  } else {
    for (const auto& [value, matches] : local_->counts()) visit(value, matches);
  }
}

Xapian::doccount ValueCounter::total() const {
  return xapian_ ? static_cast<Xapian::doccount>(xapian_->get_total()) : local_->total();  // it counts at most doccount
}

}  // namespace cs::searcher
