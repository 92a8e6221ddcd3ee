#pragma once
// redis://[[user]:password@]host[:port][/db]: AUTH (when a password is given), SELECT (when a
// database is), PING answered with PONG, then INFO replication for the role. The RESP exchange is
// ours (resp.hpp), over a non-blocking socket: the whole probe ends by the check's timeout,
// whatever the server does. The password is never printed: every message is scrubbed of it.
#include <optional>
#include <string>

#include "check_spec.hpp"
#include "probe_result.hpp"

namespace readygate::healthcheck {

struct RedisTarget {
  std::string host;  // without IPv6 brackets
  std::string port = "6379";
  std::string user, password;  // percent-decoded; password empty: no AUTH
  std::optional<unsigned> db;
};

// Throws Error (exit 2) naming `where` for a malformed URL, rediss:// (no TLS yet), a user
// without a password, a database that is not a number or a query.
RedisTarget parse_redis_url(const std::string& url, const std::string& where);

// One attempt. Not transport_ok, with a reason, when the server cannot be reached, does not
// answer in time, is not Redis, refuses AUTH (WRONGPASS), wants one (NOAUTH) or does not PONG.
Attempt probe_redis(const CheckSpec& spec);

// The role and connected_slaves fields of an INFO replication answer.
RedisFacts redis_facts_of_info(const std::string& info);

}  // namespace readygate::healthcheck
