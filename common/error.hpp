// cs::Error, the one error type of the project, Result<T> for code that can fail on input,
// and the one formatter that prints an error as a single line.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <variant>

namespace cs {

enum class ErrorKind {
  kInput,     // a file or record that cannot be read as an article
  kUsage,     // bad command-line options
  kQuery,     // a malformed query
  kDatabase,  // missing, corrupt or incompatible database
  kLocked,    // the database is locked by another writer
  kIo,        // the operating system refused a read or write
};

struct Error {
  ErrorKind kind = ErrorKind::kInput;
  std::string path;      // the file or database concerned; may be empty
  std::string location;  // within it: "line 3", "record 2", "column 7"; may be empty
  std::string reason;    // what is wrong
  std::string hint;      // what to do about it; may be empty
};

// "<program>: <severity>: <path>: <location>: <reason>; <hint>", omitting empty parts.
std::string format_error(std::string_view program, std::string_view severity, const Error& error);

// A value or an Error.
template <typename T>
class Result {
 public:
  Result(T value) : state_(std::move(value)) {}          // NOLINT: implicit by design
  Result(Error error) : state_(std::move(error)) {}      // NOLINT: implicit by design

  bool ok() const { return state_.index() == 0; }
  explicit operator bool() const { return ok(); }
  T& value() { return std::get<0>(state_); }
  const T& value() const { return std::get<0>(state_); }
  T& operator*() { return value(); }
  const T& operator*() const { return value(); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }
  const Error& error() const { return std::get<1>(state_); }

 private:
  std::variant<T, Error> state_;
};

// Success or an Error, for operations with nothing to return.
using Status = Result<std::monostate>;
inline Status ok_status() { return std::monostate{}; }

}  // namespace cs
