// The smallest honest libcurl multi loop: the ceiling libcurl gives a load generator on this
// machine, so that scripts/bench_http.sh can tell libcurl's cost from ready-bench's own.
// Closed model: N connections over T threads, each thread one epoll and ceil(N/T/P) multi
// handles (at most P connections each), every completion starts the next request on the same
// easy handle, for a fixed time; prints the completions. Not part of the product build:
//   g++ -std=c++20 -O2 -pthread scripts/curl_min_loop.cpp -o curl_min_loop -lcurl
//   curl_min_loop URL CONNECTIONS THREADS SECONDS [PER_MULTI=50]
// It does what ready-bench does per request and no more: URL parsed once (CURLOPT_CURLU), no
// proxy lookup (NOPROXY "*"), no User-Agent, HTTP/1.1, body discarded, epoll as libcurl asks
// (ADD, MOD, DEL on CURL_POLL_REMOVE). No latency recording, no error classes.
#include <curl/curl.h>
#include <sys/epoll.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <thread>
#include <vector>

namespace {

using Clock = std::chrono::steady_clock;

struct Multi {
  CURLM* handle = nullptr;
  int epoll = -1;
  int index = 0;
  std::vector<int>* owner = nullptr;  // fd → the multi handle it belongs to, for the thread
  long timer_ms = -1;
  Clock::time_point timer_set;
};

std::size_t discard(char*, std::size_t size, std::size_t n, void*) { return size * n; }

int on_socket(CURL*, curl_socket_t fd, int what, void* user, void* known) {
  auto* multi = static_cast<Multi*>(user);
  if (what == CURL_POLL_REMOVE) {
    epoll_ctl(multi->epoll, EPOLL_CTL_DEL, fd, nullptr);
    return 0;
  }
  (void)known;
  epoll_event event{};
  event.events = (what & CURL_POLL_IN ? EPOLLIN : 0u) | (what & CURL_POLL_OUT ? EPOLLOUT : 0u);
  event.data.fd = fd;
  if (multi->owner->size() <= static_cast<std::size_t>(fd)) multi->owner->resize(static_cast<std::size_t>(fd) + 64);
  (*multi->owner)[static_cast<std::size_t>(fd)] = multi->index;
  if (epoll_ctl(multi->epoll, EPOLL_CTL_MOD, fd, &event) != 0) epoll_ctl(multi->epoll, EPOLL_CTL_ADD, fd, &event);
  return 0;
}

int on_timer(CURLM*, long timeout_ms, void* user) {
  auto* multi = static_cast<Multi*>(user);
  multi->timer_ms = timeout_ms;
  multi->timer_set = Clock::now();
  return 0;
}

std::uint64_t run_thread(CURLU* url, int connections, int per_multi, double seconds) {
  const int epoll = epoll_create1(EPOLL_CLOEXEC);
  const int multis = (connections + per_multi - 1) / per_multi;
  std::vector<Multi> multi(static_cast<std::size_t>(multis));
  std::vector<int> owner;
  for (auto& m : multi) {
    m.handle = curl_multi_init();
    m.epoll = epoll;
    m.index = static_cast<int>(&m - multi.data());
    m.owner = &owner;
    curl_multi_setopt(m.handle, CURLMOPT_SOCKETFUNCTION, on_socket);
    curl_multi_setopt(m.handle, CURLMOPT_SOCKETDATA, &m);
    curl_multi_setopt(m.handle, CURLMOPT_TIMERFUNCTION, on_timer);
    curl_multi_setopt(m.handle, CURLMOPT_TIMERDATA, &m);
  }
  std::vector<CURL*> easies;
  for (int i = 0; i < connections; ++i) {
    CURL* easy = curl_easy_init();
    curl_easy_setopt(easy, CURLOPT_CURLU, url);
    curl_easy_setopt(easy, CURLOPT_NOPROXY, "*");
    curl_easy_setopt(easy, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(easy, CURLOPT_HTTP_VERSION, static_cast<long>(CURL_HTTP_VERSION_1_1));
    curl_easy_setopt(easy, CURLOPT_WRITEFUNCTION, discard);
    curl_easy_setopt(easy, CURLOPT_PRIVATE, &multi[static_cast<std::size_t>(i % multis)]);
    curl_multi_add_handle(multi[static_cast<std::size_t>(i % multis)].handle, easy);
    easies.push_back(easy);
  }
  const auto find_owner = [&](int fd) -> Multi& {
    return multi[static_cast<std::size_t>(owner[static_cast<std::size_t>(fd)])];
  };
  std::uint64_t done = 0;
  const auto end = Clock::now() + std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(seconds));
  std::vector<epoll_event> events(256);
  int running = 0;
  for (auto& m : multi) curl_multi_socket_action(m.handle, CURL_SOCKET_TIMEOUT, 0, &running);
  while (Clock::now() < end) {
    int wait = 100;
    const auto now = Clock::now();
    for (auto& m : multi) {
      if (m.timer_ms < 0) continue;
      const auto left = m.timer_ms - std::chrono::duration_cast<std::chrono::milliseconds>(now - m.timer_set).count();
      wait = std::min<int>(wait, static_cast<int>(std::max<long>(0, left)));
    }
    const int n = epoll_wait(epoll, events.data(), static_cast<int>(events.size()), wait);
    for (int i = 0; i < n; ++i) {
      const int fd = events[static_cast<std::size_t>(i)].data.fd;
      int flags = 0;
      if (events[static_cast<std::size_t>(i)].events & EPOLLIN) flags |= CURL_CSELECT_IN;
      if (events[static_cast<std::size_t>(i)].events & EPOLLOUT) flags |= CURL_CSELECT_OUT;
      if (events[static_cast<std::size_t>(i)].events & (EPOLLERR | EPOLLHUP)) flags |= CURL_CSELECT_ERR;
      curl_multi_socket_action(find_owner(fd).handle, fd, flags, &running);
    }
    const auto after = Clock::now();
    for (auto& m : multi) {
      if (m.timer_ms >= 0 &&
          std::chrono::duration_cast<std::chrono::milliseconds>(after - m.timer_set).count() >= m.timer_ms) {
        m.timer_ms = -1;
        curl_multi_socket_action(m.handle, CURL_SOCKET_TIMEOUT, 0, &running);
      }
      int left = 0;
      while (CURLMsg* msg = curl_multi_info_read(m.handle, &left)) {
        if (msg->msg != CURLMSG_DONE) continue;
        CURL* easy = msg->easy_handle;
        if (msg->data.result == CURLE_OK) ++done;
        curl_multi_remove_handle(m.handle, easy);
        curl_multi_add_handle(m.handle, easy);
      }
    }
  }
  for (std::size_t i = 0; i < easies.size(); ++i) {
    curl_multi_remove_handle(multi[i % multi.size()].handle, easies[i]);
    curl_easy_cleanup(easies[i]);
  }
  for (auto& m : multi) curl_multi_cleanup(m.handle);
  close(epoll);
  return done;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 5) {
    std::fprintf(stderr, "usage: curl_min_loop URL CONNECTIONS THREADS SECONDS [PER_MULTI=50]\n");
    return 2;
  }
  curl_global_init(CURL_GLOBAL_DEFAULT);
  CURLU* url = curl_url();
  if (curl_url_set(url, CURLUPART_URL, argv[1], 0) != CURLUE_OK) {
    std::fprintf(stderr, "curl_min_loop: bad URL %s\n", argv[1]);
    return 2;
  }
  const int connections = std::atoi(argv[2]);
  const int threads = std::max(1, std::min(std::atoi(argv[3]), connections));
  const double seconds = std::atof(argv[4]);
  const int per_multi = argc > 5 ? std::max(1, std::atoi(argv[5])) : 50;
  std::atomic<std::uint64_t> total{0};
  const auto start = Clock::now();
  std::vector<std::thread> workers;
  for (int t = 0; t < threads; ++t) {
    const int mine = connections / threads + (t < connections % threads ? 1 : 0);
    workers.emplace_back([&, mine] { total += run_thread(url, mine, per_multi, seconds); });
  }
  for (auto& w : workers) w.join();
  const double elapsed = std::chrono::duration<double>(Clock::now() - start).count();
  std::printf("requests %llu seconds %.3f rps %.0f\n", static_cast<unsigned long long>(total.load()), elapsed,
              static_cast<double>(total.load()) / elapsed);
  curl_url_cleanup(url);
  curl_global_cleanup();
  return 0;
}
