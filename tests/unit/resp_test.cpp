// The RESP reader (tools/healthcheck/resp.hpp) and the redis:// URL and INFO readers: every
// reply type, partial input, and the limits that refuse hostile input.
#include "resp.hpp"

#include <doctest/doctest.h>

#include "common/error.hpp"
#include "probe_redis.hpp"

using namespace readygate;
using namespace readygate::healthcheck;

TEST_CASE("resp: one reply of each type, and how many bytes it took") {
  auto p = parse_resp("+PONG\r\n+OK\r\n");
  REQUIRE(p.status == RespStatus::complete);
  CHECK(p.value.type == RespValue::Type::simple);
  CHECK(p.value.text == "PONG");
  CHECK(p.consumed == 7);
  p = parse_resp("-WRONGPASS invalid username-password pair\r\n");
  CHECK((p.status == RespStatus::complete && p.value.type == RespValue::Type::error));
  CHECK(p.value.text == "WRONGPASS invalid username-password pair");
  p = parse_resp(":-42\r\n");
  CHECK((p.value.type == RespValue::Type::integer && p.value.integer == -42));
  p = parse_resp("$11\r\nrole:master\r\n");
  CHECK((p.value.type == RespValue::Type::bulk && p.value.text == "role:master"));
  p = parse_resp("$0\r\n\r\n");
  CHECK((p.status == RespStatus::complete && p.value.text.empty()));
  p = parse_resp("$-1\r\n");
  CHECK(p.value.type == RespValue::Type::null);
  p = parse_resp("*3\r\n:1\r\n*1\r\n$1\r\nx\r\n+ok\r\n");
  REQUIRE(p.status == RespStatus::complete);
  REQUIRE(p.value.items.size() == 3);
  CHECK(p.value.items[1].items.at(0).text == "x");
  CHECK(p.value.items[2].text == "ok");
  CHECK(parse_resp("*0\r\n").value.items.empty());
}

TEST_CASE("resp: a reply cut anywhere is incomplete, never invalid") {
  const std::string whole = "*2\r\n$5\r\nhello\r\n:7\r\n";
  for (std::size_t n = 0; n < whole.size(); ++n) {
    CAPTURE(n);
    CHECK(parse_resp(whole.substr(0, n)).status == RespStatus::incomplete);
  }
  CHECK(parse_resp(whole).status == RespStatus::complete);
}

TEST_CASE("resp: garbage, an HTTP answer and the limits are refused with a reason") {
  auto p = parse_resp("HTTP/1.1 400 Bad Request\r\n");
  CHECK(p.status == RespStatus::invalid);
  CHECK(p.error == "not a RESP reply: it starts with \"HTTP/1.1 400 Bad Request\"");
  CHECK(parse_resp("H").status == RespStatus::invalid);  // no need to wait for more
  CHECK(parse_resp("\x01\x02garbage").status == RespStatus::invalid);
  CHECK(parse_resp(":12a\r\n").status == RespStatus::invalid);
  CHECK(parse_resp(":1234567890123456789\r\n").status == RespStatus::invalid);  // would overflow
  CHECK(parse_resp("$-2\r\n").status == RespStatus::invalid);
  CHECK(parse_resp("$3\r\nabcXY").status == RespStatus::invalid);  // no CRLF after the bulk
  RespLimits limits;
  limits.max_bulk = 10;
  CHECK(parse_resp("$11\r\n", limits).error == "a bulk string of 11 bytes");
  CHECK(parse_resp("$999999999999\r\n").status == RespStatus::invalid);
  CHECK(parse_resp("*100000\r\n").error == "more than 1024 array items");
  std::string deep;
  for (int i = 0; i < 9; ++i) deep += "*1\r\n";
  CHECK(parse_resp(deep).error == "arrays nested deeper than 8");
  CHECK(parse_resp("+" + std::string(5000, 'a')).error == "a line longer than 4096");
  limits = {};
  limits.max_total = 20;
  CHECK(parse_resp("*2\r\n$8\r\n12345678\r\n$8\r\n12345678\r\n", limits).status == RespStatus::invalid);
}

TEST_CASE("resp: deep nesting within the limit is read without recursion") {
  RespLimits limits;
  limits.max_depth = 1000;
  limits.max_items = 2000;
  std::string deep;
  for (int i = 0; i < 1000; ++i) deep += "*1\r\n";
  deep += ":1\r\n";
  const auto p = parse_resp(deep, limits);
  CHECK(p.status == RespStatus::complete);
}

TEST_CASE("redis url: host, port, credentials, database; refused forms are exit 2") {
  auto t = parse_redis_url("redis://127.0.0.1", "c");
  CHECK((t.host == "127.0.0.1" && t.port == "6379" && t.password.empty() && !t.db));
  t = parse_redis_url("redis://:s%40cret@cache:6380/3", "c");
  CHECK((t.host == "cache" && t.port == "6380" && t.user.empty() && t.password == "s@cret" && t.db == 3u));
  t = parse_redis_url("redis://app:pw@[::1]:7000", "c");
  CHECK((t.host == "::1" && t.port == "7000" && t.user == "app" && t.password == "pw"));
  for (const char* bad : {"rediss://h:6379", "redis://", "redis://h:0", "redis://h:99999", "redis://h/x",
                          "redis://user@h", "redis://h?db=1", "redis://:%zz@h", "redis://[::1"}) {
    CAPTURE(bad);
    CHECK_THROWS_AS(parse_redis_url(bad, "c"), Error);
  }
  try {
    parse_redis_url("redis://:hunter2secret@h/x", "c");
  } catch (const Error& e) {
    CHECK(std::string(e.what()).find("hunter2secret") == std::string::npos);
  }
}

TEST_CASE("redis INFO replication: the role and connected_slaves") {
  const auto facts =
      redis_facts_of_info("# Replication\r\nrole:master\r\nconnected_slaves:2\r\nmaster_repl_offset:0\r\n");
  CHECK(facts.role == "master");
  CHECK(facts.connected_slaves == 2L);
  const auto replica = redis_facts_of_info("# Replication\r\nrole:slave\r\nmaster_host:10.0.0.1\r\n");
  CHECK(replica.role == "slave");
  CHECK(!replica.connected_slaves);
  CHECK(redis_facts_of_info("garbage").role.empty());
}
