// The writing half of a batch: the DbWriter's jobs (removals, replacements, file states,
// commit) run one at a time, in order, on a thread of their own while the next batch is read
// and analysed (analyse/article_analysis.hpp). Xapian takes most of the time of a run; this
// lets the rest run beside it.
#pragma once

#include <condition_variable>
#include <functional>
#include <mutex>
#include <optional>
#include <thread>

#include "common/error.hpp"

namespace cs::indexer {

// Runs write jobs one at a time, in order, on a thread of its own (or at once, in the
// caller's thread, when not `threaded`).
class BackgroundWriter {
 public:
  explicit BackgroundWriter(bool threaded);
  ~BackgroundWriter();
  BackgroundWriter(const BackgroundWriter&) = delete;
  BackgroundWriter& operator=(const BackgroundWriter&) = delete;

  // Waits until the job before is done, then starts `job`. Fails, without starting it, when
  // a job before failed: the run then stops with that error.
  Status submit(std::function<Status()> job);
  // Waits for the last job; its failure, or an earlier one's.
  Status finish();

 private:
  void loop();

  bool threaded_;
  std::mutex mutex_;
  std::condition_variable changed_;
  std::function<Status()> job_;  // the job waiting to run, if any
  bool busy_ = false;            // a job is waiting or running
  bool stopping_ = false;
  std::optional<Error> failure_;
  std::thread thread_;
};

}  // namespace cs::indexer
