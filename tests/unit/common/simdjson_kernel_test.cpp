#include "common/simdjson_kernel.hpp"

#include "common/cpu_features.hpp"

#include <gtest/gtest.h>
#include <simdjson.h>

namespace cs {
namespace {

// The kernel chosen from glibc's processor features is the one simdjson's own detection
// (CPUID) picks on this machine, which runs it: a wrong choice would parse with
// instructions the processor lacks, or leave a faster kernel unused. (No parser here: this
// file is compiled without the definitions cs_common's simdjson users get.)
TEST(SimdjsonKernel, IsTheOneSimdjsonWouldDetect) {
  choose_simdjson_kernel();
  const simdjson::implementation* detected = simdjson::get_available_implementations().detect_best_supported();
  ASSERT_NE(detected, nullptr);
  const simdjson::implementation* active = simdjson::get_active_implementation();
  EXPECT_TRUE(active->supported_by_runtime_system());
  // simdjson 3.0.1 does not ask whether the operating system saves AVX-512's registers;
  // glibc does, and where it does not, haswell is right.
  if (detected->name() == "icelake" && !cpu_features().avx512f) {
    EXPECT_EQ(active->name(), "haswell");
  } else {
    EXPECT_EQ(active->name(), detected->name());
  }
}

}  // namespace
}  // namespace cs
