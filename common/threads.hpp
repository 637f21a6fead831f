// Work shared by several threads, with what any of them throws carried back to the caller
// as a cs::Error instead of reaching std::terminate.
#pragma once

#include <functional>

#include "common/error.hpp"

namespace cs {

// Calls work(t) for t from 0 to threads - 1 at once, t = 0 on the calling thread, and waits
// for all. An exception a call throws is caught on its thread; the first (by t) comes back
// as the Error. When the system cannot start a thread, the calls started do the work, so
// `work` should take its items from a shared counter rather than by t. Each started thread
// reaches the failpoint "worker-thread" first.
Status run_on_threads(unsigned threads, const std::function<void(unsigned)>& work);

}  // namespace cs
