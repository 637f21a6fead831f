#include "common/threads.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <xapian.h>

#include <atomic>
#include <filesystem>
#include <new>
#include <stdexcept>

#include "common/exception_error.hpp"

namespace cs {
namespace {

using ::testing::HasSubstr;

TEST(RunOnThreads, EveryCallRunsAndTheWorkIsShared) {
  std::atomic<int> calls{0};
  std::atomic<int> items{0};
  std::atomic<int> next{0};
  const Status ran = run_on_threads(4, [&](unsigned) {
    ++calls;
    while (next++ < 1000) ++items;
  });
  ASSERT_TRUE(ran.ok());
  EXPECT_EQ(calls.load(), 4);
  EXPECT_EQ(items.load(), 1000);
}

TEST(RunOnThreads, WhatAThreadThrowsComesBackAsAnError) {
  const Status ran = run_on_threads(3, [](unsigned t) {
    if (t == 2) throw std::runtime_error("ICU break iterator unavailable: U_MISSING_RESOURCE_ERROR");
  });
  ASSERT_FALSE(ran.ok());
  EXPECT_THAT(ran.error().reason, HasSubstr("U_MISSING_RESOURCE_ERROR"));
}

TEST(RunOnThreads, TheCallersShareFailsAlikeAndTheFirstErrorWins) {
  const Status ran = run_on_threads(2, [](unsigned t) { throw std::runtime_error("call " + std::to_string(t)); });
  ASSERT_FALSE(ran.ok());
  EXPECT_EQ(ran.error().reason, "call 0");
}

Error error_of(const std::function<void()>& thrower) {
  try {
    thrower();
  } catch (...) {
    return current_exception_error();
  }
  return Error{};
}

TEST(CurrentExceptionError, EachKindHasItsReason) {
  const Error xapian = error_of([] { throw Xapian::DatabaseCorruptError("bad block"); });
  EXPECT_EQ(xapian.kind, ErrorKind::kDatabase);
  EXPECT_THAT(xapian.reason, HasSubstr("DatabaseCorruptError: bad block"));
  EXPECT_EQ(error_of([] { throw std::bad_alloc(); }).reason, "out of memory");
  const Error filesystem = error_of([] {
    throw std::filesystem::filesystem_error("cannot copy", "/data/x", std::make_error_code(std::errc::permission_denied));
  });
  EXPECT_EQ(filesystem.path, "/data/x");
  EXPECT_THAT(filesystem.reason, HasSubstr("Permission denied"));
  EXPECT_EQ(error_of([] { throw 42; }).reason, "unexpected internal error");
  EXPECT_FALSE(error_of([] { throw std::logic_error("x"); }).hint.empty());
}

}  // namespace
}  // namespace cs
