#include "common/bounded_queue.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <thread>
#include <vector>

using namespace readygate;

TEST_CASE("a bounded queue hands every item to some consumer exactly once, then ends") {
  BoundedQueue<int> queue(4);
  std::vector<int> seen_a, seen_b;
  std::thread a([&] {
    while (auto v = queue.pop()) seen_a.push_back(*v);
  });
  std::thread b([&] {
    while (auto v = queue.pop()) seen_b.push_back(*v);
  });
  for (int i = 0; i < 1000; ++i) queue.push(int{i});  // blocks whenever 4 are waiting
  queue.close();
  a.join();
  b.join();
  std::vector<int> all = seen_a;
  all.insert(all.end(), seen_b.begin(), seen_b.end());
  std::sort(all.begin(), all.end());
  REQUIRE(all.size() == 1000);
  for (int i = 0; i < 1000; ++i) CHECK(all[static_cast<std::size_t>(i)] == i);
}

TEST_CASE("closing releases a blocked producer and drains what is left") {
  BoundedQueue<int> queue(1);
  queue.push(1);
  std::thread producer([&] { queue.push(2); });  // blocks: the queue is full
  queue.close();
  producer.join();
  CHECK(queue.pop() == 1);
  CHECK_FALSE(queue.pop());
}
