#include "load_loop.hpp"

#include <sys/epoll.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <cmath>
#include <cstring>
#include <deque>
#include <vector>

#include "common/curl.hpp"
#include "common/error.hpp"

namespace readygate::bench {
namespace {

using std::chrono::duration;
using Ms = duration<double, std::milli>;

// A timetable entry waiting to be sent; `waited` once it found every slot busy.
struct Due {
  Clock::time_point intended;
  bool waited = false;
};

struct Slot {
  CurlEasy easy = make_curl_easy();
  CurlHeaders headers;
  std::size_t endpoint = 0;
  bool configured = false;  // the options are set for `endpoint` already
  Clock::time_point intended, sent;
  bool measured = false;
  bool waited = false;
  bool busy = false;
};

std::size_t discard_body(char*, std::size_t size, std::size_t count, void*) { return size * count; }

class FileDescriptor {
 public:
  explicit FileDescriptor(int fd) : m_fd(fd) {}
  ~FileDescriptor() {
    if (m_fd >= 0) ::close(m_fd);
  }
  FileDescriptor(const FileDescriptor&) = delete;
  FileDescriptor& operator=(const FileDescriptor&) = delete;
  int get() const { return m_fd; }

 private:
  int m_fd;
};

class Loop {
 public:
  Loop(const Scenario& scenario, const ShareOfPhase& share, Recording& recording, LiveCounters& live)
      : m_scenario(scenario),
        m_share(share),
        m_phase(scenario.phases[share.phase_index]),
        m_recording(recording),
        m_live(live),
        m_multi(make_curl_multi()),
        m_epoll(epoll_create1(EPOLL_CLOEXEC)) {
    if (m_epoll.get() < 0) throw_runtime_error(std::string("epoll_create1: ") + std::strerror(errno));
    curl_multi_setopt(m_multi.get(), CURLMOPT_SOCKETFUNCTION, &Loop::on_socket);
    curl_multi_setopt(m_multi.get(), CURLMOPT_SOCKETDATA, this);
    curl_multi_setopt(m_multi.get(), CURLMOPT_TIMERFUNCTION, &Loop::on_timer);
    curl_multi_setopt(m_multi.get(), CURLMOPT_TIMERDATA, this);
    curl_multi_setopt(m_multi.get(), CURLMOPT_MAXCONNECTS, static_cast<long>(share.slots));
    if (scenario.http2) curl_multi_setopt(m_multi.get(), CURLMOPT_PIPELINING, CURLPIPE_MULTIPLEX);
    m_slots.resize(share.slots);
    for (std::size_t i = m_slots.size(); i-- > 0;) m_free.push_back(i);
    m_next_intended = share.start + to_clock(share.first_offset);
  }

  ~Loop() {
    for (auto& slot : m_slots) {
      if (slot.busy) curl_multi_remove_handle(m_multi.get(), slot.easy.get());
    }
  }

  void run(const std::atomic<bool>& stop) {
    std::array<epoll_event, 64> events{};
    while (!stop.load(std::memory_order_relaxed)) {
      launch(Clock::now());
      if (m_in_flight == 0 && !more_to_send(Clock::now())) break;
      const int n = epoll_wait(m_epoll.get(), events.data(), static_cast<int>(events.size()), wait_ms());
      if (n < 0 && errno != EINTR) throw_runtime_error(std::string("epoll_wait: ") + std::strerror(errno));
      int running = 0;
      for (int i = 0; i < n; ++i) {
        int flags = 0;
        if (events[static_cast<std::size_t>(i)].events & EPOLLIN) flags |= CURL_CSELECT_IN;
        if (events[static_cast<std::size_t>(i)].events & EPOLLOUT) flags |= CURL_CSELECT_OUT;
        if (events[static_cast<std::size_t>(i)].events & (EPOLLERR | EPOLLHUP)) flags |= CURL_CSELECT_ERR;
        curl_multi_socket_action(m_multi.get(), events[static_cast<std::size_t>(i)].data.fd, flags, &running);
      }
      if (m_curl_deadline && Clock::now() >= *m_curl_deadline) {
        m_curl_deadline.reset();
        curl_multi_socket_action(m_multi.get(), CURL_SOCKET_TIMEOUT, 0, &running);
      }
      collect(Clock::now());
    }
  }

 private:
  static Clock::duration to_clock(double seconds) {
    return std::chrono::duration_cast<Clock::duration>(duration<double>(seconds));
  }

  bool open_model() const { return m_share.rate > 0; }

  // Whether a request intended at `when` may still be sent, and whether it will be measured.
  bool may_send(Clock::time_point when) const {
    if (m_share.deadline && when >= *m_share.deadline) return false;
    if (m_share.quota && when >= m_share.measure_from && m_sent_measured >= *m_share.quota) return false;
    return true;
  }

  bool more_to_send(Clock::time_point now) const {
    return may_send(open_model() ? m_next_intended : now) || !m_due.empty();
  }

