#include "common/cpu_features.hpp"

#if defined(__x86_64__) && __has_include(<sys/platform/x86.h>)
// glibc's header is C: its inline functions return _Bool, which GCC's C++ accepts and
// clang's does not.
#if defined(__clang__)
#define _Bool bool
#endif
#include <sys/platform/x86.h>
#if defined(__clang__)
#undef _Bool
#endif
#define CS_GLIBC_CPU_FEATURES 1
#endif

namespace cs {

namespace {

CpuFeatures read_features() {
  CpuFeatures f;
#ifdef CS_GLIBC_CPU_FEATURES
  f.known = true;
  f.sse4_2 = CPU_FEATURE_ACTIVE(SSE4_2);
  f.pclmulqdq = CPU_FEATURE_ACTIVE(PCLMULQDQ);
  f.avx2 = CPU_FEATURE_ACTIVE(AVX2);
  f.bmi1 = CPU_FEATURE_ACTIVE(BMI1);
  f.bmi2 = CPU_FEATURE_ACTIVE(BMI2);
  f.avx512f = CPU_FEATURE_ACTIVE(AVX512F);
  f.avx512dq = CPU_FEATURE_ACTIVE(AVX512DQ);
  f.avx512cd = CPU_FEATURE_ACTIVE(AVX512CD);
  f.avx512bw = CPU_FEATURE_ACTIVE(AVX512BW);
  f.avx512vl = CPU_FEATURE_ACTIVE(AVX512VL);
  f.avx512_vbmi2 = CPU_FEATURE_ACTIVE(AVX512_VBMI2);
#endif
  return f;
}

}  // namespace

const CpuFeatures& cpu_features() {
  static const CpuFeatures features = read_features();
  return features;
}

}  // namespace cs
