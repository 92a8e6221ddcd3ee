#include "load_loop.hpp"

#include <sys/epoll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <cmath>
#include <cstring>
#include <deque>
#include <memory>
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
  std::size_t endpoint = 0, multi = 0;
  bool configured = false;  // the options are set for `endpoint` already
  Clock::time_point intended, sent;
  bool measured = false;
  bool waited = false;
  bool busy = false;
};

// One multi handle: its own connection pool and timer, sharing the thread's epoll.
struct Multi {
  CurlMulti handle = make_curl_multi();
  std::optional<Clock::time_point> timer;
  class Loop* loop = nullptr;
  std::size_t index = 0;
  bool touched = false;  // socket_action ran on it since its messages were last read
};

// What epoll holds for a socket. A socket libcurl opened through us (`ours`) stays registered
// between transfers — libcurl says CURL_POLL_REMOVE when a connection goes back to its pool
// and asks again when it is reused, usually for the same events — and leaves epoll when
// libcurl closes it through us. Any other socket (a resolver's) is added and removed as asked.
struct SocketState {
  std::uint32_t events = 0;  // registered with epoll
  std::size_t multi = 0;
  bool in_epoll = false;
  bool wanted = false;  // libcurl watches it now
  bool ours = false;
};

struct UrlDeleter {
  void operator()(CURLU* url) const { curl_url_cleanup(url); }
};
using CurlUrl = std::unique_ptr<CURLU, UrlDeleter>;

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

unsigned multi_count(const Scenario& scenario, const ShareOfPhase& share) {
  if (share.multis > 0) return std::min(share.multis, share.slots);
  // HTTP/2 multiplexes a multi handle's transfers on few connections: one handle keeps them few.
  if (scenario.http2) return 1;
  return std::max(1u, (share.slots + multi_connections - 1) / multi_connections);
}

class Loop {
 public:
  Loop(const Scenario& scenario, const ShareOfPhase& share, Recording& recording, LiveCounters& live)
      : m_scenario(scenario),
        m_share(share),
        m_phase(scenario.phases[share.phase_index]),
        m_recording(recording),
        m_live(live),
        m_epoll(epoll_create1(EPOLL_CLOEXEC)) {
    if (m_epoll.get() < 0) throw_runtime_error(std::string("epoll_create1: ") + std::strerror(errno));
    for (const Endpoint& endpoint : scenario.endpoints) {
      CurlUrl url(curl_url());
      if (url && curl_url_set(url.get(), CURLUPART_URL, endpoint.url.c_str(), 0) != CURLUE_OK) url.reset();
      m_urls.push_back(std::move(url));  // none: the URL goes to libcurl as text, which reports it
    }
    const unsigned multis = multi_count(scenario, share);
    m_multis.resize(multis);
    std::vector<unsigned> slots_of(multis, 0);
    m_slots.resize(share.slots);
    for (std::size_t i = 0; i < m_slots.size(); ++i) {
      m_slots[i].multi = i % multis;
      ++slots_of[i % multis];
    }
    for (std::size_t i = 0; i < m_multis.size(); ++i) {
      Multi& multi = m_multis[i];
      multi.loop = this;
      multi.index = i;
      CURLM* handle = multi.handle.get();
      curl_multi_setopt(handle, CURLMOPT_SOCKETFUNCTION, &Loop::on_socket);
      curl_multi_setopt(handle, CURLMOPT_SOCKETDATA, &multi);
      curl_multi_setopt(handle, CURLMOPT_TIMERFUNCTION, &Loop::on_timer);
      curl_multi_setopt(handle, CURLMOPT_TIMERDATA, &multi);
      curl_multi_setopt(handle, CURLMOPT_MAXCONNECTS, static_cast<long>(std::max(1u, slots_of[i])));
      if (scenario.http2) curl_multi_setopt(handle, CURLMOPT_PIPELINING, CURLPIPE_MULTIPLEX);
    }
    for (std::size_t i = m_slots.size(); i-- > 0;) m_free.push_back(i);
    m_next_intended = share.start + to_clock(share.first_offset);
  }

  ~Loop() {
    for (auto& slot : m_slots) {
      if (slot.busy) curl_multi_remove_handle(m_multis[slot.multi].handle.get(), slot.easy.get());
    }
  }

  Loop(const Loop&) = delete;
  Loop& operator=(const Loop&) = delete;

