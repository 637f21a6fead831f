#include "common/cpu_features.hpp"

#include <gtest/gtest.h>

namespace cs {
namespace {

// What glibc read at start is what the compiler's own detection (CPUID, with the
// operating system's support for the registers) finds on this machine. The product cannot
// use that detection (it runs CPUIDs at every start); a test can.
TEST(CpuFeatures, AreWhatTheProcessorReports) {
  const CpuFeatures& f = cpu_features();
#if defined(__x86_64__) && __has_include(<sys/platform/x86.h>)
  ASSERT_TRUE(f.known);
  __builtin_cpu_init();
  EXPECT_EQ(f.sse4_2, __builtin_cpu_supports("sse4.2") != 0);
  EXPECT_EQ(f.pclmulqdq, __builtin_cpu_supports("pclmul") != 0);
  EXPECT_EQ(f.avx2, __builtin_cpu_supports("avx2") != 0);
  EXPECT_EQ(f.bmi1, __builtin_cpu_supports("bmi") != 0);
  EXPECT_EQ(f.bmi2, __builtin_cpu_supports("bmi2") != 0);
  EXPECT_EQ(f.avx512f, __builtin_cpu_supports("avx512f") != 0);
  EXPECT_EQ(f.avx512dq, __builtin_cpu_supports("avx512dq") != 0);
  EXPECT_EQ(f.avx512cd, __builtin_cpu_supports("avx512cd") != 0);
  EXPECT_EQ(f.avx512bw, __builtin_cpu_supports("avx512bw") != 0);
  EXPECT_EQ(f.avx512vl, __builtin_cpu_supports("avx512vl") != 0);
  EXPECT_EQ(f.avx512_vbmi2, __builtin_cpu_supports("avx512vbmi2") != 0);
#else
  EXPECT_FALSE(f.known);
  EXPECT_FALSE(f.avx2);
#endif
}

}  // namespace
}  // namespace cs
