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
  line.append(" ").append(version_number()).append(" (Xapian ").append(Xapian::version_string());
  line.append(", ICU ").append(icu_text).append(")");
  return line;
}

std::string_view version_number() { return CS_VERSION; }

std::string_view release_date() { return CS_RELEASE_DATE; }

}  // namespace cs
