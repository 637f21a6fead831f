// The floor of a cs-search command's start: a program that does nothing, linked as cs-search
// is: the shared libraries it loads (Xapian, simdjson, the C++ runtime) and the archives it
// links (ICU, Boost.Program_options, Zstandard, xxHash), so that bench/scale.sh can time
// what loading and relocating them costs on this machine, beside `quest --version` (Xapian
// alone) and `cs-search --version`. The linker takes an archive's code only when something
// calls it: a call into each, never made, keeps them in, their static initialisers too.
#include <unicode/uversion.h>
#include <xapian.h>
#include <xxhash.h>
#include <zstd.h>

#include <boost/program_options/options_description.hpp>

int main(int argc, char**) {
  if (argc > 1000) {
    UVersionInfo icu;
    u_getVersion(icu);
    boost::program_options::options_description options;
    return static_cast<int>(icu[0] + ZSTD_versionNumber() + XXH_versionNumber() + options.options().size() +
                            static_cast<unsigned>(Xapian::major_version()));
  }
  return 0;
}