  void launch(Clock::time_point now) {
    if (open_model()) {
      // Every due slot of the timetable is taken now, or queued for the first free slot.
      while (m_next_intended <= now && may_send(m_next_intended)) {
        m_due.push_back({m_next_intended});
        if (m_next_intended >= m_share.measure_from && m_share.quota) ++m_sent_measured;
        ++m_scheduled;
        m_next_intended =
            m_share.start + to_clock(m_share.first_offset + static_cast<double>(m_scheduled) / m_share.rate);
      }
      while (!m_due.empty() && m_in_flight < m_slots.size()) {
        start(m_due.front().intended, now, m_due.front().waited);
        m_due.pop_front();
      }
      for (Due& due : m_due) due.waited = true;  // every slot is busy: these are late
      return;
    }
    while (m_in_flight < m_slots.size() && may_send(now)) {
      if (now >= m_share.measure_from && m_share.quota) ++m_sent_measured;
      start(now, now, false);
    }
  }

  void start(Clock::time_point intended, Clock::time_point now, bool waited) {
    Slot& slot = m_slots[m_free.back()];
    m_free.pop_back();
    const std::size_t endpoint_index = m_phase.endpoints[m_round_robin++ % m_phase.endpoints.size()];
    // Setting a handle up costs more than a small request: do it only when the endpoint changes.
    if (!slot.configured || slot.endpoint != endpoint_index) configure(slot, endpoint_index);
    slot.intended = intended;
    slot.sent = now;
    slot.measured = intended >= m_share.measure_from;
    slot.waited = waited;
    slot.busy = true;
    ++m_in_flight;
    if (curl_multi_add_handle(m_multi.get(), slot.easy.get()) != CURLM_OK)
      throw_runtime_error("libcurl refused a transfer");
  }

