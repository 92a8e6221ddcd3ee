#include "probe_redis.hpp"

#include <fcntl.h>
#include <netdb.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstring>

#include "common/error.hpp"
#include "common/redact.hpp"
#include "resp.hpp"

namespace readygate::healthcheck {
namespace {

using Clock = std::chrono::steady_clock;

struct Failure {
  std::string reason;
};

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

std::string percent_decode(const std::string& text, const std::string& where) {
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] != '%') {
      out += text[i];
      continue;
    }
    const int high = i + 2 < text.size() ? hex_value(text[i + 1]) : -1;
    const int low = i + 2 < text.size() ? hex_value(text[i + 2]) : -1;
    if (high < 0 || low < 0) throw_input_error(where + ": a malformed %-escape in the credentials");
    out += static_cast<char>(high * 16 + low);
    i += 2;
  }
  return out;
}

class Socket {
 public:
  explicit Socket(int fd) : m_fd(fd) {}
  Socket(const Socket&) = delete;
  Socket& operator=(const Socket&) = delete;
  ~Socket() {
    if (m_fd >= 0) ::close(m_fd);
  }
  int fd() const { return m_fd; }

 private:
  int m_fd;
};

int remaining_ms(Clock::time_point deadline) {
  const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now()).count();
  return static_cast<int>(std::max<long long>(0, std::min<long long>(left, 1'000'000)));
}

// Waits for `events` on the socket until the deadline; throws Failure on timeout.
void wait_for(int fd, short events, Clock::time_point deadline, const char* what) {
  while (true) {
    pollfd p{fd, events, 0};
    const int timeout = remaining_ms(deadline);
    const int ready = ::poll(&p, 1, timeout);
    if (ready > 0) return;
    if (ready < 0 && errno == EINTR) continue;
    if (ready == 0) throw Failure{std::string("timed out ") + what};
    throw Failure{std::string("poll: ") + std::strerror(errno)};
  }
}

std::unique_ptr<Socket> connect_to(const RedisTarget& t, Clock::time_point deadline) {
  addrinfo hints{};
  hints.ai_family = AF_UNSPEC;
  hints.ai_socktype = SOCK_STREAM;
  addrinfo* found = nullptr;
  if (const int rc = ::getaddrinfo(t.host.c_str(), t.port.c_str(), &hints, &found); rc != 0)
    throw Failure{"cannot resolve " + t.host + ": " + gai_strerror(rc)};
  std::unique_ptr<addrinfo, decltype(&::freeaddrinfo)> list(found, &::freeaddrinfo);
  std::string last = "no address";
  for (const addrinfo* a = found; a; a = a->ai_next) {
    auto s = std::make_unique<Socket>(::socket(a->ai_family, a->ai_socktype | SOCK_NONBLOCK | SOCK_CLOEXEC, 0));
    if (s->fd() < 0) {
      last = std::strerror(errno);
      continue;
    }
    if (::connect(s->fd(), a->ai_addr, a->ai_addrlen) != 0) {
      if (errno != EINPROGRESS) {
        last = std::strerror(errno);
        continue;
      }
      wait_for(s->fd(), POLLOUT, deadline, "connecting");
      int error = 0;
      socklen_t size = sizeof error;
      ::getsockopt(s->fd(), SOL_SOCKET, SO_ERROR, &error, &size);
      if (error != 0) {
        last = std::strerror(error);
        continue;
      }
    }
    return s;
  }
  throw Failure{"cannot connect to " + t.host + ":" + t.port + ": " + last};
}

std::string command(const std::vector<std::string>& words) {
  std::string out = "*" + std::to_string(words.size()) + "\r\n";
  for (const auto& w : words) out += "$" + std::to_string(w.size()) + "\r\n" + w + "\r\n";
  return out;
}

void send_all(int fd, const std::string& bytes, Clock::time_point deadline) {
  std::size_t sent = 0;
  while (sent < bytes.size()) {
    const ssize_t n = ::send(fd, bytes.data() + sent, bytes.size() - sent, MSG_NOSIGNAL);
    if (n > 0) {
      sent += static_cast<std::size_t>(n);
    } else if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR)) {
      wait_for(fd, POLLOUT, deadline, "sending");
    } else {
      throw Failure{std::string("the connection closed while sending: ") + std::strerror(errno)};
    }
  }
}

// One reply, read within the limits; what comes after it stays in `buffer`.
RespValue read_reply(int fd, std::string& buffer, Clock::time_point deadline, const char* after) {
  while (true) {
    RespParse p = parse_resp(buffer);
    if (p.status == RespStatus::complete) {
      buffer.erase(0, p.consumed);
      return std::move(p.value);
    }
    if (p.status == RespStatus::invalid) throw Failure{"not a Redis server: " + p.error};
    wait_for(fd, POLLIN, deadline, (std::string("waiting for the answer to ") + after).c_str());
    char chunk[16384];
    const ssize_t n = ::recv(fd, chunk, sizeof chunk, 0);
    if (n > 0) {
      buffer.append(chunk, static_cast<std::size_t>(n));
    } else if (n == 0) {
      throw Failure{buffer.empty() ? std::string("the server closed the connection without answering ") + after
                                   : "not a Redis server: it closed the connection inside a reply"};
    } else if (errno != EAGAIN && errno != EWOULDBLOCK && errno != EINTR) {
      throw Failure{std::string("reading: ") + std::strerror(errno)};
    }
  }
}

}  // namespace

