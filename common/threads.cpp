#include "common/threads.hpp"

#include <optional>
#include <system_error>
#include <thread>
#include <vector>

#include "common/exception_error.hpp"
#include "common/failpoint.hpp"

namespace cs {

Status run_on_threads(unsigned threads, const std::function<void(unsigned)>& work) {
  std::vector<std::optional<Error>> failures(threads == 0 ? 1 : threads);
  const auto guarded = [&](unsigned t) {
    try {
      if (t > 0) failpoint("worker-thread");
      work(t);
    } catch (...) {
      failures[t] = current_exception_error();
    }
  };
  std::vector<std::thread> started;
  for (unsigned t = 1; t < failures.size(); ++t) {
    try {
      started.emplace_back(guarded, t);
    } catch (const std::system_error&) {
      break;  // no more threads to be had: those started share the work
    }
  }
  guarded(0);
  for (std::thread& thread : started) thread.join();
  for (std::optional<Error>& failure : failures) {
    if (failure) return std::move(*failure);
  }
  return ok_status();
}

}  // namespace cs
