#include <doctest/doctest.h>

#include "common/error.hpp"
#include "common/units.hpp"

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
