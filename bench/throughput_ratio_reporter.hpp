// A console reporter that ends the run with each benchmark's throughput (a rate counter,
// bytes_per_second by default) as a ratio of a reference benchmark measured in the same run
// with the same arguments ("BM_XapianTermGenerator" for "BM_ArticleToDocument", or
// "BM_XapianEnquireSnippet" for "BM_CsSearchQuery"), so a figure reads as "1.8x plain Xapian on the same text"
// and stays comparable across machines.
#pragma once

#include <benchmark/benchmark.h>

#include <map>
#include <string>

namespace cs::bench {

class ThroughputRatioReporter : public benchmark::ConsoleReporter {
 public:
  ThroughputRatioReporter(std::string reference, bool color, std::string counter = "bytes_per_second",
                          std::string unit = "MB/s", double unit_scale = 1e6)
      : ConsoleReporter(color ? OO_ColorTabular : OO_Tabular),
        reference_(std::move(reference)),
        counter_(std::move(counter)),
        unit_(std::move(unit)),
        unit_scale_(unit_scale) {}

  void ReportRuns(const std::vector<Run>& runs) override;
  void Finalize() override;

 private:
  std::string reference_, counter_, unit_;
  double unit_scale_;
  // Rates by arguments ("" or "/1000/4"), then by benchmark function name.
  std::map<std::string, std::map<std::string, double>> rates_;
};

}  // namespace cs::bench
