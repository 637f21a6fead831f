#include "common/simdjson_kernel.hpp"

#include <simdjson.h>

#include <cstdlib>

#include "common/cpu_features.hpp"

namespace cs {

namespace {

// The name of the best kernel the processor runs, by the instruction sets each of
// simdjson's x86-64 kernels requires (its implementations' required_instruction_sets).
const char* best_kernel(const CpuFeatures& f) {
  const bool haswell = f.avx2 && f.bmi1 && f.bmi2 && f.pclmulqdq;
  if (haswell && f.avx512f && f.avx512dq && f.avx512cd && f.avx512bw && f.avx512vl && f.avx512_vbmi2) return "icelake";
  if (haswell) return "haswell";
  if (f.sse4_2 && f.pclmulqdq) return "westmere";
  return "fallback";
}

bool choose() {
  const CpuFeatures& features = cpu_features();
  // simdjson detects as it would where the features are unknown, or where a user forces
  // a kernel through its own variable.
  if (!features.known || std::getenv("SIMDJSON_FORCE_IMPLEMENTATION") != nullptr) return true;
  // A kernel this build of simdjson lacks (built without it) leaves simdjson to detect.
  if (const simdjson::implementation* kernel = simdjson::get_available_implementations()[best_kernel(features)]) {
    simdjson::get_active_implementation() = kernel;
  }
  return true;
}

}  // namespace

void choose_simdjson_kernel() { [[maybe_unused]] static const bool chosen = choose(); }

}  // namespace cs
