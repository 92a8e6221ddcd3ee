#include "common/units.hpp"

#include <doctest/doctest.h>

#include "common/error.hpp"

using namespace readygate;

TEST_CASE("byte sizes accept plain numbers and K/M/G suffixes") {
  CHECK(parse_byte_size("--x", "1048576") == 1048576);
  CHECK(parse_byte_size("--x", "512K") == 512 * 1024);
  CHECK(parse_byte_size("--x", "5M") == 5 * 1024 * 1024);
  CHECK(parse_byte_size("--x", "5mib") == 5 * 1024 * 1024);
  CHECK(parse_byte_size("--x", "1G") == 1024ULL * 1024 * 1024);
  for (const char* bad : {"", "M", "5X", "-5", "5.5M", "99999999999999999999", "18446744073709551615G"}) {
    CAPTURE(bad);
    CHECK_THROWS_AS(parse_byte_size("--x", bad), Error);
  }
}

TEST_CASE("durations take ms, s, m and h") {
  using std::chrono::milliseconds;
  CHECK(parse_duration("--d", "250ms") == milliseconds(250));
  CHECK(parse_duration("--d", "5s") == milliseconds(5000));
  CHECK(parse_duration("--d", "1.5s") == milliseconds(1500));
  CHECK(parse_duration("--d", "2m") == milliseconds(120000));
  CHECK(parse_duration("--d", "30") == milliseconds(30000));
  CHECK(parse_duration("--d", "2.5e2ms") == milliseconds(250));
  for (const char* bad : {"", "s", "5 s", "-1s", "5x", "fast", "1e13h", "nan", "infs", " 5s", "+5s", "0x10s"}) {
    CAPTURE(bad);
    CHECK_THROWS_AS(parse_duration("--d", bad), Error);
  }
}
