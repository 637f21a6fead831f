// What the server counts for /metrics, in Prometheus's text format: requests by route and
// status, errors, a latency histogram, and the database's articles and newest commit.
// Recorded from every worker thread at once.
#pragma once

#include <array>
#include <cstdint>
#include <map>
#include <mutex>
#include <string>
#include <utility>

#include "searcher/results.hpp"

namespace cs::searcher {

class Metrics {
 public:
  // Upper bounds of the latency buckets, in seconds (Prometheus's "le").
  static constexpr std::array<double, 12> kBuckets = {0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025,
                                                      0.05,   0.1,   0.25,   0.5,   1,    2.5};

  // One answered request: its route ("/api/search"; not the raw path, so that the number of
  // series stays bounded), its status, and the seconds it took.
  void record(const std::string& route, int status, double seconds);

  // Everything, as /metrics serves it (text/plain; version=0.0.4).
  std::string render(const IndexStats& index) const;

 private:
  mutable std::mutex mutex_;
  std::map<std::pair<std::string, int>, std::uint64_t> requests_;
  std::uint64_t errors_ = 0;
  std::array<std::uint64_t, kBuckets.size()> buckets_{};  // not cumulative; summed when rendered
  std::uint64_t count_ = 0;
  double sum_ = 0;
};

}  // namespace cs::searcher
