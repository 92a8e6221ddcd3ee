#pragma once
// Reading a decimal number ("12", "-0.5", "1.5e3") at the start of a text, with '.' as the
// point whatever the locale: what std::from_chars does for a double, which libstdc++ has only
// from GCC 11 (the release is built on Debian 11, whose GCC is 10).
#include <cstddef>
#include <optional>
#include <string_view>

namespace readygate {

struct DecimalPrefix {
  double value = 0;
  std::size_t length = 0;  // how many characters of the text the number took
};

// The longest start of `text` of the form -?D[.D][(e|E)[+|-]D], with digits on at least one side
// of the point ("5.", ".5"). nullopt when text starts with none, or when the number is beyond a
// double's range. No leading space, '+', hexadecimal, inf or nan: none is a number here.
std::optional<DecimalPrefix> read_decimal_prefix(std::string_view text);

}  // namespace readygate
