#pragma once
// A one-line progress display on stderr, redrawn by its own thread at most ten times a second.
// Workers only bump an atomic counter, so the display costs the hot loop nothing.
#include <atomic>
#include <condition_variable>
#include <cstddef>
#include <mutex>
#include <string>
#include <thread>

namespace readygate {

enum class ProgressMode { automatic, always, never };

// "auto" (draw only when stderr is a terminal), "always", "never"; throws Error otherwise.
ProgressMode parse_progress_mode(const std::string& text);

class Progress {
 public:
  // Draws "label  done/total" (or "label  done files" when total is 0, unknown) until finish()
  // or destruction; draws nothing when disabled.
  Progress(ProgressMode mode, std::string label, std::size_t total);
  ~Progress();
  Progress(const Progress&) = delete;
  Progress& operator=(const Progress&) = delete;

  void advance(std::size_t count = 1) { m_done.fetch_add(count, std::memory_order_relaxed); }
  void finish();  // stops drawing and clears the line

 private:
  void draw() const;

  std::string m_label;
  std::size_t m_total;
  std::atomic<std::size_t> m_done{0};
  bool m_enabled;
  bool m_stopped = false;
  std::mutex m_mutex;
  std::condition_variable m_wake;
  std::thread m_drawer;
};

}  // namespace readygate
