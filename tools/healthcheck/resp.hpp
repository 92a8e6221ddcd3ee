#pragma once
// A bounded reader of Redis's wire format, RESP2 (https://redis.io/docs/reference/protocol-spec/):
// "+OK\r\n", "-ERR why\r\n", ":42\r\n", "$5\r\nhello\r\n", "$-1\r\n", "*2\r\n…". What a server sends
// is untrusted: every reply is read against limits (bulk length, array items, nesting, total
// bytes), without recursion, and anything else — an HTTP answer, garbage — is refused with a
// reason, never an exception.
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace readygate::healthcheck {

struct RespValue {
  enum class Type { simple, error, integer, bulk, null, array };
  Type type = Type::null;
  std::string text;  // simple, error, bulk
  long long integer = 0;
  std::vector<RespValue> items;  // array
};

struct RespLimits {
  std::size_t max_line = 4096;       // a simple string, error or length line
  std::size_t max_bulk = 1 << 20;    // one bulk string's bytes
  std::size_t max_items = 1024;      // array items in one reply, all levels together
  std::size_t max_depth = 8;         // arrays within arrays
  std::size_t max_total = 2u << 20;  // one reply's bytes
};

enum class RespStatus { complete, incomplete, invalid };

struct RespParse {
  RespStatus status = RespStatus::incomplete;
  RespValue value;           // when complete
  std::size_t consumed = 0;  // bytes of the reply, when complete
  std::string error;         // why, when invalid
};

// Reads one reply from the start of `buffer`. incomplete: more bytes are needed (and may still
// make a valid reply within the limits); invalid: they never will.
RespParse parse_resp(std::string_view buffer, const RespLimits& limits = {});

// The first bytes of a non-RESP answer, printable, for a reason: "HTTP/1.1 400 Bad Request".
std::string resp_excerpt(std::string_view bytes, std::size_t max = 40);

}  // namespace readygate::healthcheck
