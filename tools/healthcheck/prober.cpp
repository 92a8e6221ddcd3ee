#include "prober.hpp"

#include <algorithm>
#include <atomic>
#include <cstring>
#include <thread>

#include "common/curl.hpp"
#include "common/error.hpp"
#include "common/http_syntax.hpp"
#include "common/redact.hpp"
#include "probe_docker.hpp"
#include "probe_postgres.hpp"
#include "probe_redis.hpp"
#include "tls_facts.hpp"
#include "verdict.hpp"

namespace readygate::healthcheck {
namespace {

using Clock = std::chrono::steady_clock;
constexpr std::size_t max_body = 1 << 20;

// A probe through a blocking client library (libpq) or our own socket code: it runs on a thread of
// its own, bounded by the check's timeout, and wakes the multi loop when it is done.
struct Worker {
  std::thread thread;
  std::atomic<bool> done{false};
  Attempt attempt;
  Worker() = default;
  Worker(const Worker&) = delete;
  Worker& operator=(const Worker&) = delete;
  ~Worker() {
    if (thread.joinable()) thread.join();
  }
};

struct Running {
  const CheckSpec* spec = nullptr;
  std::unique_ptr<Worker> worker;  // set for a threaded probe, which has no easy handle
  CurlEasy easy;
  CurlHeaders headers;
  Attempt attempt;
  char error[CURL_ERROR_SIZE] = {};
  bool tls_read = false;
};

std::size_t on_body(char* data, std::size_t size, std::size_t count, void* user) {
  auto* run = static_cast<Running*>(user);
  const std::size_t n = size * count;
  std::string& body = run->attempt.body;
  if (body.size() < max_body) body.append(data, std::min(n, max_body - body.size()));
  return n;
}

std::size_t on_header(char* data, std::size_t size, std::size_t count, void* user) {
  auto* run = static_cast<Running*>(user);
  const std::size_t n = size * count;
  std::string line(data, n);
  while (!line.empty() && (line.back() == '\n' || line.back() == '\r')) line.pop_back();
  if (!run->tls_read) {  // the TLS session is alive now: read its facts once
    run->tls_read = true;
    run->attempt.tls = tls_facts_of(run->easy.get());
  }
  if (line.rfind("HTTP/", 0) == 0) {
    run->attempt.headers.clear();  // a new response (after 100 Continue)
  } else if (const std::size_t colon = line.find(':'); colon != std::string::npos) {
    std::string name = line.substr(0, colon);
    std::transform(name.begin(), name.end(), name.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    std::size_t value = colon + 1;
    while (value < line.size() && line[value] == ' ') ++value;
    run->attempt.headers.emplace_back(std::move(name), line.substr(value));
  }
  return n;
}

// An HTTP(S) request: headers and body are read for the verdict and the header audit.
void setup_http(Running& run, const HealthConfig& config) {
  const CheckSpec& spec = *run.spec;
  CURL* easy = run.easy.get();
  curl_easy_setopt(easy, CURLOPT_URL, spec.url.c_str());
  curl_easy_setopt(easy, CURLOPT_WRITEFUNCTION, &on_body);
  curl_easy_setopt(easy, CURLOPT_WRITEDATA, &run);
  curl_easy_setopt(easy, CURLOPT_HEADERFUNCTION, &on_header);
  curl_easy_setopt(easy, CURLOPT_HEADERDATA, &run);
  if (spec.method == "HEAD") {
    curl_easy_setopt(easy, CURLOPT_NOBODY, 1L);
  } else if (spec.method != "GET") {
    curl_easy_setopt(easy, CURLOPT_CUSTOMREQUEST, spec.method.c_str());
  }
  if (config.insecure) {
    curl_easy_setopt(easy, CURLOPT_SSL_VERIFYPEER, 0L);
    curl_easy_setopt(easy, CURLOPT_SSL_VERIFYHOST, 0L);
  }
  if (!config.cacert.empty()) curl_easy_setopt(easy, CURLOPT_CAINFO, config.cacert.c_str());
  for (const auto& header : spec.headers) {
    curl_slist* list = curl_slist_append(run.headers.release(), header.c_str());
    if (!list) throw_runtime_error("out of memory for request headers");
    run.headers.reset(list);
  }
  if (run.headers) curl_easy_setopt(easy, CURLOPT_HTTPHEADER, run.headers.get());
}

// tcp://host:port: connect only, no request is sent.
void setup_tcp(Running& run, const HealthConfig&) {
  const std::string url = "http://" + run.spec->url.substr(6);
  curl_easy_setopt(run.easy.get(), CURLOPT_URL, url.c_str());
  curl_easy_setopt(run.easy.get(), CURLOPT_CONNECT_ONLY, 1L);
}

// docker://: the Engine API over the daemon's unix socket; the answer is read in finish().
void setup_docker(Running& run, const HealthConfig& config) {
  CURL* easy = run.easy.get();
  const std::string url = docker_request_url(parse_docker_target(run.spec->url, run.spec->name));
  curl_easy_setopt(easy, CURLOPT_URL, url.c_str());
  curl_easy_setopt(easy, CURLOPT_UNIX_SOCKET_PATH, config.docker_socket.c_str());
  curl_easy_setopt(easy, CURLOPT_WRITEFUNCTION, &on_body);
  curl_easy_setopt(easy, CURLOPT_WRITEDATA, &run);
}

void read_docker(Running& run, const HealthConfig& config) {
  long os_errno = 0;
  curl_easy_getinfo(run.easy.get(), CURLINFO_OS_ERRNO, &os_errno);
  read_docker_answer(run.attempt, config.docker_socket, os_errno, std::chrono::system_clock::now());
}

// The probe kinds, keyed by URL scheme: how a transfer is set up, which of libcurl's times is
// the probe's latency, and what reads the answer once it is in (none: the verdict reads it). A
// new kind is one entry here (and its scheme in check_spec.cpp).
struct ProbeScheme {
  std::string_view scheme;
  void (*setup)(Running& run, const HealthConfig& config);
  CURLINFO latency;
  void (*read)(Running& run, const HealthConfig& config) = nullptr;
};
constexpr ProbeScheme probe_schemes[] = {
    {"http", setup_http, CURLINFO_TOTAL_TIME_T},
    {"https", setup_http, CURLINFO_TOTAL_TIME_T},
    {"tcp", setup_tcp, CURLINFO_CONNECT_TIME_T},
    {"docker", setup_docker, CURLINFO_TOTAL_TIME_T, read_docker},
};

// The probe kinds that run on their own thread: one function from the check to its attempt, which
// honours the check's timeout itself.
struct ThreadedScheme {
  std::string_view scheme;
  Attempt (*probe)(const CheckSpec& spec);
};
constexpr ThreadedScheme threaded_schemes[] = {
    {"postgres", probe_postgres},
    {"postgresql", probe_postgres},
    {"redis", probe_redis},
};

const ThreadedScheme* threaded_scheme(const CheckSpec& spec) {
  const std::string scheme = url_scheme(spec.url);
  for (const ThreadedScheme& t : threaded_schemes) {
    if (t.scheme == scheme) return &t;
  }
  return nullptr;
}

const ProbeScheme& probe_scheme(const CheckSpec& spec) {
  const std::string scheme = url_scheme(spec.url);
  for (const ProbeScheme& p : probe_schemes) {
    if (p.scheme == scheme) return p;
  }
  throw_input_error("'" + redact_url_credentials(spec.url) + "': no probe for the scheme " + scheme + "://");
}

std::unique_ptr<Running> start(const CheckSpec& spec, const HealthConfig& config, CURLM* multi) {
  auto run = std::make_unique<Running>();
  run->spec = &spec;
  if (const ThreadedScheme* threaded = threaded_scheme(spec)) {
    run->worker = std::make_unique<Worker>();
    Worker* worker = run->worker.get();
    worker->thread = std::thread([worker, &spec, threaded, multi] {
      try {
        worker->attempt = threaded->probe(spec);
      } catch (const std::exception& e) {  // out of memory, or a thread library failure: a failed attempt
        worker->attempt = Attempt{};
        worker->attempt.error = redact_url_credentials(e.what());
      }
      worker->done.store(true, std::memory_order_release);
      curl_multi_wakeup(multi);
    });
    return run;
  }
  run->easy = make_curl_easy();
  CURL* easy = run->easy.get();
  limit_to_http(easy);
  curl_easy_setopt(easy, CURLOPT_PRIVATE, run.get());
  curl_easy_setopt(easy, CURLOPT_ERRORBUFFER, run->error);
  curl_easy_setopt(easy, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(easy, CURLOPT_TIMEOUT_MS, static_cast<long>(spec.timeout.count()));
  curl_easy_setopt(easy, CURLOPT_CONNECTTIMEOUT_MS, static_cast<long>(spec.timeout.count()));
  curl_easy_setopt(easy, CURLOPT_PROXY, "");
  curl_easy_setopt(easy, CURLOPT_USERAGENT, "ready-healthcheck");
  probe_scheme(spec).setup(*run, config);
  return run;
}

void finish(Running& run, CURLcode code, const HealthConfig& config) {
  Attempt& a = run.attempt;
  a.transport_ok = code == CURLE_OK;
  if (!a.transport_ok) a.error = redact_url_credentials(run.error[0] ? run.error : curl_easy_strerror(code));
  curl_easy_getinfo(run.easy.get(), CURLINFO_RESPONSE_CODE, &a.http_status);
  curl_off_t micros = 0;
  curl_easy_getinfo(run.easy.get(), probe_scheme(*run.spec).latency, &micros);
  a.latency_ms = static_cast<double>(micros) / 1000.0;
  if (const auto read = probe_scheme(*run.spec).read) read(run, config);
}

}  // namespace

std::vector<CheckOutcome> probe_all(const HealthConfig& config, std::optional<std::chrono::milliseconds> wait) {
  CurlMulti multi = make_curl_multi();
  const auto begin = Clock::now();
  const std::size_t n = config.checks.size();
  std::vector<CheckOutcome> outcomes(n);
  std::vector<std::optional<Clock::time_point>> next(n, begin);  // none: finished
  std::vector<std::unique_ptr<Running>> running(n);
  const auto backoff = [&](unsigned attempts) {
    if (wait) return std::chrono::duration_cast<Clock::duration>(config.interval);
    return Clock::duration(std::chrono::milliseconds(std::min(5000LL, 200LL << std::min(attempts - 1, 5u))));
  };

  // One attempt decided: the verdict, and when (if ever) the check is tried again.
  const auto decide = [&](std::size_t i, Attempt attempt) {
    const CheckSpec& spec = config.checks[i];
    CheckOutcome& outcome = outcomes[i];
    outcome.verdict = judge(spec, attempt, config.cert_warn_days, config.cert_fail_days);
    outcome.last = std::move(attempt);
    const auto done_at = Clock::now();
    const bool up = outcome.verdict.health != Health::unhealthy;
    const bool may_retry =
        wait ? done_at + backoff(outcome.attempts) < begin + *wait : outcome.attempts <= spec.retries;
    if (up) outcome.time_to_healthy_ms = std::chrono::duration<double, std::milli>(done_at - begin).count();
    next[i] = up || !may_retry ? std::nullopt : std::optional(done_at + backoff(outcome.attempts));
    running[i].reset();
  };

  while (true) {
    const auto now = Clock::now();
    auto soonest = now + std::chrono::milliseconds(200);
    for (std::size_t i = 0; i < n; ++i) {
      if (!running[i] && next[i]) {
        if (*next[i] <= now) {
          running[i] = start(config.checks[i], config, multi.get());
          ++outcomes[i].attempts;
          if (!running[i]->worker) curl_multi_add_handle(multi.get(), running[i]->easy.get());
        } else {
          soonest = std::min(soonest, *next[i]);
        }
      }
    }
    int still = 0;
    curl_multi_perform(multi.get(), &still);
    int left = 0;
    while (CURLMsg* message = curl_multi_info_read(multi.get(), &left)) {
      if (message->msg != CURLMSG_DONE) continue;
      Running* run = nullptr;
      curl_easy_getinfo(message->easy_handle, CURLINFO_PRIVATE, reinterpret_cast<char**>(&run));
      const std::size_t i = static_cast<std::size_t>(run->spec - config.checks.data());
      finish(*run, message->data.result, config);
      curl_multi_remove_handle(multi.get(), message->easy_handle);
      decide(i, std::move(run->attempt));
    }
    for (std::size_t i = 0; i < n; ++i) {
      if (running[i] && running[i]->worker && running[i]->worker->done.load(std::memory_order_acquire)) {
        running[i]->worker->thread.join();
        decide(i, std::move(running[i]->worker->attempt));
      }
    }
    // Every check decided: the run ends now, not after one more poll.
    const bool pending = std::any_of(running.begin(), running.end(), [](const auto& r) { return r != nullptr; }) ||
                         std::any_of(next.begin(), next.end(), [](const auto& t) { return t.has_value(); });
    if (!pending) break;
    const auto wait_for = std::chrono::duration_cast<std::chrono::milliseconds>(soonest - Clock::now());
    if (still > 0 || wait_for.count() > 0) {
      curl_multi_poll(multi.get(), nullptr, 0, static_cast<int>(std::clamp<long long>(wait_for.count(), 0, 200)),
                      nullptr);
    }
  }
  return outcomes;
}

}  // namespace readygate::healthcheck
