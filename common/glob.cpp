#include "glob.hpp"

#include <cstdint>
#include <map>
#include <string>

namespace readygate {
namespace {

using Kind = Glob::Token::Kind;

bool in_set(const Glob::Token& token, char c) {
  if (c == '/') return false;
  bool matched = false;
  const std::string& s = token.chars;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (i + 2 < s.size() && s[i + 1] == '-') {
      if (s[i] <= c && c <= s[i + 2]) matched = true;
      i += 2;
    } else if (s[i] == c) {
      matched = true;
    }
  }
  return matched != token.negate;
}

// The length of a [...] class at the start of `pattern` (brackets included), or 0 when it is
// unterminated (then '[' is a literal). A ']' right after the opening (or after ! or ^) is a
// member, as in POSIX.
std::size_t class_length(std::string_view pattern, Glob::Token& token) {
  std::size_t i = 1;
  if (i < pattern.size() && (pattern[i] == '!' || pattern[i] == '^')) {
    token.negate = true;
    ++i;
  }
  const std::size_t body = i;
  for (bool first = true; i < pattern.size(); ++i, first = false) {
    if (pattern[i] == ']' && !first) {
      token.chars = std::string(pattern.substr(body, i - body));
      return i + 1;
    }
    if (i + 2 < pattern.size() && pattern[i + 1] == '-' && pattern[i + 2] != ']') i += 2;
  }
  return 0;
}

}  // namespace

Glob::Glob(std::string_view pattern) {
  while (!pattern.empty()) {
    Token token;
    if (pattern.substr(0, 2) == "**") {
      const bool dirs = pattern.size() > 2 && pattern[2] == '/';
      token.kind = dirs ? Kind::leading_dirs : Kind::any_run;
      pattern.remove_prefix(dirs ? 3 : 2);
      // "**/**/" is "**/" once: repeating it adds states, never meaning.
      if (!m_tokens.empty() && m_tokens.back().kind == token.kind) continue;
    } else if (pattern.front() == '*') {
      token.kind = Kind::star;
      pattern.remove_prefix(1);
      if (!m_tokens.empty() && m_tokens.back().kind == Kind::star) continue;
    } else if (pattern.front() == '?') {
      token.kind = Kind::one;
      pattern.remove_prefix(1);
    } else if (pattern.front() == '[') {
      const std::size_t length = class_length(pattern, token);
      if (length == 0) {
        token = Token{};
        token.c = '[';
        pattern.remove_prefix(1);
      } else {
        token.kind = Kind::set;
        pattern.remove_prefix(length);
      }
    } else if (pattern.front() == '\\' && pattern.size() > 1) {
      token.c = pattern[1];
      pattern.remove_prefix(2);
    } else {
      token.c = pattern.front();
      pattern.remove_prefix(1);
    }
    m_tokens.push_back(std::move(token));
  }
  // The shapes matched without the automaton.
  const auto literal_from = [&](std::size_t first) {
    std::string s;
    for (std::size_t i = first; i < m_tokens.size(); ++i) {
      if (m_tokens[i].kind != Kind::literal) return false;
      s += m_tokens[i].c;
    }
    m_literal = std::move(s);
    return true;
  };
  if (!m_tokens.empty() && literal_from(0)) {
    m_kind = Shape::literal;
  } else if (!m_tokens.empty() && m_tokens[0].kind == Kind::star && literal_from(1)) {
    m_kind = Shape::suffix;
  }
}