  ShareEnd run(const std::atomic<bool>& stop) {
    std::array<epoll_event, 256> events{};
    while (!stop.load(std::memory_order_relaxed)) {
      const auto now = Clock::now();
      if (m_share.deadline && now >= *m_share.deadline + m_share.grace) {
        cut_the_rest();
        break;
      }
      launch(now);
      if (m_in_flight == 0 && !more_to_send(now)) {
        cut_the_rest();  // after the deadline, the open model's unsent due requests
        break;
      }
      const int n = epoll_wait(m_epoll.get(), events.data(), static_cast<int>(events.size()), wait_ms());
      if (n < 0 && errno != EINTR) throw_runtime_error(std::string("epoll_wait: ") + std::strerror(errno));
      int running = 0;
      for (int i = 0; i < n; ++i) {
        const epoll_event& event = events[static_cast<std::size_t>(i)];
        const int fd = event.data.fd;
        SocketState& socket = m_sockets[static_cast<std::size_t>(fd)];
        if (!socket.wanted) {
          // An idle pooled connection became readable (the server closed it, most likely):
          // out of epoll until libcurl wants it again, or level-triggered epoll would spin.
          epoll_ctl(m_epoll.get(), EPOLL_CTL_DEL, fd, nullptr);
          socket.in_epoll = false;
          socket.events = 0;
          continue;
        }
        int flags = 0;
        if (event.events & EPOLLIN) flags |= CURL_CSELECT_IN;
        if (event.events & EPOLLOUT) flags |= CURL_CSELECT_OUT;
        if (event.events & (EPOLLERR | EPOLLHUP)) flags |= CURL_CSELECT_ERR;
        Multi& multi = m_multis[socket.multi];
        multi.touched = true;
        curl_multi_socket_action(multi.handle.get(), fd, flags, &running);
      }
      const auto after = Clock::now();
      for (Multi& multi : m_multis) {
        if (multi.timer && after >= *multi.timer) {
          multi.timer.reset();
          multi.touched = true;
          curl_multi_socket_action(multi.handle.get(), CURL_SOCKET_TIMEOUT, 0, &running);
        }
      }
      collect(Clock::now());
    }
    return {m_last_completion, m_cut};
  }

 private:
  static Clock::duration to_clock(double seconds) {
    return std::chrono::duration_cast<Clock::duration>(duration<double>(seconds));
  }

  bool open_model() const { return m_share.rate > 0; }

  bool past_deadline(Clock::time_point now) const { return m_share.deadline && now >= *m_share.deadline; }

  // Whether a request intended at `when` may still be sent, and whether it will be measured.
  bool may_send(Clock::time_point when) const {
    if (past_deadline(when)) return false;
    if (m_share.quota && when >= m_share.measure_from && m_sent_measured >= *m_share.quota) return false;
    return true;
  }

  bool more_to_send(Clock::time_point now) const {
    return may_send(open_model() ? m_next_intended : now) || (!m_due.empty() && !past_deadline(now));
  }

  std::size_t next_endpoint() { return m_phase.endpoints[m_round_robin++ % m_phase.endpoints.size()]; }

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
      // After the deadline only a request the timetable owed from before it, and that is on
      // time (within late_tolerance_ms: the loop woke a little late), is still sent.
      const auto on_time = [&](const Due& due) {
        return !past_deadline(now) || (!due.waited && Ms(now - due.intended).count() <= late_tolerance_ms);
      };
      while (!m_due.empty() && m_in_flight < m_slots.size() && on_time(m_due.front())) {
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
    const std::size_t endpoint_index = next_endpoint();
    // Setting a handle up costs more than a small request: do it only when the endpoint changes.
    if (!slot.configured || slot.endpoint != endpoint_index) configure(slot, endpoint_index);
    slot.intended = intended;
    slot.sent = now;
    slot.measured = intended >= m_share.measure_from;
    slot.waited = waited;
    slot.busy = true;
    ++m_in_flight;
    if (curl_multi_add_handle(m_multis[slot.multi].handle.get(), slot.easy.get()) != CURLM_OK)
      throw_runtime_error("libcurl refused a transfer");
  }

