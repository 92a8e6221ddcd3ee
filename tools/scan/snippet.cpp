#include "snippet.hpp"

#include <algorithm>
#include <cctype>

#include "common/redact.hpp"
#include "common/utf8.hpp"

namespace readygate::scan {
namespace {

bool is_space(char c) { return std::isspace(static_cast<unsigned char>(c)) != 0; }

void replace_all(std::string& text, std::string_view from, const std::string& to) {
  if (from.empty()) return;
  for (std::size_t at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size())) {
    text.replace(at, from.size(), to);
  }
}

}  // namespace

std::string make_snippet(std::string_view line, std::size_t match_offset,
                         const std::vector<std::string>& secrets) {
  std::string text(line);
  // Longest first, so that a secret containing another is redacted whole.
  std::vector<std::string> ordered = secrets;
  std::sort(ordered.begin(), ordered.end(), [](const auto& a, const auto& b) { return a.size() > b.size(); });
  for (const auto& secret : ordered) {
    const std::size_t first = text.find(secret);
    if (first != std::string::npos && first < match_offset) {
      // Keep the match position pointing at the same place after the text shrinks.
      const std::size_t shrink = secret.size() - std::min(secret.size(), redact_secret(secret).size());
      match_offset = match_offset > shrink ? match_offset - shrink : 0;
    }
    replace_all(text, secret, redact_secret(secret));
  }
  std::size_t begin = 0, end = text.size();
  while (begin < end && is_space(text[begin])) ++begin;
  while (end > begin && is_space(text[end - 1])) --end;
  std::string_view trimmed = std::string_view(text).substr(begin, end - begin);
  std::string prefix, suffix;
  if (trimmed.size() > max_snippet_bytes) {
    const std::size_t at = match_offset > begin ? match_offset - begin : 0;
    std::size_t start = at > 60 ? at - 60 : 0;
    while (start > 0 && (static_cast<unsigned char>(trimmed[start]) & 0xC0) == 0x80) --start;
    if (start > 0) prefix = "…";
    const std::string_view window = truncate_utf8(trimmed.substr(start), max_snippet_bytes);
    if (start + window.size() < trimmed.size()) suffix = "…";
    trimmed = window;
  }
  return prefix + repair_utf8(trimmed) + suffix;
}

std::string normalize_line(std::string_view line) {
  std::string out;
  out.reserve(line.size());
  bool space = false;
  for (const char c : line) {
    if (is_space(c)) {
      space = true;
      continue;
    }
    if (space && !out.empty()) out += ' ';
    space = false;
    out += c;
  }
  return out;
}

}  // namespace readygate::scan
