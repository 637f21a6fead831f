#include "bench/throughput_ratio_reporter.hpp"

#include <ostream>

namespace cs::bench {

void ThroughputRatioReporter::ReportRuns(const std::vector<Run>& runs) {
  ConsoleReporter::ReportRuns(runs);
  for (const Run& run : runs) {
    // With repetitions, the mean stands for the benchmark; single runs stand for themselves.
    if (run.run_type == Run::RT_Aggregate && run.aggregate_name != "mean") continue;
    const auto counter = run.counters.find(counter_);
    if (counter == run.counters.end()) continue;
    const std::string args = run.run_name.args.empty() ? "" : "/" + run.run_name.args;
    rates_[args][run.run_name.function_name] = counter->second.value;
  }
}

void ThroughputRatioReporter::Finalize() {
  ConsoleReporter::Finalize();
  std::ostream& out = GetOutputStream();
  bool headed = false;
  for (const auto& [args, by_name] : rates_) {
    const auto reference = by_name.find(reference_);
    if (reference == by_name.end() || reference->second <= 0) continue;
    if (!headed) {
      out << "\n" << counter_ << " in " << unit_ << " against " << reference_ << " in this run:\n";
      headed = true;
    }
    for (const auto& [name, rate] : by_name) {
      out << "  " << name << args << ": " << rate / unit_scale_ << " " << unit_ << ", " << rate / reference->second
          << "x\n";
    }
  }
  out.flush();
}

}  // namespace cs::bench
