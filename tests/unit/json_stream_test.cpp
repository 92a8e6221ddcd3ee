#include "common/json_stream.hpp"

#include <doctest/doctest.h>

#include "common/error.hpp"
#include "temp_dir.hpp"

using namespace readygate;

TEST_CASE("NDJSON, concatenated and pretty documents all read") {
  CHECK(parse_json_documents("{\"a\":1}\n{\"a\":2}\n", "x").size() == 2);
  CHECK(parse_json_documents("{\"a\":1}{\"a\":2} [3]", "x").size() == 3);
  CHECK(parse_json_documents("{\n  \"a\": {\n    \"b\": 1\n  }\n}\n\n{\"c\": 2}", "x").size() == 2);
  CHECK(parse_json_documents("  \n ", "x").empty());
  CHECK(parse_json_documents("1 2 3", "x").size() == 3);
}

TEST_CASE("malformed input names the source, line and column across documents") {
  try {
    parse_json_documents("{\"a\": 1}\n{\"b\": 2}\n{\"c\": tru}\n", "input.json");
    FAIL("no error");
  } catch (const Error& e) {
    CHECK(e.code() == ExitCode::usage);
    CHECK(std::string(e.what()).rfind("input.json:3:", 0) == 0);
  }
  try {
    parse_json_documents("{\"a\": [1, 2,\n", "cut.json");
    FAIL("no error");
  } catch (const Error& e) {
    CHECK(std::string(e.what()).find("cut.json:2:") == 0);
    CHECK(std::string(e.what()).find("malformed JSON") != std::string::npos);
  }
}

TEST_CASE("unreadable inputs are input errors") {
  test::TempDir dir;
  CHECK_THROWS_AS(read_input((dir.path() / "missing.json").string()), Error);
  CHECK_THROWS_AS(read_input(dir.path().string()), Error);
  const auto file = dir.write("ok.json", "{\"x\": 1}");
  CHECK(read_json_documents({file.string(), file.string()}).size() == 2);
}
