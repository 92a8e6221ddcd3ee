#include "probe_postgres.hpp"

#include <libpq-fe.h>
#include <poll.h>

#include <cerrno>
#include <chrono>
#include <cmath>
#include <cstdlib>
#include <memory>
#include <vector>

#include "common/error.hpp"
#include "common/redact.hpp"

namespace readygate::healthcheck {
namespace {

using Clock = std::chrono::steady_clock;

struct ConnDeleter {
  void operator()(PGconn* conn) const { PQfinish(conn); }
};
using Conn = std::unique_ptr<PGconn, ConnDeleter>;

struct OptionsDeleter {
  void operator()(PQconninfoOption* options) const { PQconninfoFree(options); }
};

// The secrets a message must never show: the URL's password and PGPASSWORD.
struct Secrets {
  std::vector<std::string> values;
  std::string scrub(std::string text) const {
    text = redact_url_credentials(text);
    for (const auto& secret : values) text = mask_known_secret(std::move(text), secret);
    return text;
  }
};

// libpq's message on one line: "connection to server … failed: FATAL:  password authentication failed …".
std::string one_line(const char* message) {
  std::string out;
  bool space = false;
  for (const char* c = message ? message : ""; *c; ++c) {
    const auto u = static_cast<unsigned char>(*c);
    if (u == '\n' || u == '\r' || u == '\t' || u == ' ') {
      space = !out.empty();
      continue;
    }
    if (space) out += ' ';
    space = false;
    out += u < 0x20 ? '?' : *c;
  }
  return out.substr(0, 400);
}

struct Parsed {
  std::string password;
  bool has_options = false;
};

Parsed parse_url(const std::string& url) {
  Parsed p;
  char* error = nullptr;
  std::unique_ptr<PQconninfoOption, OptionsDeleter> options(PQconninfoParse(url.c_str(), &error));
  if (error) PQfreemem(error);
  if (!options) return p;
  for (const PQconninfoOption* o = options.get(); o->keyword; ++o) {
    const std::string keyword = o->keyword;
    if (keyword == "password" && o->val) p.password = o->val;
    if (keyword == "options" && o->val && *o->val) p.has_options = true;
  }
  return p;
}

double ms_since(Clock::time_point start) {
  return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

// Waits for the socket until the deadline: false on timeout.
bool wait_socket(PGconn* conn, short events, Clock::time_point deadline) {
  while (true) {
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now()).count();
    if (left <= 0) return false;
    pollfd p{PQsocket(conn), events, 0};
    const int ready = ::poll(&p, 1, static_cast<int>(std::min<long long>(left, 1'000'000)));
    if (ready > 0) return true;
    if (ready == 0) return false;
    if (errno != EINTR) return true;  // let libpq see and report the error
  }
}

}  // namespace

void validate_postgres_url(const std::string& url, const std::string& where) {
  char* error = nullptr;
  std::unique_ptr<PQconninfoOption, OptionsDeleter> options(PQconninfoParse(url.c_str(), &error));
  if (!options) {
    const std::string why = error ? one_line(error) : "out of memory";
    if (error) PQfreemem(error);
    // The message may quote the URL: only its redacted form is shown.
    Secrets secrets;
    const std::size_t scheme = url.find("://");
    const std::size_t at = url.rfind('@', url.find('/', scheme == std::string::npos ? 0 : scheme + 3));
    if (scheme != std::string::npos && at != std::string::npos && at > scheme + 3)
      secrets.values.push_back(url.substr(scheme + 3, at - scheme - 3));
    throw_input_error(where + ": '" + redact_url_credentials(url) + "' is not a PostgreSQL URL: " + secrets.scrub(why));
  }
  if (error) PQfreemem(error);
}

Attempt probe_postgres(const CheckSpec& spec) {
  Attempt a;
  a.postgres = PostgresFacts{};
  PostgresFacts& facts = *a.postgres;
  const auto start = Clock::now();
  const auto deadline = start + spec.timeout;
  const Parsed parsed = parse_url(spec.url);
  const char* env_password = std::getenv("PGPASSWORD");
  Secrets secrets{{parsed.password, env_password ? env_password : ""}};
  const bool has_credentials = !parsed.password.empty() || (env_password && *env_password);
  const bool log_in = has_credentials || !spec.query.empty();

  // The URL comes last, so that what the user wrote in it wins over our defaults.
  const long seconds = std::max(2L, static_cast<long>(std::ceil(static_cast<double>(spec.timeout.count()) / 1000.0)));
  const std::string connect_timeout = std::to_string(seconds);
  const std::string statement_timeout = "-c statement_timeout=" + std::to_string(spec.timeout.count());
  std::vector<const char*> keywords{"connect_timeout", "application_name"};
  std::vector<const char*> values{connect_timeout.c_str(), "ready-healthcheck"};
  if (!spec.query.empty() && !parsed.has_options) {
    keywords.push_back("options");
    values.push_back(statement_timeout.c_str());
  }
  keywords.push_back("dbname");
  values.push_back(spec.url.c_str());
  keywords.push_back(nullptr);
  values.push_back(nullptr);

  const auto fail = [&](std::string why) {
    a.transport_ok = false;
    a.error = secrets.scrub(std::move(why));
    if (!facts.query_ms) a.latency_ms = ms_since(start);  // the time until the attempt gave up
    return a;
  };

  Conn conn(PQconnectStartParams(keywords.data(), values.data(), 1));
  if (!conn) {
    facts.server = "no attempt";
    return fail("no attempt was made to contact the server (out of memory)");
  }
  PostgresPollingStatusType polling = PGRES_POLLING_WRITING;
  if (PQstatus(conn.get()) == CONNECTION_BAD) polling = PGRES_POLLING_FAILED;
  while (polling != PGRES_POLLING_OK && polling != PGRES_POLLING_FAILED) {
    if (!wait_socket(conn.get(), polling == PGRES_POLLING_READING ? POLLIN : POLLOUT, deadline)) {
      facts.server = "no response";
      return fail("no response within " + std::to_string(spec.timeout.count()) + " ms");
    }
    polling = PQconnectPoll(conn.get());
  }
  facts.connect_ms = ms_since(start);
  a.latency_ms = *facts.connect_ms;

  if (polling == PGRES_POLLING_FAILED) {
    // Why it failed, in PQping's words: a second, password-less attempt tells a server that
    // answered (but refused us) from one that did not.
    const std::string message = one_line(PQerrorMessage(conn.get()));
    conn.reset();
    std::vector<const char*> ping_values = values;
    const std::string ping_timeout = std::to_string(
        std::max(2L, static_cast<long>(std::ceil(std::chrono::duration<double>(deadline - Clock::now()).count()))));
    ping_values[0] = ping_timeout.c_str();
    switch (PQpingParams(keywords.data(), ping_values.data(), 1)) {
      case PQPING_OK:
        facts.server = "accepting";
        if (log_in) return fail("the server is accepting connections, but logging in failed: " + message);
        a.transport_ok = true;
        return a;
      case PQPING_REJECT:
        facts.server = "rejecting";
        return fail(
            "the server is running but is in a state that disallows connections (startup, shutdown, or crash "
            "recovery): " +
            message);
      case PQPING_NO_RESPONSE:
        facts.server = "no response";
        return fail("the server could not be contacted: " + message);
      case PQPING_NO_ATTEMPT:
        facts.server = "no attempt";
        return fail("no attempt was made to contact the server (the connection parameters are obviously incorrect): " +
                    message);
    }
    return fail(message);
  }
  facts.server = "accepting";
  if (spec.query.empty()) {
    a.transport_ok = true;
    return a;
  }

  const auto query_start = Clock::now();
  if (PQsetnonblocking(conn.get(), 1) != 0 || PQsendQuery(conn.get(), spec.query.c_str()) == 0)
    return fail("the query could not be sent: " + one_line(PQerrorMessage(conn.get())));
  while (true) {
    const int flushed = PQflush(conn.get());
    if (flushed == 0) break;
    if (flushed < 0) return fail("the query could not be sent: " + one_line(PQerrorMessage(conn.get())));
    if (!wait_socket(conn.get(), POLLOUT, deadline))
      return fail("the query was not sent within " + std::to_string(spec.timeout.count()) + " ms");
  }
  std::string query_error;
  while (true) {
    while (PQisBusy(conn.get())) {
      if (!wait_socket(conn.get(), POLLIN, deadline))
        return fail("the query did not finish within " + std::to_string(spec.timeout.count()) + " ms");
      if (PQconsumeInput(conn.get()) == 0) return fail("the query failed: " + one_line(PQerrorMessage(conn.get())));
    }
    PGresult* result = PQgetResult(conn.get());
    if (!result) break;
    const ExecStatusType status = PQresultStatus(result);
    if (status == PGRES_FATAL_ERROR || status == PGRES_BAD_RESPONSE || status == PGRES_NONFATAL_ERROR) {
      if (query_error.empty()) query_error = one_line(PQresultErrorMessage(result));
    }
    PQclear(result);
  }
  facts.query_ms = ms_since(query_start);
  a.latency_ms = *facts.query_ms;
  if (!query_error.empty()) return fail("the query failed: " + query_error);
  a.transport_ok = true;
  return a;
}

}  // namespace readygate::healthcheck
