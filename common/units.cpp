#include "units.hpp"

#include <cctype>
#include <cmath>
#include <limits>
#include <optional>

#include "decimal.hpp"
#include "error.hpp"

namespace readygate {

std::uint64_t parse_byte_size(const std::string& flag, const std::string& text) {
  std::size_t pos = 0;
  std::uint64_t value = 0;
  while (pos < text.size() && std::isdigit(static_cast<unsigned char>(text[pos]))) {
    const std::uint64_t digit = static_cast<std::uint64_t>(text[pos++] - '0');
    if (value > (std::numeric_limits<std::uint64_t>::max() - digit) / 10) pos = text.size() + 1;
    value = value * 10 + digit;
  }
  std::string unit;
  for (std::size_t i = pos; i < text.size(); ++i)
    unit += static_cast<char>(std::toupper(static_cast<unsigned char>(text[i])));
  std::uint64_t scale = 0;
  if (unit.empty() || unit == "B")
    scale = 1;
  else if (unit == "K" || unit == "KB" || unit == "KIB")
    scale = 1ULL << 10;
  else if (unit == "M" || unit == "MB" || unit == "MIB")
    scale = 1ULL << 20;
  else if (unit == "G" || unit == "GB" || unit == "GIB")
    scale = 1ULL << 30;
  if (pos == 0 || pos > text.size() || scale == 0 || value > std::numeric_limits<std::uint64_t>::max() / scale) {
    throw_input_error(flag + ": expected a size such as 5M, 512K or 1048576, got '" + text + "'");
  }
  return value * scale;
}

std::chrono::milliseconds parse_duration(const std::string& flag, const std::string& text) {
  const std::optional<DecimalPrefix> number = read_decimal_prefix(text);
  const std::string unit = text.substr(number ? number->length : 0);
  double scale = 0;
  if (unit == "ms")
    scale = 1;
  else if (unit == "s" || unit.empty())
    scale = 1000;
  else if (unit == "m")
    scale = 60'000;
  else if (unit == "h")
    scale = 3'600'000;
  if (!number || scale == 0 || !(number->value >= 0) || number->value * scale > 1e12) {
    throw_input_error(flag + ": expected a duration such as 250ms, 5s or 2m, got '" + text + "'");
  }
  return std::chrono::milliseconds(std::llround(number->value * scale));  // 0 <= value <= 1e12
}

}  // namespace readygate