  void configure(Slot& slot, std::size_t endpoint_index) {
    const Endpoint& endpoint = m_scenario.endpoints[endpoint_index];
    CURL* easy = slot.easy.get();
    curl_easy_reset(easy);
    curl_easy_setopt(easy, CURLOPT_URL, endpoint.url.c_str());
    limit_to_http(easy);
    curl_easy_setopt(easy, CURLOPT_PRIVATE, &slot);
    curl_easy_setopt(easy, CURLOPT_WRITEFUNCTION, &discard_body);
    curl_easy_setopt(easy, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(easy, CURLOPT_TIMEOUT_MS, static_cast<long>(m_scenario.timeout.count()));
    curl_easy_setopt(easy, CURLOPT_DNS_CACHE_TIMEOUT, -1L);  // resolve once per run
    curl_easy_setopt(easy, CURLOPT_USERAGENT, "ready-bench");
    curl_easy_setopt(easy, CURLOPT_PROXY, "");  // straight to the server: no proxy from the environment
    // HTTP/1.1 unless asked: libcurl would otherwise pick HTTP/2 over TLS on its own.
    curl_easy_setopt(easy, CURLOPT_HTTP_VERSION,
                     static_cast<long>(m_scenario.http2 ? CURL_HTTP_VERSION_2_0 : CURL_HTTP_VERSION_1_1));
    if (m_scenario.insecure) {
      curl_easy_setopt(easy, CURLOPT_SSL_VERIFYPEER, 0L);
      curl_easy_setopt(easy, CURLOPT_SSL_VERIFYHOST, 0L);
    }
    if (endpoint.method == "HEAD") {
      curl_easy_setopt(easy, CURLOPT_NOBODY, 1L);
    } else if (endpoint.method != "GET" || !endpoint.body.empty()) {
      curl_easy_setopt(easy, CURLOPT_CUSTOMREQUEST, endpoint.method.c_str());
    }
    if (!endpoint.body.empty()) {
      curl_easy_setopt(easy, CURLOPT_POSTFIELDS, endpoint.body.data());
      curl_easy_setopt(easy, CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(endpoint.body.size()));
    }
    slot.headers.reset();
    for (const auto& header : endpoint.headers) {
      curl_slist* list = curl_slist_append(slot.headers.release(), header.c_str());
      if (!list) throw_runtime_error("out of memory for request headers");
      slot.headers.reset(list);
    }
    if (slot.headers) curl_easy_setopt(easy, CURLOPT_HTTPHEADER, slot.headers.get());
    slot.endpoint = endpoint_index;
    slot.configured = true;
  }

  void collect(Clock::time_point now) {
    int left = 0;
    while (CURLMsg* message = curl_multi_info_read(m_multi.get(), &left)) {
      if (message->msg != CURLMSG_DONE) continue;
      CURL* easy = message->easy_handle;
      Slot* slot = nullptr;
      curl_easy_getinfo(easy, CURLINFO_PRIVATE, reinterpret_cast<char**>(&slot));
      long status = 0, version = 0;
      curl_easy_getinfo(easy, CURLINFO_RESPONSE_CODE, &status);
      curl_easy_getinfo(easy, CURLINFO_HTTP_VERSION, &version);
      curl_off_t body = 0;
      long header_bytes = 0;
      curl_easy_getinfo(easy, CURLINFO_SIZE_DOWNLOAD_T, &body);
      curl_easy_getinfo(easy, CURLINFO_HEADER_SIZE, &header_bytes);
      const CURLcode code = message->data.result;
      curl_multi_remove_handle(m_multi.get(), easy);
      slot->busy = false;
      m_free.push_back(static_cast<std::size_t>(slot - m_slots.data()));
      --m_in_flight;
      if (!slot->measured) continue;
      Outcome outcome;
      outcome.error = classify(code, status, m_scenario.endpoints[slot->endpoint].expect_status);
      if (status > 0) outcome.protocol = protocol_index(version);
      outcome.bytes = static_cast<std::uint64_t>(std::max<curl_off_t>(0, body)) +
                      static_cast<std::uint64_t>(std::max(0L, header_bytes));
      outcome.latency_ms = Ms(now - slot->intended).count();
      outcome.service_ms = Ms(now - slot->sent).count();
      outcome.late = slot->waited || Ms(slot->sent - slot->intended).count() > late_tolerance_ms;
      const auto second =
          static_cast<std::size_t>(std::max(0.0, duration<double>(slot->intended - m_share.run_origin).count()));
      m_recording.record(m_share.phase_index, slot->endpoint, second, outcome);
      m_live.requests.fetch_add(1, std::memory_order_relaxed);
      if (outcome.error != ErrorClass::none) m_live.errors.fetch_add(1, std::memory_order_relaxed);
      publish_recent(outcome, now);
    }
  }

  // The p95 of the last second or so, for the progress line: published 4 times a second.
  void publish_recent(const Outcome& outcome, Clock::time_point now) {
    if (outcome.error != ErrorClass::connect) m_recent.record_ms(outcome.latency_ms);
    if (now - m_published < std::chrono::milliseconds(250) || m_recent.count() == 0) return;
    m_live.recent_p95_ms.store(m_recent.percentile_ms(95), std::memory_order_relaxed);
    m_published = now;
    if (now - m_recent_since >= std::chrono::seconds(1)) {
      m_recent = LatencyHistogram();
      m_recent_since = now;
    }
  }

  // How long epoll may sleep: until curl's timer, the next timetable slot, or the deadline —
  // and never more than 100 ms, so that a stop request is seen promptly.
  int wait_ms() const {
    const auto now = Clock::now();
    auto until = now + std::chrono::milliseconds(100);
    if (m_curl_deadline) until = std::min(until, *m_curl_deadline);
    if (open_model() && may_send(m_next_intended)) until = std::min(until, m_next_intended);
    if (!open_model() && m_in_flight < m_slots.size() && may_send(now)) until = now;
    if (m_share.deadline && m_in_flight < m_slots.size()) until = std::min(until, *m_share.deadline);
    if (until <= now) return 0;
    return static_cast<int>(std::ceil(Ms(until - now).count()));
  }

  static int on_socket(CURL*, curl_socket_t fd, int what, void* user, void* known) {
    auto* loop = static_cast<Loop*>(user);
    if (what == CURL_POLL_REMOVE) {
      epoll_ctl(loop->m_epoll.get(), EPOLL_CTL_DEL, fd, nullptr);
      curl_multi_assign(loop->m_multi.get(), fd, nullptr);
      return 0;
    }
    epoll_event event{};
    event.data.fd = fd;
    event.events = (what & CURL_POLL_IN ? EPOLLIN : 0u) | (what & CURL_POLL_OUT ? EPOLLOUT : 0u);
    if (!known) {
      if (epoll_ctl(loop->m_epoll.get(), EPOLL_CTL_ADD, fd, &event) != 0 && errno == EEXIST) {
        epoll_ctl(loop->m_epoll.get(), EPOLL_CTL_MOD, fd, &event);
      }
      curl_multi_assign(loop->m_multi.get(), fd, loop);
    } else {
      epoll_ctl(loop->m_epoll.get(), EPOLL_CTL_MOD, fd, &event);
    }
    return 0;
  }

  static int on_timer(CURLM*, long timeout_ms, void* user) {
    auto* loop = static_cast<Loop*>(user);
    if (timeout_ms < 0) {
      loop->m_curl_deadline.reset();
    } else {
      loop->m_curl_deadline = Clock::now() + std::chrono::milliseconds(timeout_ms);
    }
    return 0;
  }

  const Scenario& m_scenario;
  const ShareOfPhase& m_share;
  const Phase& m_phase;
  Recording& m_recording;
  LiveCounters& m_live;
  CurlMulti m_multi;
  FileDescriptor m_epoll;
  std::vector<Slot> m_slots;
  std::vector<std::size_t> m_free;  // indexes of idle slots
  std::size_t m_in_flight = 0, m_round_robin = 0;
  std::uint64_t m_sent_measured = 0, m_scheduled = 0;
  Clock::time_point m_next_intended;
  std::deque<Due> m_due;
  std::optional<Clock::time_point> m_curl_deadline;
  LatencyHistogram m_recent;
  Clock::time_point m_recent_since = Clock::now(), m_published = Clock::now();
};

}  // namespace

void run_share(const Scenario& scenario, const ShareOfPhase& share, Recording& recording, LiveCounters& live,
               const std::atomic<bool>& stop) {
  Loop loop(scenario, share, recording, live);
  loop.run(stop);
}

}  // namespace readygate::bench
