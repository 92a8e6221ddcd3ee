#pragma once
// A blocking queue of bounded size between one producer and several consumers: the producer
// waits when it is full, so a fast producer (a directory walk) never piles up work in memory.
#include <condition_variable>
#include <cstddef>
#include <deque>
#include <mutex>
#include <optional>

namespace readygate {

template <typename T>
class BoundedQueue {
 public:
  explicit BoundedQueue(std::size_t capacity) : m_capacity(capacity) {}

  // Waits while the queue is full; does nothing once the queue is closed.
  void push(T&& item) {
    std::unique_lock lock(m_mutex);
    m_not_full.wait(lock, [&] { return m_items.size() < m_capacity || m_closed; });
    if (m_closed) return;
    m_items.push_back(std::move(item));
    m_not_empty.notify_one();
  }

  // Waits for an item; nothing once the queue is closed and drained.
  std::optional<T> pop() {
    std::unique_lock lock(m_mutex);
    m_not_empty.wait(lock, [&] { return !m_items.empty() || m_closed; });
    if (m_items.empty()) return std::nullopt;
    T item = std::move(m_items.front());
    m_items.pop_front();
    m_not_full.notify_one();
    return item;
  }

  // No more items will come: consumers drain what is left, then stop.
  void close() {
    std::lock_guard lock(m_mutex);
    m_closed = true;
    m_not_empty.notify_all();
    m_not_full.notify_all();
  }

 private:
  std::size_t m_capacity;
  std::deque<T> m_items;
  bool m_closed = false;
  std::mutex m_mutex;
  std::condition_variable m_not_empty, m_not_full;
};

}  // namespace readygate
