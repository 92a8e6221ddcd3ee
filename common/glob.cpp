#include "glob.hpp"

namespace readygate {
namespace {

// Matches one [...] class at the start of `pattern` against `c`; `consumed` is its length,
// or 0 when the class is unterminated (then '[' is a literal).
bool match_class(std::string_view pattern, char c, std::size_t& consumed) {
  std::size_t i = 1;
  bool negate = false;
  if (i < pattern.size() && (pattern[i] == '!' || pattern[i] == '^')) {
    negate = true;
    ++i;
  }
  bool matched = false;
  bool first = true;
  for (; i < pattern.size(); ++i) {
    if (pattern[i] == ']' && !first) {
      consumed = i + 1;
      return matched != negate && c != '/';
    }
    first = false;
    if (i + 2 < pattern.size() && pattern[i + 1] == '-' && pattern[i + 2] != ']') {
      if (pattern[i] <= c && c <= pattern[i + 2]) matched = true;
      i += 2;
    } else if (pattern[i] == c) {
      matched = true;
    }
  }
  consumed = 0;
  return false;
}

}  // namespace

bool glob_match(std::string_view pattern, std::string_view text) {
  while (!pattern.empty()) {
    if (pattern.substr(0, 2) == "**") {
      std::string_view rest = pattern.substr(2);
      if (!rest.empty() && rest.front() == '/') {
        // "**/" : zero or more whole leading components.
        rest.remove_prefix(1);
        if (glob_match(rest, text)) return true;
        for (std::size_t i = 0; i < text.size(); ++i) {
          if (text[i] == '/' && glob_match(rest, text.substr(i + 1))) return true;
        }
        return false;
      }
      for (std::size_t i = 0; i <= text.size(); ++i) {
        if (glob_match(rest, text.substr(i))) return true;
      }
      return false;
    }
    const char p = pattern.front();
    if (p == '*') {
      const std::string_view rest = pattern.substr(1);
      for (std::size_t i = 0; i <= text.size(); ++i) {
        if (glob_match(rest, text.substr(i))) return true;
        if (i < text.size() && text[i] == '/') break;
      }
      return false;
    }
    if (text.empty()) return false;
    const char c = text.front();
    if (p == '?') {
      if (c == '/') return false;
      pattern.remove_prefix(1);
    } else if (p == '[') {
      std::size_t consumed = 0;
      const bool matched = match_class(pattern, c, consumed);
      if (consumed == 0) {
        if (c != '[') return false;
        pattern.remove_prefix(1);
      } else {
        if (!matched) return false;
        pattern.remove_prefix(consumed);
      }
    } else if (p == '\\' && pattern.size() > 1) {
      if (pattern[1] != c) return false;
      pattern.remove_prefix(2);
    } else {
      if (p != c) return false;
      pattern.remove_prefix(1);
    }
    text.remove_prefix(1);
  }
  return text.empty();
}

bool path_matches(std::string_view pattern, std::string_view relative_path) {
  if (!pattern.empty() && pattern.front() == '/') pattern.remove_prefix(1);
  if (!pattern.empty() && pattern.back() == '/') pattern.remove_suffix(1);
  const bool anchored = pattern.find('/') != std::string_view::npos;
  std::size_t start = 0;
  while (true) {
    const std::size_t slash = relative_path.find('/', start);
    const std::size_t end = slash == std::string_view::npos ? relative_path.size() : slash;
    const std::string_view candidate = anchored ? relative_path.substr(0, end)
                                                : relative_path.substr(start, end - start);
    if (glob_match(pattern, candidate)) return true;
    if (slash == std::string_view::npos) return false;
    start = slash + 1;
  }
}

bool file_matches(std::string_view pattern, std::string_view relative_path) {
  if (!pattern.empty() && pattern.front() == '/') pattern.remove_prefix(1);
  if (pattern.find('/') != std::string_view::npos) return glob_match(pattern, relative_path);
  const std::size_t slash = relative_path.rfind('/');
  return glob_match(pattern,
                    slash == std::string_view::npos ? relative_path : relative_path.substr(slash + 1));
}

}  // namespace readygate
