// The processor's features as glibc (2.33 and later) read them when the program started,
// so that choosing a kernel runs no CPUID instruction: under a hypervisor each one traps
// (6.6 us apiece on the benchmark machine), and GCC's __builtin_cpu_supports links
// libgcc's __cpu_indicator_init, a constructor that runs about a dozen at every start.
#pragma once

namespace cs {

struct CpuFeatures {
  bool known = false;  // false: not x86-64 with glibc's <sys/platform/x86.h>; all below false
  // Each true only where the operating system also saves the registers' state.
  bool sse4_2 = false, pclmulqdq = false, avx2 = false, bmi1 = false, bmi2 = false;
  bool avx512f = false, avx512dq = false, avx512cd = false, avx512bw = false, avx512vl = false,
       avx512_vbmi2 = false;
};

const CpuFeatures& cpu_features();

}  // namespace cs