// State i: the first i tokens are matched. A "**/" token at i has a second state, "inside it":
// a run of characters has started that must end with '/'. States live in one vector: entry
// states at 2i, inside states at 2i+1.
bool Glob::run(std::string_view text, bool at_slashes) const {
  const std::size_t n = m_tokens.size();
  thread_local std::vector<std::uint8_t> current, next;  // reused: matching allocates nothing
  current.assign(2 * n + 2, 0);
  next.assign(2 * n + 2, 0);
  const auto close = [&](std::vector<std::uint8_t>& states) {
    // Tokens that may match nothing lead on to the next token at once.
    for (std::size_t i = 0; i < n; ++i) {
      const Kind kind = m_tokens[i].kind;
      if (states[2 * i] && (kind == Kind::star || kind == Kind::any_run || kind == Kind::leading_dirs))
        states[2 * (i + 1)] = 1;
    }
  };
  current[0] = 1;
  close(current);
  for (std::size_t at = 0; at < text.size(); ++at) {
    const char c = text[at];
    if (at_slashes && c == '/' && current[2 * n]) return true;
    std::fill(next.begin(), next.end(), 0);
    bool alive = false;
    for (std::size_t i = 0; i < n; ++i) {
      const Token& token = m_tokens[i];
      const bool entry = current[2 * i] != 0;
      const bool inside = current[2 * i + 1] != 0;
      if (!entry && !inside) continue;
      switch (token.kind) {
        case Kind::literal:
          if (c == token.c) next[2 * (i + 1)] = 1;
          break;
        case Kind::one:
          if (c != '/') next[2 * (i + 1)] = 1;
          break;
        case Kind::set:
          if (in_set(token, c)) next[2 * (i + 1)] = 1;
          break;
        case Kind::star:
          if (c != '/') next[2 * i] = 1;
          break;
        case Kind::any_run:
          next[2 * i] = 1;
          break;
        case Kind::leading_dirs:
          next[2 * i + 1] = 1;
          if (c == '/') next[2 * (i + 1)] = 1;
          break;
      }
    }
    close(next);
    for (const std::uint8_t s : next) alive = alive || s;
    if (!alive) return false;
    current.swap(next);
  }
  return current[2 * n] != 0;
}

bool Glob::matches(std::string_view text) const {
  // Most patterns are a name (node_modules) or *suffix (*.min.js): no automaton needed.
  if (m_kind == Shape::literal) return text == m_literal;
  if (m_kind == Shape::suffix) {
    // The star takes what comes before the suffix, and a star never takes a '/'.
    return text.size() >= m_literal.size() &&
           text.compare(text.size() - m_literal.size(), m_literal.size(), m_literal) == 0 &&
           text.substr(0, text.size() - m_literal.size()).find('/') == std::string_view::npos;
  }
  return run(text, false);
}

bool Glob::matches_path_or_parent(std::string_view text) const { return run(text, true); }

namespace {

// Patterns repeat (the same excludes for every file): compile each once per thread. Looked
// up by string_view (std::less<>), so a hit allocates nothing. An ordered map, as libstdc++
// before GCC 11 (Debian 11's GCC 10, where the release is built) has no unordered_map::find
// by another type; a handful of patterns make a shallow tree.
const Glob& compiled(std::string_view pattern) {
  thread_local std::map<std::string, Glob, std::less<>> cache;
  auto it = cache.find(pattern);
  if (it == cache.end()) {
    if (cache.size() > 4096) cache.clear();  // a bound, whatever the patterns
    it = cache.emplace(std::string(pattern), Glob(pattern)).first;
  }
  return it->second;
}

}  // namespace

bool glob_match(std::string_view pattern, std::string_view text) { return compiled(pattern).matches(text); }

bool path_matches(std::string_view pattern, std::string_view relative_path) {
  if (!pattern.empty() && pattern.front() == '/') pattern.remove_prefix(1);
  if (!pattern.empty() && pattern.back() == '/') pattern.remove_suffix(1);
  const Glob& glob = compiled(pattern);
  if (pattern.find('/') != std::string_view::npos) return glob.matches_path_or_parent(relative_path);
  std::size_t start = 0;
  while (true) {
    const std::size_t slash = relative_path.find('/', start);
    const std::size_t end = slash == std::string_view::npos ? relative_path.size() : slash;
    if (glob.matches(relative_path.substr(start, end - start))) return true;
    if (slash == std::string_view::npos) return false;
    start = slash + 1;
  }
}

bool file_matches(std::string_view pattern, std::string_view relative_path) {
  if (!pattern.empty() && pattern.front() == '/') pattern.remove_prefix(1);
  const Glob& glob = compiled(pattern);
  if (pattern.find('/') != std::string_view::npos) return glob.matches(relative_path);
  const std::size_t slash = relative_path.rfind('/');
  return glob.matches(slash == std::string_view::npos ? relative_path : relative_path.substr(slash + 1));
}

}  // namespace readygate
