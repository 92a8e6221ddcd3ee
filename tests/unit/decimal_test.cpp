#include "common/decimal.hpp"

#include <doctest/doctest.h>

using namespace readygate;

namespace {

// The value and the length read, or {-1, 0} for no number.
DecimalPrefix read(std::string_view text) { return read_decimal_prefix(text).value_or(DecimalPrefix{-1, 0}); }

}  // namespace

TEST_CASE("a decimal number is read from the start of a text, up to what follows it") {
  CHECK(read("12").value == 12.0);
  CHECK(read("12").length == 2);
  CHECK(read("1.5s").value == 1.5);
  CHECK(read("1.5s").length == 3);
  CHECK(read("0.1%").value == doctest::Approx(0.1));
  CHECK(read("-0.25").value == -0.25);
  CHECK(read(".5").value == 0.5);
  CHECK(read("5.").length == 2);
  CHECK(read("1e3ms").value == 1000.0);
  CHECK(read("1e3ms").length == 3);
  CHECK(read("2E-2").value == doctest::Approx(0.02));
  CHECK(read("1e+2").value == 100.0);
  // An "e" without digits belongs to what follows.
  CHECK(read("1e").length == 1);
  CHECK(read("1e+x").length == 1);
}

TEST_CASE("no decimal number: nothing of it at the start, or out of a double's range") {
  for (const char* text : {"", "-", ".", "-.", "abc", " 1", "+1", "inf", "nan", "-inf", "1e999", "-1e999", "1e-999"}) {
    CAPTURE(text);
    CHECK_FALSE(read_decimal_prefix(text).has_value());
  }
  // Hexadecimal is not read: "0x10" is 0 followed by "x10".
  CHECK(read("0x10").value == 0.0);
  CHECK(read("0x10").length == 1);
}
