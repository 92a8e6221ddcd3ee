#include "snippet.hpp"

#include <algorithm>
#include <cctype>

#include "common/redact.hpp"
#include "common/utf8.hpp"

namespace readygate::scan {
namespace {

bool is_space(char c) { return std::isspace(static_cast<unsigned char>(c)) != 0; }

// Replaces every occurrence, keeping `offset` on the same character: every occurrence before
// it moves it by the difference in length (one that holds it moves it to its start).
void replace_all(std::string& text, std::string_view from, const std::string& to, std::size_t& offset) {
  if (from.empty()) return;
  for (std::size_t at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size())) {
    if (at + from.size() <= offset) {
      offset = offset - from.size() + to.size();
    } else if (at < offset) {
      offset = at;
    }
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
  for (const auto& secret : ordered) replace_all(text, secret, redact_secret(secret), match_offset);
  // Valid UTF-8 before the window is cut, so that repairing never lengthens the window.
  text = repair_utf8(text);
  match_offset = std::min(match_offset, text.size());
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
  return prefix + std::string(trimmed) + suffix;
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
