#include <doctest/doctest.h>

#include <iostream>
#include <sstream>

#include "common/error.hpp"
#include "common/log.hpp"
#include "common/progress.hpp"

using namespace readygate;

namespace {
// Captures what is written to std::cerr while it lives.
class CaptureStderr {
 public:
  CaptureStderr() : m_old(std::cerr.rdbuf(m_buffer.rdbuf())) {}
  ~CaptureStderr() { std::cerr.rdbuf(m_old); }
  std::string text() const { return m_buffer.str(); }

 private:
  std::ostringstream m_buffer;
  std::streambuf* m_old;
};
}  // namespace

TEST_CASE("messages carry the program name and respect -q and -v") {
  {
    CaptureStderr err;
    configure_log("ready-test", Verbosity::normal);
    log_warning("disk almost full");
    log_info("done");
    log_debug("details");
    CHECK(err.text() == "ready-test: warning: disk almost full\nready-test: done\n");
  }
  {
    CaptureStderr err;
    configure_log("ready-test", Verbosity::quiet);
    log_warning("hidden");
    log_error("shown");
    CHECK(err.text() == "ready-test: error: shown\n");
  }
  {
    CaptureStderr err;
    configure_log("ready-test", Verbosity::verbose);
    log_debug("details");
    CHECK(err.text() == "ready-test: debug: details\n");
  }
  configure_log("readygate", Verbosity::normal);
}

TEST_CASE("no colour codes when stderr is not a terminal") {
  CHECK_FALSE(colour_enabled());  // the test runner's stderr is a pipe or a file
}

TEST_CASE("progress draws only when asked or on a terminal, and clears its line") {
  CHECK(parse_progress_mode("auto") == ProgressMode::automatic);
  CHECK_THROWS_AS(parse_progress_mode("yes"), Error);
  {
    CaptureStderr err;
    Progress quiet(ProgressMode::never, "scanning", 10);
    quiet.advance(5);
    quiet.finish();
    Progress automatic(ProgressMode::automatic, "scanning", 10);  // stderr is no terminal here
    automatic.finish();
    CHECK(err.text().empty());
  }
  {
    CaptureStderr err;
    Progress drawn(ProgressMode::always, "scanning", 10);
    drawn.advance(3);
    drawn.finish();
    drawn.finish();  // idempotent
    CHECK(err.text().size() >= 4);
    CHECK(err.text().substr(err.text().size() - 4) == "\r\033[K");
  }
}
