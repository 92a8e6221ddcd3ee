#include "units.hpp"

#include <cctype>
#include <limits>

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
  for (std::size_t i = pos; i < text.size(); ++i) unit += static_cast<char>(std::toupper(static_cast<unsigned char>(text[i])));
  std::uint64_t scale = 0;
  if (unit.empty() || unit == "B") scale = 1;
  else if (unit == "K" || unit == "KB" || unit == "KIB") scale = 1ULL << 10;
  else if (unit == "M" || unit == "MB" || unit == "MIB") scale = 1ULL << 20;
  else if (unit == "G" || unit == "GB" || unit == "GIB") scale = 1ULL << 30;
  if (pos == 0 || pos > text.size() || scale == 0 || value > std::numeric_limits<std::uint64_t>::max() / scale) {
    throw_input_error(flag + ": expected a size such as 5M, 512K or 1048576, got '" + text + "'");
  }
  return value * scale;
}

}  // namespace readygate
