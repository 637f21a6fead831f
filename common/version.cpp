#include "common/version.hpp"

#include <unicode/uversion.h>
#include <xapian.h>

namespace cs {

std::string version_line(std::string_view program) {
  UVersionInfo icu;
  u_getVersion(icu);
  char icu_text[U_MAX_VERSION_STRING_LENGTH];
  u_versionToString(icu, icu_text);
  std::string line(program);
  line.append(" " CS_VERSION " (Xapian ").append(Xapian::version_string()).append(", ICU ").append(icu_text).append(")");
  return line;
}

}  // namespace cs