  // The end of the grace: what is still in flight is cancelled and counted as cut, and so is
  // what the open model's timetable still owed (due before the deadline, never sent).
  void cut_the_rest() {
    for (Slot& slot : m_slots) {
      if (!slot.busy) continue;
      curl_multi_remove_handle(m_multis[slot.multi].handle.get(), slot.easy.get());
      slot.busy = false;
      m_free.push_back(static_cast<std::size_t>(&slot - m_slots.data()));
      --m_in_flight;
      if (!slot.measured) continue;
      m_recording.record_cut(m_share.phase_index, slot.endpoint);
      ++m_cut;
    }
    for (const Due& due : m_due) {
      if (due.intended < m_share.measure_from) continue;
      m_recording.record_cut(m_share.phase_index, next_endpoint());
      ++m_cut;
    }
    m_due.clear();
  }

  void configure(Slot& slot, std::size_t endpoint_index) {
    const Endpoint& endpoint = m_scenario.endpoints[endpoint_index];
    CURL* easy = slot.easy.get();
    curl_easy_reset(easy);
    // The URL parsed once for the run (libcurl only reads it), not again on every transfer.
    if (m_urls[endpoint_index]) {
      curl_easy_setopt(easy, CURLOPT_CURLU, m_urls[endpoint_index].get());
    } else {
      curl_easy_setopt(easy, CURLOPT_URL, endpoint.url.c_str());
    }
    limit_to_http(easy);
    curl_easy_setopt(easy, CURLOPT_PRIVATE, &slot);
    curl_easy_setopt(easy, CURLOPT_WRITEFUNCTION, &discard_body);
    curl_easy_setopt(easy, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(easy, CURLOPT_TIMEOUT_MS, static_cast<long>(m_scenario.timeout.count()));
    curl_easy_setopt(easy, CURLOPT_DNS_CACHE_TIMEOUT, -1L);  // resolve once per run
    // Straight to the server, whatever the environment's *_proxy say (and without reading them
    // on every transfer). No User-Agent header unless the user sends one, as wrk does.
    curl_easy_setopt(easy, CURLOPT_NOPROXY, "*");
    curl_easy_setopt(easy, CURLOPT_OPENSOCKETFUNCTION, &Loop::on_open_socket);
    curl_easy_setopt(easy, CURLOPT_OPENSOCKETDATA, this);
    curl_easy_setopt(easy, CURLOPT_CLOSESOCKETFUNCTION, &Loop::on_close_socket);
    curl_easy_setopt(easy, CURLOPT_CLOSESOCKETDATA, this);
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
    for (Multi& multi : m_multis) {
      if (!multi.touched) continue;
      multi.touched = false;
      collect(multi, now);
    }
  }

  void collect(Multi& multi, Clock::time_point now) {
    int left = 0;
    while (CURLMsg* message = curl_multi_info_read(multi.handle.get(), &left)) {
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
      curl_multi_remove_handle(multi.handle.get(), easy);
      slot->busy = false;
      m_free.push_back(static_cast<std::size_t>(slot - m_slots.data()));
      --m_in_flight;
      if (!slot->measured) continue;
      m_last_completion = now;
      Outcome outcome;
      outcome.error = classify(code, status, m_scenario.endpoints[slot->endpoint].expect_status);
      if (status > 0) outcome.protocol = protocol_index(version);
      outcome.bytes = static_cast<std::uint64_t>(std::max<curl_off_t>(0, body)) +
                      static_cast<std::uint64_t>(std::max(0L, header_bytes));
      outcome.latency_ms = Ms(now - slot->intended).count();
      outcome.service_ms = Ms(now - slot->sent).count();
      outcome.late = slot->waited || Ms(slot->sent - slot->intended).count() > late_tolerance_ms;
      outcome.drained = past_deadline(now);
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

  // How long epoll may sleep: until a curl timer, the next timetable slot, the deadline or the
  // end of its grace — and never more than 100 ms, so that a stop request is seen promptly.
  int wait_ms() const {
    const auto now = Clock::now();
    auto until = now + std::chrono::milliseconds(100);
    for (const Multi& multi : m_multis) {
      if (multi.timer) until = std::min(until, *multi.timer);
    }
    if (open_model() && may_send(m_next_intended)) until = std::min(until, m_next_intended);
    if (!open_model() && m_in_flight < m_slots.size() && may_send(now)) until = now;
    if (m_share.deadline) {
      if (!past_deadline(now) && m_in_flight < m_slots.size()) until = std::min(until, *m_share.deadline);
      until = std::min(until, *m_share.deadline + m_share.grace);
    }
    if (until <= now) return 0;
    return static_cast<int>(std::ceil(Ms(until - now).count()));
  }

  SocketState& socket_state(curl_socket_t fd) {
    const auto index = static_cast<std::size_t>(fd);
    if (m_sockets.size() <= index) m_sockets.resize(index + 64);
    return m_sockets[index];
  }

  // Registers `fd` for `events`, with a syscall only when epoll does not hold exactly that.
  void watch(curl_socket_t fd, SocketState& socket, std::uint32_t events) {
    if (socket.in_epoll && socket.events == events) return;
    epoll_event event{};
    event.data.fd = fd;
    event.events = events;
    const int op = socket.in_epoll ? EPOLL_CTL_MOD : EPOLL_CTL_ADD;
    if (epoll_ctl(m_epoll.get(), op, fd, &event) != 0) {
      // The socket was closed behind our back (ENOENT) or is known already (EEXIST).
      epoll_ctl(m_epoll.get(), op == EPOLL_CTL_MOD ? EPOLL_CTL_ADD : EPOLL_CTL_MOD, fd, &event);
    }
    socket.in_epoll = true;
    socket.events = events;
  }

  static int on_socket(CURL*, curl_socket_t fd, int what, void* user, void*) {
    auto* multi = static_cast<Multi*>(user);
    Loop& loop = *multi->loop;
    SocketState& socket = loop.socket_state(fd);
    if (what == CURL_POLL_REMOVE) {
      socket.wanted = false;
      if (!socket.ours && socket.in_epoll) {
        epoll_ctl(loop.m_epoll.get(), EPOLL_CTL_DEL, fd, nullptr);
        socket.in_epoll = false;
        socket.events = 0;
      }
      return 0;
    }
    socket.wanted = true;
    socket.multi = multi->index;
    loop.watch(fd, socket, (what & CURL_POLL_IN ? EPOLLIN : 0u) | (what & CURL_POLL_OUT ? EPOLLOUT : 0u));
    return 0;
  }

  static curl_socket_t on_open_socket(void* user, curlsocktype, curl_sockaddr* address) {
    auto* loop = static_cast<Loop*>(user);
    const curl_socket_t fd = ::socket(address->family, address->socktype | SOCK_CLOEXEC, address->protocol);
    if (fd == CURL_SOCKET_BAD) return fd;
    SocketState& socket = loop->socket_state(fd);
    socket = SocketState{};  // a new socket: epoll holds nothing for it
    socket.ours = true;
    return fd;
  }

  static int on_close_socket(void* user, curl_socket_t fd) {
    auto* loop = static_cast<Loop*>(user);
    loop->socket_state(fd) = SocketState{};  // closing it takes it out of epoll
    return ::close(fd);
  }

  static int on_timer(CURLM*, long timeout_ms, void* user) {
    auto* multi = static_cast<Multi*>(user);
    if (timeout_ms < 0) {
      multi->timer.reset();
    } else {
      multi->timer = Clock::now() + std::chrono::milliseconds(timeout_ms);
    }
    return 0;
  }

  const Scenario& m_scenario;
  const ShareOfPhase& m_share;
  const Phase& m_phase;
  Recording& m_recording;
  LiveCounters& m_live;
  FileDescriptor m_epoll;
  std::vector<CurlUrl> m_urls;         // [endpoint]; outlive the easy handles that read them
  std::vector<SocketState> m_sockets;  // [fd]
  std::deque<Multi> m_multis;          // stable addresses: libcurl holds pointers to them
  std::vector<Slot> m_slots;
  std::vector<std::size_t> m_free;  // indexes of idle slots
  std::size_t m_in_flight = 0, m_round_robin = 0;
  std::uint64_t m_sent_measured = 0, m_scheduled = 0, m_cut = 0;
  Clock::time_point m_next_intended;
  std::deque<Due> m_due;
  std::optional<Clock::time_point> m_last_completion;
  LatencyHistogram m_recent;
  Clock::time_point m_recent_since = Clock::now(), m_published = Clock::now();
};

}  // namespace

ShareEnd run_share(const Scenario& scenario, const ShareOfPhase& share, Recording& recording, LiveCounters& live,
                   const std::atomic<bool>& stop) {
  Loop loop(scenario, share, recording, live);
  return loop.run(stop);
}

}  // namespace readygate::bench
