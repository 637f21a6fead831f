// A console reporter that ends the run with each benchmark's throughput as a ratio of a
// reference benchmark measured in the same run ("BM_XapianTermGenerator"), so a figure
// reads as "1.8x plain Xapian on the same text" and stays comparable across machines.
#pragma once

#include <benchmark/benchmark.h>

#include <map>
#include <string>

namespace cs::bench {

class ThroughputRatioReporter : public benchmark::ConsoleReporter {
 public:
  ThroughputRatioReporter(std::string reference, bool color)
      : ConsoleReporter(color ? OO_ColorTabular : OO_Tabular), reference_(std::move(reference)) {}

  void ReportRuns(const std::vector<Run>& runs) override;
  void Finalize() override;

 private:
  std::string reference_;
  std::map<std::string, double> bytes_per_second_;  // by benchmark name
};

}  // namespace cs::bench