RedisTarget parse_redis_url(const std::string& url, const std::string& where) {
  const std::string shown = redact_url_credentials(url);
  if (url.rfind("rediss://", 0) == 0)
    throw_input_error(where + ": '" + shown + "': rediss:// (Redis over TLS) is not supported; use redis://");
  if (url.rfind("redis://", 0) != 0) throw_input_error(where + ": '" + shown + "' is not a redis:// URL");
  std::string rest = url.substr(8);
  if (rest.find_first_of("?#") != std::string::npos)
    throw_input_error(where + ": '" + shown +
                      "': a redis:// URL takes no query: redis://[[user]:password@]host[:port][/db]");
  RedisTarget t;
  const std::size_t slash = rest.find('/');
  std::string authority = rest.substr(0, slash);
  const std::string path = slash == std::string::npos ? "" : rest.substr(slash + 1);
  if (const std::size_t at = authority.rfind('@'); at != std::string::npos) {
    const std::string userinfo = authority.substr(0, at);
    authority.erase(0, at + 1);
    const std::size_t colon = userinfo.find(':');
    if (colon == std::string::npos)
      throw_input_error(where + ": '" + shown + "': a user needs a password: redis://[user]:password@host");
    t.user = percent_decode(userinfo.substr(0, colon), where);
    t.password = percent_decode(userinfo.substr(colon + 1), where);
  }
  if (!authority.empty() && authority.front() == '[') {
    const std::size_t close = authority.find(']');
    if (close == std::string::npos) throw_input_error(where + ": '" + shown + "': an IPv6 host without its ']'");
    t.host = authority.substr(1, close - 1);
    authority.erase(0, close + 1);
    if (!authority.empty() && authority.front() != ':')
      throw_input_error(where + ": '" + shown + "': expected ':port' after the IPv6 host");
    if (!authority.empty()) t.port = authority.substr(1);
  } else {
    const std::size_t colon = authority.find(':');
    t.host = authority.substr(0, colon);
    if (colon != std::string::npos) t.port = authority.substr(colon + 1);
  }
  if (t.host.empty()) throw_input_error(where + ": '" + shown + "' has no host");
  if (t.port.empty() || t.port.size() > 5 || t.port.find_first_not_of("0123456789") != std::string::npos ||
      std::stoul(t.port) < 1 || std::stoul(t.port) > 65535)
    throw_input_error(where + ": '" + shown + "' needs a port from 1 to 65535");
  if (!path.empty()) {
    if (path.size() > 5 || path.find_first_not_of("0123456789") != std::string::npos)
      throw_input_error(where + ": '" + shown + "': the database is a number: redis://host:port/0");
    t.db = static_cast<unsigned>(std::stoul(path));
  }
  return t;
}

RedisFacts redis_facts_of_info(const std::string& info) {
  RedisFacts facts;
  std::size_t start = 0;
  while (start < info.size()) {
    std::size_t end = info.find('\n', start);
    if (end == std::string::npos) end = info.size();
    std::string line = info.substr(start, end - start);
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.rfind("role:", 0) == 0) facts.role = line.substr(5, 32);
    if (line.rfind("connected_slaves:", 0) == 0) {
      const std::string n = line.substr(17);
      if (!n.empty() && n.size() <= 9 && n.find_first_not_of("0123456789") == std::string::npos)
        facts.connected_slaves = std::stol(n);
    }
    start = end + 1;
  }
  return facts;
}

Attempt probe_redis(const CheckSpec& spec) {
  Attempt a;
  const RedisTarget t = parse_redis_url(spec.url, spec.name);
  const auto deadline = Clock::now() + spec.timeout;
  try {
    const auto socket = connect_to(t, deadline);
    const int fd = socket->fd();
    std::string buffer;
    const auto server_error = [&](const RespValue& v, const std::string& after) {
      return Failure{after + " was answered \"" + resp_excerpt(mask_known_secret(v.text, t.password), 120) + "\""};
    };
    if (!t.password.empty()) {
      send_all(fd,
               command(t.user.empty() ? std::vector<std::string>{"AUTH", t.password}
                                      : std::vector<std::string>{"AUTH", t.user, t.password}),
               deadline);
      const RespValue auth = read_reply(fd, buffer, deadline, "AUTH");
      if (auth.type != RespValue::Type::simple || auth.text != "OK") throw server_error(auth, "AUTH");
    }
    if (t.db) {
      send_all(fd, command({"SELECT", std::to_string(*t.db)}), deadline);
      const RespValue select = read_reply(fd, buffer, deadline, "SELECT");
      if (select.type != RespValue::Type::simple || select.text != "OK") throw server_error(select, "SELECT");
    }
    const auto ping_start = Clock::now();
    send_all(fd, command({"PING"}), deadline);
    const RespValue pong = read_reply(fd, buffer, deadline, "PING");
    a.latency_ms = std::chrono::duration<double, std::milli>(Clock::now() - ping_start).count();
    if (pong.type != RespValue::Type::simple || pong.text != "PONG") throw server_error(pong, "PING");
    a.redis = RedisFacts{};
    send_all(fd, command({"INFO", "replication"}), deadline);
    const RespValue info = read_reply(fd, buffer, deadline, "INFO replication");
    if (info.type == RespValue::Type::bulk) a.redis = redis_facts_of_info(info.text);
    a.transport_ok = true;
  } catch (const Failure& f) {
    a.transport_ok = false;
    a.error = mask_known_secret(f.reason, t.password);
    if (a.latency_ms == 0)
      a.latency_ms = std::chrono::duration<double, std::milli>(Clock::now() - (deadline - spec.timeout)).count();
  }
  return a;
}

}  // namespace readygate::healthcheck
