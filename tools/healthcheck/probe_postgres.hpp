#pragma once
// postgres://[user[:password]@]host[:port][/db][?…] (or postgresql://): libpq's own URL.
//
// Readiness is PQping's: the server is accepting connections (healthy), rejecting them (starting
// up, shutting down or in crash recovery: unhealthy), gives no response (unhealthy) or no attempt
// was made (the parameters are obviously incorrect: unhealthy). With a "query", or with a
// password (in the URL or PGPASSWORD), the probe also logs in — an authentication failure is
// unhealthy with libpq's message — and runs the query: a failed query is unhealthy, and its time
// is the check's latency (the connection's time is told apart). The check's timeout bounds the
// whole attempt: the connection is made with PQconnectStartParams/PQconnectPoll on our own
// deadline, the query is read the same way and the server is given statement_timeout. Passwords
// are never printed: every message is redacted and scrubbed of them.
#include <string>

#include "check_spec.hpp"
#include "probe_result.hpp"

namespace readygate::healthcheck {

// Throws Error (exit 2) naming `where` when libpq cannot parse the URL (its words, redacted).
void validate_postgres_url(const std::string& url, const std::string& where);

// One attempt; runs on its own thread (libpq is blocking), ends by the check's timeout.
Attempt probe_postgres(const CheckSpec& spec);

}  // namespace readygate::healthcheck
