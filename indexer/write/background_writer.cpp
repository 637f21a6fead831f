#include "indexer/write/background_writer.hpp"

#include <utility>

#include "common/exception_error.hpp"

namespace cs::indexer {

BackgroundWriter::BackgroundWriter(bool threaded) : threaded_(threaded) {
  if (threaded_) thread_ = std::thread([this] { loop(); });
}

BackgroundWriter::~BackgroundWriter() {
  if (!threaded_) return;
  {
    const std::lock_guard<std::mutex> lock(mutex_);
    stopping_ = true;
  }
  changed_.notify_all();
  thread_.join();
}

void BackgroundWriter::loop() {
  std::unique_lock<std::mutex> lock(mutex_);
  for (;;) {
    changed_.wait(lock, [&] { return stopping_ || job_; });
    if (!job_) return;  // stopping, nothing left to write
    std::function<Status()> job = std::move(job_);
    job_ = nullptr;
    lock.unlock();
    Status done = ok_status();
    try {
      done = job();
    } catch (...) {  // carried to the caller's next submit() or finish()
      done = current_exception_error();
    }
    lock.lock();
    if (!done && !failure_) failure_ = done.error();
    busy_ = false;
    changed_.notify_all();
  }
}

Status BackgroundWriter::submit(std::function<Status()> job) {
  if (!threaded_) {
    if (failure_) return *failure_;
    Status done = job();
    if (!done) failure_ = done.error();
    return done;
  }
  std::unique_lock<std::mutex> lock(mutex_);
  changed_.wait(lock, [&] { return !busy_; });
  if (failure_) return *failure_;
  job_ = std::move(job);
  busy_ = true;
  changed_.notify_all();
  return ok_status();
}

Status BackgroundWriter::finish() {
  std::unique_lock<std::mutex> lock(mutex_);
  changed_.wait(lock, [&] { return !busy_; });
  if (failure_) return *failure_;
  return ok_status();
}

}  // namespace cs::indexer
