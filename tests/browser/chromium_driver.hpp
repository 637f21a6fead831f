// A headless Chromium driven over the DevTools protocol on a pipe (--remote-debugging-pipe):
// the browser reads commands on its fd 3 and writes answers and events on its fd 4, one JSON
// message each, ended by a '\0'. No websocket, no port, nothing to race for.
//
// Every wait is on a message from the browser (an answer, a load event), bounded by a
// deadline so that a page that never loads fails the test instead of hanging it.
#pragma once

#include <sys/types.h>

#include <chrono>
#include <cstddef>
#include <filesystem>
#include <functional>
#include <map>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "support/test_support.hpp"

namespace cs::test {

class ChromiumDriver {
 public:
  // Starts `chromium` from PATH on about:blank and attaches to its page. `deadline` bounds
  // each wait for the browser (starting, a command's answer, a page's load).
  explicit ChromiumDriver(std::chrono::milliseconds deadline = std::chrono::seconds(30));
  // Browser.close, then waits for the process; kills its process group if it does not end.
  ~ChromiumDriver();
  ChromiumDriver(const ChromiumDriver&) = delete;
  ChromiumDriver& operator=(const ChromiumDriver&) = delete;

  // Loads `url` and returns once its load event has fired.
  void navigate(const std::string& url);
  // The value of the JavaScript expression `js` (awaited if it is a promise), as JSON;
  // throws with the exception's text when it throws.
  nlohmann::json evaluate(const std::string& js);
  // Clicks the first element matching `selector` with the mouse at its centre, as a user
  // would, and returns once the navigation the click starts has loaded. Throws when nothing
  // matches, the element has no size, something else covers its centre, or no page loads.
  void click(const std::string& selector);
  // Focuses the first element matching `selector`, selects what it holds and types `text`.
  void type(const std::string& selector, const std::string& text);
  // The whole page (not only the viewport) as a PNG at `path`.
  void screenshot(const std::filesystem::path& path);
  std::string current_url();
  // The messages of every JavaScript dialog (alert, confirm, prompt) the page opened; each
  // was dismissed so the page went on.
  const std::vector<std::string>& dialogs_opened() const { return dialogs_; }

 private:
  // Sends `method` with `params` (to the page unless `to_browser`) and returns its "result";
  // throws on an error answer.
  nlohmann::json command(const std::string& method, const nlohmann::json& params = nlohmann::json::object(),
                         bool to_browser = false);
  // Sends without waiting for the answer; returns the command's id.
  int send(const std::string& method, const nlohmann::json& params, bool to_browser);
  // Reads messages until one satisfies `wanted`, looking first at those already read from
  // index `from` of events_; returns its index in events_ (answers are never kept there).
  std::size_t wait_for_event(std::size_t from, const std::function<bool(const nlohmann::json&)>& wanted,
                             const std::string& what);
  // Reads one message (blocking until the deadline), files it: an answer to answers_, an
  // event to events_ (a dialog is dismissed on the spot).
  // `what` names the wait in the timeout's message.
  void read_message(std::chrono::steady_clock::time_point until, const std::string& what);
  // Waits for the lifecycle event "load" of the document `loader` loads, from events_[from].
  void wait_for_load(std::size_t from, const std::string& loader, const std::string& what);
  // Closes the browser and reaps it (the destructor's work, also a failed start's).
  void shut_down();
  // The last lines Chromium wrote to its standard error, for a failure's message.
  std::string log_tail() const;

  std::chrono::milliseconds deadline_;
  TempDir scratch_;  // user-data/ (--user-data-dir), home/ (HOME) and chromium.log
  pid_t pid_ = -1;
  int to_browser_ = -1;    // our end of the browser's fd 3
  int from_browser_ = -1;  // our end of the browser's fd 4
  std::string unread_;     // bytes read past the last '\0'
  int next_id_ = 1;
  std::string session_;    // the page's sessionId
  std::vector<nlohmann::json> events_;
  std::map<int, nlohmann::json> answers_;  // by command id, until command() takes them
  std::vector<std::string> dialogs_;
};

// `encoded` (standard base64, '=' padded) decoded.
std::string decode_base64(const std::string& encoded);

}  // namespace cs::test
