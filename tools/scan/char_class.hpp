#pragma once
// Character classes for the lexers and parsers of the scanner, from a table: the hot loops
// ask about every byte of a file, and the C library's isalnum goes through the locale.
#include <array>
#include <cstdint>
#include <string_view>

namespace readygate::scan {

namespace char_class_detail {
constexpr std::uint8_t name_bit = 1, space_bit = 2, digit_bit = 4, alpha_bit = 8;
constexpr std::array<std::uint8_t, 256> table = [] {
  std::array<std::uint8_t, 256> t{};
  for (int c = 0; c < 256; ++c) {
    const bool digit = c >= '0' && c <= '9';
    const bool alpha = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    std::uint8_t bits = 0;
    if (digit || alpha || c == '_' || c == '$' || c >= 0x80) bits |= name_bit;
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') bits |= space_bit;
    if (digit) bits |= digit_bit;
    if (alpha) bits |= alpha_bit;
    t[static_cast<std::size_t>(c)] = bits;
  }
  return t;
}();
}  // namespace char_class_detail

// A letter, digit, '_', '$' or any byte of a multi-byte UTF-8 character: part of a name in
// every language the scanner lexes ('$' only in JavaScript, where it matters).
inline bool is_name_char(unsigned char c) { return char_class_detail::table[c] & char_class_detail::name_bit; }
inline bool is_space(unsigned char c) { return char_class_detail::table[c] & char_class_detail::space_bit; }
inline bool is_digit(unsigned char c) { return char_class_detail::table[c] & char_class_detail::digit_bit; }
inline bool is_alpha(unsigned char c) { return char_class_detail::table[c] & char_class_detail::alpha_bit; }

// `text` without the white space at either end.
inline std::string_view trim_space(std::string_view text) {
  while (!text.empty() && is_space(static_cast<unsigned char>(text.front()))) text.remove_prefix(1);
  while (!text.empty() && is_space(static_cast<unsigned char>(text.back()))) text.remove_suffix(1);
  return text;
}

}  // namespace readygate::scan
