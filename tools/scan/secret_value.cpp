#include "secret_value.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <cmath>
#include <string>

namespace readygate::scan {

double shannon_entropy(std::string_view text) {
  if (text.empty()) return 0.0;
  std::array<std::size_t, 256> counts{};
  for (const char c : text) ++counts[static_cast<unsigned char>(c)];  // the byte, 0-255
  double entropy = 0.0;
  const double n = static_cast<double>(text.size());
  for (const std::size_t count : counts) {
    if (count == 0) continue;
    const double p = static_cast<double>(count) / n;
    entropy -= p * std::log2(p);
  }
  return entropy;
}

bool is_placeholder(std::string_view value) {
  if (value.empty()) return true;
  std::string lower(value);
  std::transform(lower.begin(), lower.end(), lower.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  // Template and variable syntax: the real value comes from somewhere else — but only when the
  // value is nothing but the reference ("${DB_PASSWORD}", "{{ vault_token }}"): text around it
  // ("prefix-${X}-Zq8vLk2m") may be the secret itself.
  struct Mark {
    std::string_view open, close;
  };
  static constexpr std::array<Mark, 6> template_marks{
      {{"${", "}"}, {"{{", "}}"}, {"%(", ")s"}, {"$(", ")"}, {"#{", "}"}, {"<%", "%>"}}};
  for (const auto& mark : template_marks) {
    if (!lower.starts_with(mark.open)) continue;
    const std::size_t close = lower.find(mark.close, mark.open.size());
    // Closed at the very end, or not closed at all (the value was cut at a space inside it).
    if (close == std::string::npos || close == lower.size() - mark.close.size()) return true;
  }
  if (lower.front() == '<' && lower.back() == '>') return true;
  if (lower.front() == '{' && lower.back() == '}') return true;  // str.format / f-string field
  if (lower.front() == '$' && lower.size() > 1 &&
      (std::isalpha(static_cast<unsigned char>(lower[1])) || lower[1] == '_')) {
    return true;
  }
  static constexpr std::array<std::string_view, 17> words{
      "changeme", "change_me", "change-me", "example", "placeholder", "your_",   "your-", "yourpass", "dummy",
      "redacted", "xxxx",      "****",      "....",    "replace_",    "insert_", "fake",  "sample"};
  for (const auto word : words) {
    if (lower.find(word) != std::string::npos) return true;
  }
  static constexpr std::array<std::string_view, 9> exact{"password", "secret",    "none",  "null", "true",
                                                         "false",    "undefined", "token", "test"};
  if (std::find(exact.begin(), exact.end(), lower) != exact.end()) return true;
  return std::all_of(lower.begin(), lower.end(), [&](char c) { return c == lower.front(); });
}

}  // namespace readygate::scan
