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
#endif
#if defined(CPU_FEATURE_ACTIVE)  // glibc 2.33 and later (2.32 had CPU_FEATURE_USABLE)
#define CS_GLIBC_CPU_FEATURES 1
#elif defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
#include <cpuid.h>
#define CS_CPUID_FEATURES 1
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
#elif defined(CS_CPUID_FEATURES)
  // Elsewhere the processor is asked, once: leaf 1 and 7, and which registers' state the
  // operating system saves (XGETBV), as glibc does.
  unsigned a = 0, b = 0, c = 0, d = 0;
  if (__get_cpuid(1, &a, &b, &c, &d) == 0) return f;
  f.known = true;
  const unsigned leaf1 = c;
  f.sse4_2 = (leaf1 & bit_SSE4_2) != 0;
  f.pclmulqdq = (leaf1 & bit_PCLMUL) != 0;
  unsigned saved = 0, high = 0;
  if ((leaf1 & bit_OSXSAVE) != 0) __asm__("xgetbv" : "=a"(saved), "=d"(high) : "c"(0));
  const bool ymm = (leaf1 & bit_AVX) != 0 && (saved & 0x6u) == 0x6u;  // SSE and AVX state
  const bool zmm = ymm && (saved & 0xE0u) == 0xE0u;                     // and AVX-512's
  if (__get_cpuid_count(7, 0, &a, &b, &c, &d) == 0) return f;
  f.avx2 = ymm && (b & bit_AVX2) != 0;
  f.bmi1 = (b & bit_BMI) != 0;
  f.bmi2 = (b & bit_BMI2) != 0;
  f.avx512f = zmm && (b & bit_AVX512F) != 0;
  f.avx512dq = zmm && (b & bit_AVX512DQ) != 0;
  f.avx512cd = zmm && (b & bit_AVX512CD) != 0;
  f.avx512bw = zmm && (b & bit_AVX512BW) != 0;
  f.avx512vl = zmm && (b & bit_AVX512VL) != 0;
  f.avx512_vbmi2 = zmm && (c & bit_AVX512VBMI2) != 0;
#endif
  return f;
}

}  // namespace

const CpuFeatures& cpu_features() {
  static const CpuFeatures features = read_features();
  return features;
}

}  // namespace cs
