// Exceptions as cs::Error: what a worker thread or a program's main() caught, turned into the
// project's one error type, so it ends as one "program: error: ..." line and exit status 2
// instead of reaching std::terminate.
#pragma once

#include <string_view>

#include "common/error.hpp"

namespace cs {

// The exception being handled (call it inside a catch block) as an Error: Xapian's errors
// are kDatabase, std::bad_alloc, std::filesystem::filesystem_error and the rest kIo, each
// with its own reason and a hint.
Error current_exception_error();

// Prints current_exception_error() as one sanitised line on standard error, as `program`'s
// error, and returns exit_code::kError: the last word of main()'s catch block.
int report_uncaught_exception(std::string_view program);

}  // namespace cs
