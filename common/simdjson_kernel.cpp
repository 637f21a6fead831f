#include "common/simdjson_kernel.hpp"

#include <simdjson.h>

#if defined(__x86_64__) && __has_include(<sys/platform/x86.h>)
#include <sys/platform/x86.h>
#define CS_GLIBC_CPU_FEATURES 1
#endif

namespace cs {

namespace {

#ifdef CS_GLIBC_CPU_FEATURES
// The name of the best kernel the processor runs, by the instruction sets each of
// simdjson's x86-64 kernels requires (its implementations' required_instruction_sets).
// CPU_FEATURE_ACTIVE is true only where the kernel also saves the registers' state.
const char* best_kernel() {
  const bool haswell = CPU_FEATURE_ACTIVE(AVX2) && CPU_FEATURE_ACTIVE(BMI1) && CPU_FEATURE_ACTIVE(BMI2) &&
                       CPU_FEATURE_ACTIVE(PCLMULQDQ);
  if (haswell && CPU_FEATURE_ACTIVE(AVX512F) && CPU_FEATURE_ACTIVE(AVX512DQ) && CPU_FEATURE_ACTIVE(AVX512CD) &&
      CPU_FEATURE_ACTIVE(AVX512BW) && CPU_FEATURE_ACTIVE(AVX512VL) && CPU_FEATURE_ACTIVE(AVX512_VBMI2)) {
    return "icelake";
  }
  if (haswell) return "haswell";
  if (CPU_FEATURE_ACTIVE(SSE4_2) && CPU_FEATURE_ACTIVE(PCLMULQDQ)) return "westmere";
  return "fallback";
}

bool choose() {
  // A kernel this build of simdjson lacks (built without it) leaves simdjson to detect.
  if (const simdjson::implementation* kernel = simdjson::get_available_implementations()[best_kernel()]) {
    simdjson::get_active_implementation() = kernel;
  }
  return true;
}
#else
bool choose() { return true; }
#endif

}  // namespace

void choose_simdjson_kernel() { [[maybe_unused]] static const bool chosen = choose(); }

}  // namespace cs
