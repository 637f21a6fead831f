#include "browser/chromium_driver.hpp"

#include <fcntl.h>
#include <openssl/evp.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cstring>
#include <stdexcept>

extern char** environ;

namespace cs::test {

namespace {

using Clock = std::chrono::steady_clock;

// A pipe whose ends sit at fd 10 or above, close-on-exec: so that dup2 onto the child's fd 3
// and 4 never finds an end already there (a dup2 onto itself would keep close-on-exec).
std::array<int, 2> high_pipe() {
  int ends[2];
  if (::pipe(ends) != 0) throw std::runtime_error("pipe failed");
  const std::array<int, 2> high = {::fcntl(ends[0], F_DUPFD_CLOEXEC, 10), ::fcntl(ends[1], F_DUPFD_CLOEXEC, 10)};
  ::close(ends[0]);
  ::close(ends[1]);
  return high;
}

// This process's environment with HOME and the XDG folders in `home`: Chromium keeps its
// crash reports and caches under them, which must not outlive the test or touch the user's.
std::vector<std::string> environment_at_home(const std::filesystem::path& home) {
  std::vector<std::string> entries;
  for (char** entry = environ; *entry != nullptr; ++entry) {
    const std::string_view name = std::string_view(*entry).substr(0, std::string_view(*entry).find('='));
    if (name != "HOME" && name != "XDG_CONFIG_HOME" && name != "XDG_CACHE_HOME") entries.emplace_back(*entry);
  }
  entries.push_back("HOME=" + home.string());
  entries.push_back("XDG_CONFIG_HOME=" + (home / ".config").string());
  entries.push_back("XDG_CACHE_HOME=" + (home / ".cache").string());
  return entries;
}

std::vector<char*> pointers_to(std::vector<std::string>& strings) {
  std::vector<char*> pointers;
  for (std::string& s : strings) pointers.push_back(s.data());
  pointers.push_back(nullptr);
  return pointers;
}

// `text` as a JavaScript string literal (JSON's is one).
std::string js_string(const std::string& text) { return nlohmann::json(text).dump(); }

int milliseconds_until(Clock::time_point until) {
  const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(until - Clock::now()).count();
  return static_cast<int>(std::max<long long>(left, 0));
}

}  // namespace

ChromiumDriver::ChromiumDriver(std::chrono::milliseconds deadline) : deadline_(deadline) {
  // Chromium may go away while a command is written; that must be an error, not a signal.
  ::signal(SIGPIPE, SIG_IGN);
  const std::array<int, 2> commands = high_pipe();  // we write [1], Chromium reads [0] as fd 3
  const std::array<int, 2> replies = high_pipe();   // Chromium writes [1] as fd 4, we read [0]
  to_browser_ = commands[1];
  from_browser_ = replies[0];

  const std::string log = (scratch_ / "chromium.log").string();
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
  posix_spawn_file_actions_addopen(&actions, 1, log.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
  posix_spawn_file_actions_adddup2(&actions, 1, 2);
  posix_spawn_file_actions_adddup2(&actions, commands[0], 3);
  posix_spawn_file_actions_adddup2(&actions, replies[1], 4);
  // A process group of its own, so that a browser that will not close can be killed whole
  // (renderers included) without touching anything else.
  posix_spawnattr_t attributes;
  posix_spawnattr_init(&attributes);
  posix_spawnattr_setflags(&attributes, POSIX_SPAWN_SETPGROUP);
  posix_spawnattr_setpgroup(&attributes, 0);
  std::vector<std::string> args = {
      "chromium", "--headless=new", "--no-sandbox", "--disable-gpu", "--remote-debugging-pipe",
      "--user-data-dir=" + (scratch_ / "user-data").string(), "--window-size=1200,900",
      // Containers often give /dev/shm only 64 MB, which a renderer can exhaust.
      "--disable-dev-shm-usage",
      // Nothing the test did not ask for: no first-run page, no network of its own; and
      // screenshots without scroll bars.
      "--no-first-run", "--no-default-browser-check", "--disable-extensions", "--disable-sync",
      "--disable-background-networking", "--disable-component-update", "--hide-scrollbars", "about:blank"};
  std::vector<std::string> environment = environment_at_home(scratch_ / "home");
  const int spawned = posix_spawnp(&pid_, "chromium", &actions, &attributes, pointers_to(args).data(),
                                   pointers_to(environment).data());
  posix_spawn_file_actions_destroy(&actions);
  posix_spawnattr_destroy(&attributes);
  ::close(commands[0]);
  ::close(replies[1]);
  if (spawned != 0) {
    pid_ = -1;
    ::close(to_browser_);
    ::close(from_browser_);
    throw std::runtime_error("cannot start chromium (Debian package chromium): " + std::string(strerror(spawned)));
  }

  try {
    // The first answer says the browser is up; the page target is announced by the event
    // discovery sends for every target, whether it existed already or comes later.
    const std::size_t from = events_.size();
    command("Target.setDiscoverTargets", {{"discover", true}}, true);
    const std::size_t created = wait_for_event(
        from,
        [](const nlohmann::json& e) {
          return e["method"] == "Target.targetCreated" && e["params"]["targetInfo"]["type"] == "page";
        },
        "the page target");
    const std::string target = events_[created]["params"]["targetInfo"]["targetId"];
    session_ = command("Target.attachToTarget", {{"targetId", target}, {"flatten", true}}, true)["sessionId"];
    command("Page.enable");
    command("Page.setLifecycleEventsEnabled", {{"enabled", true}});
  } catch (...) {
    shut_down();
    throw;
  }
}

ChromiumDriver::~ChromiumDriver() { shut_down(); }

void ChromiumDriver::shut_down() {
  if (pid_ <= 0) return;
  // Browser.close answers, then the browser exits and its end of the pipe closes (EOF).
  try {
    send("Browser.close", nlohmann::json::object(), true);
    const Clock::time_point until = Clock::now() + deadline_;
    for (char buffer[4096];;) {
      pollfd ready{from_browser_, POLLIN, 0};
      if (::poll(&ready, 1, milliseconds_until(until)) <= 0) break;
      if (::read(from_browser_, buffer, sizeof buffer) <= 0) break;
    }
  } catch (const std::exception&) {
    // Writing failed: the browser is gone already; reap it below.
  }
  ::close(to_browser_);
  ::close(from_browser_);
  // Wait on a pidfd, bounded; a browser still there is killed with its group. The leader is
  // not reaped before the kill, so its group id cannot have been reused by then.
  // (Through syscall(): glibc 2.36's <sys/pidfd.h> lacks extern "C" for C++.)
  const int pidfd = static_cast<int>(::syscall(SYS_pidfd_open, pid_, 0));
  if (pidfd >= 0) {
    pollfd exited{pidfd, POLLIN, 0};
    ::poll(&exited, 1, milliseconds_until(Clock::now() + deadline_));
    ::close(pidfd);
  }
  ::kill(-pid_, SIGKILL);  // what is left of the group: a renderer outliving the browser
  wait_for(pid_);
  pid_ = -1;
}

int ChromiumDriver::send(const std::string& method, const nlohmann::json& params, bool to_browser) {
  nlohmann::json message = {{"id", next_id_++}, {"method", method}, {"params", params}};
  if (!to_browser) message["sessionId"] = session_;
  write_all(to_browser_, message.dump() + '\0');
  return message["id"];
}

nlohmann::json ChromiumDriver::command(const std::string& method, const nlohmann::json& params, bool to_browser) {
  const int id = send(method, params, to_browser);
  const Clock::time_point until = Clock::now() + deadline_;
  for (;;) {
    const auto answer = answers_.find(id);
    if (answer != answers_.end()) {
      const nlohmann::json reply = std::move(answer->second);
      answers_.erase(answer);
      if (reply.contains("error")) throw std::runtime_error(method + " failed: " + reply["error"].dump());
      return reply.value("result", nlohmann::json::object());
    }
    read_message(until, "the answer to " + method);
  }
}

void ChromiumDriver::read_message(Clock::time_point until, const std::string& what) {
  std::size_t end = unread_.find('\0');
  while (end == std::string::npos) {
    pollfd ready{from_browser_, POLLIN, 0};
    const int polled = ::poll(&ready, 1, milliseconds_until(until));
    if (polled < 0 && errno == EINTR) continue;
    if (polled == 0) throw std::runtime_error("timed out waiting for " + what + log_tail());
    char buffer[65536];
    const ssize_t got = ::read(from_browser_, buffer, sizeof buffer);
    if (got < 0 && errno == EINTR) continue;
    if (got <= 0) throw std::runtime_error("chromium closed its pipe while waiting for " + what + log_tail());
    unread_.append(buffer, static_cast<std::size_t>(got));
    end = unread_.find('\0');
  }
  nlohmann::json message = nlohmann::json::parse(unread_.substr(0, end));
  unread_.erase(0, end + 1);
  if (message.contains("id")) {
    const int id = message["id"];
    answers_[id] = std::move(message);
    return;
  }
  // A dialog blocks the page's script until it is handled: dismiss it so the test goes on,
  // and keep its text so the test can say that it opened.
  if (message["method"] == "Page.javascriptDialogOpening") {
    dialogs_.push_back(message["params"].value("message", ""));
    send("Page.handleJavaScriptDialog", {{"accept", false}}, false);
  }
  events_.push_back(std::move(message));
}

std::size_t ChromiumDriver::wait_for_event(std::size_t from, const std::function<bool(const nlohmann::json&)>& wanted,
                                           const std::string& what) {
  const Clock::time_point until = Clock::now() + deadline_;
  for (std::size_t i = from;; ++i) {
    while (i >= events_.size()) read_message(until, what);
    if (wanted(events_[i])) return i;
  }
}

void ChromiumDriver::wait_for_load(std::size_t from, const std::string& loader, const std::string& what) {
  wait_for_event(
      from,
      [&](const nlohmann::json& e) {
        return e["method"] == "Page.lifecycleEvent" && e["params"]["name"] == "load" &&
               e["params"]["loaderId"] == loader;
      },
      "the load of " + what);
}

void ChromiumDriver::navigate(const std::string& url) {
  const std::size_t from = events_.size();
  const nlohmann::json navigated = command("Page.navigate", {{"url", url}});
  if (navigated.contains("errorText")) throw std::runtime_error("cannot load " + url + ": " + navigated.dump());
  wait_for_load(from, navigated.value("loaderId", ""), url);
}

nlohmann::json ChromiumDriver::evaluate(const std::string& js) {
  const nlohmann::json evaluated =
      command("Runtime.evaluate", {{"expression", js}, {"returnByValue", true}, {"awaitPromise", true}});
  if (evaluated.contains("exceptionDetails")) {
    const nlohmann::json& details = evaluated["exceptionDetails"];
    const std::string thrown = details.contains("exception") ? details["exception"].value("description", "")
                                                             : details.value("text", "");
    throw std::runtime_error("JavaScript threw: " + thrown + "\n  in: " + js);
  }
  return evaluated["result"].value("value", nlohmann::json());
}

void ChromiumDriver::click(const std::string& selector) {
  // The centre of the element, scrolled into view, must be the element (or inside it) for
  // a user's click to reach it: a hidden or covered link fails here, not with a timeout.
  const nlohmann::json point = evaluate(
      "(() => { const element = document.querySelector(" + js_string(selector) + ");"
      "  if (!element) return {error: 'no element matches'};"
      "  element.scrollIntoView({block: 'center', inline: 'center'});"
      "  const box = element.getBoundingClientRect();"
      "  if (box.width <= 0 || box.height <= 0) return {error: 'the element has no size'};"
      "  const x = box.left + box.width / 2, y = box.top + box.height / 2;"
      "  const hit = document.elementFromPoint(x, y);"
      "  if (!hit || !element.contains(hit))"
      "    return {error: 'its centre is covered by ' + (hit ? hit.outerHTML.slice(0, 200) : 'nothing')};"
      "  return {x, y}; })()");
  if (point.contains("error")) throw std::runtime_error("cannot click '" + selector + "': " + point["error"].dump());
  const std::size_t from = events_.size();
  nlohmann::json mouse = {{"x", point["x"]}, {"y", point["y"]}, {"button", "left"}, {"clickCount", 1}};
  for (const char* type : {"mouseMoved", "mousePressed", "mouseReleased"}) {
    mouse["type"] = type;
    command("Input.dispatchMouseEvent", mouse);
  }
  // The main frame's next committed navigation names the loader whose load ends the click.
  const std::size_t navigated = wait_for_event(
      from,
      [&](const nlohmann::json& e) {
        return e["method"] == "Page.frameNavigated" && !e["params"]["frame"].contains("parentId");
      },
      "the navigation clicking '" + selector + "' starts");
  wait_for_load(from, events_[navigated]["params"]["frame"]["loaderId"], "the page '" + selector + "' leads to");
}

void ChromiumDriver::type(const std::string& selector, const std::string& text) {
  const nlohmann::json focused = evaluate("(() => { const element = document.querySelector(" + js_string(selector) +
                                         ");"
                                         "  if (!element) return false;"
                                         "  element.focus(); if (element.select) element.select();"
                                         "  return document.activeElement === element; })()");
  if (focused != true) throw std::runtime_error("cannot focus '" + selector + "'");
  command("Input.insertText", {{"text", text}});
}

void ChromiumDriver::screenshot(const std::filesystem::path& path) {
  const nlohmann::json size = command("Page.getLayoutMetrics")["cssContentSize"];
  const nlohmann::json clip = {{"x", 0}, {"y", 0}, {"width", size["width"]}, {"height", size["height"]}, {"scale", 1}};
  const nlohmann::json shot =
      command("Page.captureScreenshot", {{"format", "png"}, {"captureBeyondViewport", true}, {"clip", clip}});
  write_file(path, decode_base64(shot["data"]));
}

std::string ChromiumDriver::current_url() { return evaluate("location.href"); }

std::string ChromiumDriver::log_tail() const {
  const std::string log = read_file(scratch_ / "chromium.log");
  return "\n  chromium's last output:\n" + log.substr(log.size() > 2000 ? log.size() - 2000 : 0);
}

std::string decode_base64(const std::string& encoded) {
  // OpenSSL's decoder (cpp-httplib already links OpenSSL); it writes whole 3-byte groups,
  // so the padding's bytes are taken off after.
  std::string decoded(encoded.size() / 4 * 3, '\0');
  const int length = EVP_DecodeBlock(reinterpret_cast<unsigned char*>(decoded.data()),
                                     reinterpret_cast<const unsigned char*>(encoded.data()), static_cast<int>(encoded.size()));
  if (length < 0 || encoded.size() % 4 != 0) throw std::runtime_error("not base64");
  const std::size_t padding = encoded.ends_with("==") ? 2 : encoded.ends_with('=') ? 1 : 0;
  decoded.resize(static_cast<std::size_t>(length) - padding);
  return decoded;
}

}  // namespace cs::test
