#include "progress.hpp"

#include <chrono>
#include <iostream>

#include "error.hpp"
#include "log.hpp"

namespace readygate {

ProgressMode parse_progress_mode(const std::string& text) {
  if (text == "auto") return ProgressMode::automatic;
  if (text == "always") return ProgressMode::always;
  if (text == "never") return ProgressMode::never;
  throw_input_error("--progress: expected auto, always or never, got '" + text + "'");
}

Progress::Progress(ProgressMode mode, std::string label, std::size_t total)
    : m_label(std::move(label)),
      m_total(total),
      m_enabled(mode == ProgressMode::always || (mode == ProgressMode::automatic && stderr_is_terminal())) {
  if (!m_enabled) return;
  m_drawer = std::thread([this] {
    std::unique_lock lock(m_mutex);
    while (!m_wake.wait_for(lock, std::chrono::milliseconds(100), [this] { return m_stopped; })) {
      draw();
    }
  });
}

Progress::~Progress() { finish(); }

void Progress::finish() {
  {
    std::lock_guard lock(m_mutex);
    if (m_stopped) return;
    m_stopped = true;
  }
  m_wake.notify_all();
  if (m_drawer.joinable()) {
    m_drawer.join();
    std::cerr << "\r\033[K" << std::flush;
  }
}

void Progress::draw() const {
  std::cerr << "\r\033[K" << m_label << "  " << m_done.load(std::memory_order_relaxed);
  if (m_total > 0) {
    std::cerr << '/' << m_total;
  } else {
    std::cerr << " files";
  }
  std::cerr << std::flush;
}

}  // namespace readygate
