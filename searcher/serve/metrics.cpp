#include "searcher/serve/metrics.hpp"

#include <algorithm>
#include <sstream>

namespace cs::searcher {

void Metrics::record(const std::string& route, int status, double seconds) {
  const std::lock_guard<std::mutex> lock(mutex_);
  ++requests_[{route, status}];
  if (status >= 400) ++errors_;
  const auto bucket = std::lower_bound(kBuckets.begin(), kBuckets.end(), seconds);
  if (bucket != kBuckets.end()) ++buckets_[static_cast<std::size_t>(bucket - kBuckets.begin())];
  ++count_;
  sum_ += seconds;
}

std::string Metrics::render(const IndexStats& index) const {
  std::ostringstream out;
  const std::lock_guard<std::mutex> lock(mutex_);
  out << "# HELP cs_search_requests_total HTTP requests answered, by route and status.\n"
      << "# TYPE cs_search_requests_total counter\n";
  for (const auto& [key, count] : requests_) {
    out << "cs_search_requests_total{route=\"" << key.first << "\",status=\"" << key.second << "\"} " << count << '\n';
  }
  out << "# HELP cs_search_request_errors_total HTTP requests answered with a 4xx or 5xx status.\n"
      << "# TYPE cs_search_request_errors_total counter\n"
      << "cs_search_request_errors_total " << errors_ << '\n'
      << "# HELP cs_search_request_duration_seconds Time from a request's arrival to its answer.\n"
      << "# TYPE cs_search_request_duration_seconds histogram\n";
  std::uint64_t cumulative = 0;
  for (std::size_t i = 0; i < kBuckets.size(); ++i) {
    cumulative += buckets_[i];
    out << "cs_search_request_duration_seconds_bucket{le=\"" << kBuckets[i] << "\"} " << cumulative << '\n';
  }
  out << "cs_search_request_duration_seconds_bucket{le=\"+Inf\"} " << count_ << '\n'
      << "cs_search_request_duration_seconds_sum " << sum_ << '\n'
      << "cs_search_request_duration_seconds_count " << count_ << '\n'
      << "# HELP cs_search_documents Articles in the database (a document each).\n"
      << "# TYPE cs_search_documents gauge\n"
      << "cs_search_documents " << index.articles << '\n'
      << "# HELP cs_search_last_commit_timestamp_seconds When cs-index last committed (0: unknown).\n"
      << "# TYPE cs_search_last_commit_timestamp_seconds gauge\n"
      << "cs_search_last_commit_timestamp_seconds " << index.last_commit << '\n';
  return out.str();
}

}  // namespace cs::searcher
