#include "common/exception_error.hpp"

#include <xapian.h>

#include <exception>
#include <filesystem>
#include <iostream>
#include <new>

#include "common/exit_codes.hpp"
#include "common/terminal.hpp"

namespace cs {

Error current_exception_error() {
  const std::string report = "please report it if it persists";
  try {
    throw;
  } catch (const Xapian::Error& e) {
    return Error{ErrorKind::kDatabase, "", "", "Xapian " + e.get_description(),
                 "check the database and free disk space, then run again; " + report};
  } catch (const std::bad_alloc&) {
    return Error{ErrorKind::kIo, "", "", "out of memory", "free memory, or run with fewer --jobs"};
  } catch (const std::filesystem::filesystem_error& e) {
    return Error{ErrorKind::kIo, e.path1().string(), "", e.code().message() + " (" + e.what() + ")",
                 "check the path and its permissions"};
  } catch (const std::exception& e) {
    return Error{ErrorKind::kIo, "", "", e.what(), report};
  } catch (...) {
    return Error{ErrorKind::kIo, "", "", "unexpected internal error", report};
  }
}

int report_uncaught_exception(std::string_view program) {
  std::cout.flush();
  std::cerr << terminal::sanitize_line(format_error(program, "error", current_exception_error())) << '\n';
  return exit_code::kError;
}

}  // namespace cs
