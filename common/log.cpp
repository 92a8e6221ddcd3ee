#include "log.hpp"

#include <unistd.h>

#include <cstdlib>
#include <iostream>
#include <mutex>

namespace readygate {
namespace {

struct LogState {
  std::string program = "readygate";
  Verbosity verbosity = Verbosity::normal;
  std::mutex mutex;
};

LogState& state() {
  static LogState instance;
  return instance;
}

void emit(const char* level, const char* colour, const std::string& message) {
  auto& s = state();
  std::lock_guard lock(s.mutex);
  std::cerr << s.program << ": ";
  if (colour_enabled()) {
    std::cerr << colour << level << "\033[0m";
  } else {
    std::cerr << level;
  }
  std::cerr << message << '\n';
}

}  // namespace

void configure_log(const std::string& program, Verbosity verbosity) {
  state().program = program;
  state().verbosity = verbosity;
}

void log_error(const std::string& message) { emit("error: ", "\033[1;31m", message); }

void log_reason(const std::string& message) {
  std::string text = message;
  while (!text.empty() && text.back() == '\n') text.pop_back();
  emit("", "", text);
}

void log_warning(const std::string& message) {
  if (state().verbosity != Verbosity::quiet) emit("warning: ", "\033[1;33m", message);
}

void log_info(const std::string& message) {
  if (state().verbosity != Verbosity::quiet) emit("", "", message);
}

void log_debug(const std::string& message) {
  if (state().verbosity == Verbosity::verbose) emit("debug: ", "\033[2m", message);
}

bool stderr_is_terminal() { return isatty(STDERR_FILENO) == 1; }

bool colour_enabled() {
  const char* no_colour = std::getenv("NO_COLOR");
  return stderr_is_terminal() && (no_colour == nullptr || *no_colour == '\0');
}

}  // namespace readygate
