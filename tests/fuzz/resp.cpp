// resp: the RESP reader of the redis:// probe (tools/healthcheck/resp.hpp), on what a hostile
// server may send: every prefix of a complete reply is incomplete, a complete reply never takes
// more bytes than it was given nor breaks a limit, and the INFO and URL readers never crash.
#include "resp.hpp"

#include "fuzz_support.hpp"
#include "probe_redis.hpp"

using namespace readygate;
using namespace readygate::healthcheck;

namespace {

std::size_t items_of(const RespValue& root) {
  std::size_t count = 0;
  std::vector<const RespValue*> todo{&root};
  while (!todo.empty()) {
    const RespValue* v = todo.back();
    todo.pop_back();
    count += v->items.size();
    for (const auto& item : v->items) todo.push_back(&item);
  }
  return count;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text = fuzz::text_of(data, size);
  RespLimits limits;
  limits.max_bulk = 256;
  limits.max_items = 64;
  limits.max_depth = 4;
  limits.max_total = 2048;
  limits.max_line = 128;
  const RespParse p = parse_resp(text, limits);
  if (p.status == RespStatus::complete) {
    FUZZ_CHECK(p.consumed > 0 && p.consumed <= text.size() && p.consumed <= limits.max_total);
    FUZZ_CHECK(items_of(p.value) <= limits.max_items);
    // The same bytes read again give the same reply; any shorter prefix is incomplete.
    FUZZ_CHECK(parse_resp(text.substr(0, p.consumed), limits).consumed == p.consumed);
    if (p.consumed > 1) FUZZ_CHECK(parse_resp(text.substr(0, p.consumed - 1), limits).status == RespStatus::incomplete);
    if (p.value.type == RespValue::Type::bulk) (void)redis_facts_of_info(p.value.text);
  } else if (p.status == RespStatus::invalid) {
    FUZZ_CHECK(!p.error.empty());
  }
  (void)resp_excerpt(text);
  try {
    (void)parse_redis_url("redis://" + std::string(text.substr(0, 256)), "fuzz");
  } catch (const Error&) {
    // a refused URL: exit 2
  }
  return 0;
}
