// simdjson's kernel (icelake, haswell, westmere or fallback), chosen from the processor
// features glibc read when the program started (cpu_features.hpp). Left to itself,
// simdjson finds them with CPUID at its first parse: under a hypervisor every CPUID traps,
// and its detection cost each cs-search command 45-120 us.
#pragma once

namespace cs {

// Sets simdjson's active implementation once per process, before its first parser runs
// (cs-search's record reader and cs-index's JSON parser call it); later calls do nothing.
// Where the features are unknown (not x86-64), or SIMDJSON_FORCE_IMPLEMENTATION is set,
// simdjson detects as it would.
void choose_simdjson_kernel();

}  // namespace cs
