#include "common/envelope.hpp"

#include <doctest/doctest.h>

#include <fstream>
#include <iterator>

#include "common/error.hpp"
#include "common/output.hpp"
#include "temp_dir.hpp"

using namespace readygate;

TEST_CASE("an envelope carries the fields of DESIGN.md") {
  RunInfo run;
  run.args = {"src/"};
  const json e = make_envelope("scan", run, "src/");
  CHECK(e["readygate"] == 1);
  CHECK(e["tool"] == "scan");
  CHECK(e["target"] == "src/");
  CHECK(e["run"]["args"] == json::array({"src/"}));
  CHECK(e["run"]["started"].get<std::string>().size() == 20);
  CHECK(e["run"]["duration_ms"].is_number_integer());
  CHECK(e["checks"].is_array());
  CHECK(e["findings"].is_array());
  CHECK(e["summary"].is_object());
  CHECK(e["metrics"].is_object());
  CHECK_NOTHROW(validate_envelope(e, "x"));
}

TEST_CASE("times are UTC in ISO 8601") {
  CHECK(format_utc(std::chrono::system_clock::time_point{}) == "1970-01-01T00:00:00Z");
}

TEST_CASE("checks write only the fields they have") {
  Check check{"bench.p95", "P95 latency", CheckStatus::pass, "10.3 ms < 100 ms", 10.3, 100.0, "<", "ms"};
  const json j = to_json(check);
  CHECK(j["value"] == 10.3);
  CHECK(j["op"] == "<");
  const json bare = to_json(Check{"x", "X", CheckStatus::skip, "no data", std::nullopt, std::nullopt, "", ""});
  CHECK_FALSE(bare.contains("value"));
  CHECK_FALSE(bare.contains("unit"));
}

TEST_CASE("envelopes of other versions or shapes are rejected") {
  CHECK_THROWS_AS(validate_envelope(json::array(), "a"), Error);
  CHECK_THROWS_AS(validate_envelope(json{{"tool", "scan"}}, "a"), Error);
  CHECK_THROWS_AS(validate_envelope(json{{"readygate", 2}, {"tool", "scan"}}, "a"), Error);
  CHECK_THROWS_AS(validate_envelope(json{{"readygate", 1}}, "a"), Error);
}

TEST_CASE("output is one compact line, or indented with --pretty, and never throws on bad UTF-8") {
  const json doc{{"b", "x\xff"}, {"a", 1}};
  CHECK(dump_json(doc, false) == "{\"a\":1,\"b\":\"x\xEF\xBF\xBD\"}");
  CHECK(dump_json(doc, true).find("\n  \"a\": 1") != std::string::npos);
  test::TempDir dir;
  const auto path = dir.path() / "out.json";
  write_json_output(doc, path.string(), false);
  CHECK(std::filesystem::file_size(path) == dump_json(doc, false).size() + 1);
  try {
    write_json_output(doc, (dir.path() / "no/such/dir/out.json").string(), false);
    FAIL("no error");
  } catch (const Error& e) {
    CHECK(e.code() == ExitCode::runtime);
  }
}

TEST_CASE("a streamed array gives the same bytes as the whole document") {
  test::TempDir dir;
  json items = json::array();
  for (int i = 0; i < 5; ++i) items.push_back({{"n", i}, {"nested", {{"a", json::array({1, 2})}, {"s", "x\ny"}}}});
  json whole{{"a", 1}, {"items", items}, {"z", {{"k", "v"}}}};
  json shell = whole;
  shell["items"] = json::array();
  for (const bool pretty : {false, true}) {
    const auto expected = dir.path() / "expected.json";
    const auto streamed = dir.path() / "streamed.json";
    write_json_output(whole, expected.string(), pretty);
    write_json_output(
        shell, "items", items.size(), [&](std::size_t i) { return items[i]; }, streamed.string(), pretty);
    std::ifstream a(expected), b(streamed);
    const std::string text_a{std::istreambuf_iterator<char>(a), {}}, text_b{std::istreambuf_iterator<char>(b), {}};
    CHECK(text_a == text_b);
  }
}
