#include "decimal.hpp"

#include <cerrno>
#include <cstdlib>
#include <string>

namespace readygate {
namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }

// Past the digits that start at `at`.
std::size_t skip_digits(std::string_view text, std::size_t at) {
  while (at < text.size() && is_digit(text[at])) ++at;
  return at;
}

}  // namespace

std::optional<DecimalPrefix> read_decimal_prefix(std::string_view text) {
  std::size_t end = (!text.empty() && text.front() == '-') ? 1 : 0;
  const std::size_t integer_start = end;
  end = skip_digits(text, end);
  std::size_t digits = end - integer_start;
  if (end < text.size() && text[end] == '.') {
    const std::size_t fraction_start = end + 1;
    end = skip_digits(text, fraction_start);
    digits += end - fraction_start;
  }
  if (digits == 0) return std::nullopt;
  if (end < text.size() && (text[end] == 'e' || text[end] == 'E')) {
    std::size_t exponent_start = end + 1;
    if (exponent_start < text.size() && (text[exponent_start] == '+' || text[exponent_start] == '-')) ++exponent_start;
    const std::size_t exponent_end = skip_digits(text, exponent_start);
    if (exponent_end > exponent_start) end = exponent_end;  // "1e" is 1 followed by "e"
  }
  // strtod reads exactly this grammar, given its terminating NUL. The programs never call
  // setlocale, so its point is '.'; under a locale whose point is not, it stops short: no number.
  const std::string number(text.substr(0, end));
  char* number_end = nullptr;
  errno = 0;
  const double value = std::strtod(number.c_str(), &number_end);
  if (errno == ERANGE || number_end != number.c_str() + number.size()) return std::nullopt;
  return DecimalPrefix{value, end};
}

}  // namespace readygate
