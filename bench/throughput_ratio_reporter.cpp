#include "bench/throughput_ratio_reporter.hpp"

#include <ostream>

namespace cs::bench {

void ThroughputRatioReporter::ReportRuns(const std::vector<Run>& runs) {
  ConsoleReporter::ReportRuns(runs);
  for (const Run& run : runs) {
    // With repetitions, the mean stands for the benchmark; single runs stand for themselves.
    if (run.run_type == Run::RT_Aggregate && run.aggregate_name != "mean") continue;
    const auto counter = run.counters.find("bytes_per_second");
    if (counter == run.counters.end()) continue;
    bytes_per_second_[run.run_name.function_name] = counter->second.value;
  }
}

void ThroughputRatioReporter::Finalize() {
  ConsoleReporter::Finalize();
  const auto reference = bytes_per_second_.find(reference_);
  if (reference == bytes_per_second_.end() || reference->second <= 0) return;
  std::ostream& out = GetOutputStream();
  out << "\nThroughput in MB/s (10^6 bytes) against " << reference_ << " in this run:\n";
  for (const auto& [name, rate] : bytes_per_second_) {
    out << "  " << name << ": " << rate / 1e6 << " MB/s, " << rate / reference->second << "x\n";
  }
  out.flush();
}

}  // namespace cs::bench
