// glob: the input is a pattern and a path, split at the first NUL (or else newline). Glob,
// glob_match, path_matches and file_matches run on them, and Glob's automaton is checked
// against a plain dynamic-programming matcher of the same syntax (glob.hpp) on small inputs.
#include "common/glob.hpp"

#include <string>
#include <vector>

#include "fuzz_support.hpp"

using namespace readygate;

namespace {

// The reference: the pattern's tokens as glob.hpp defines them.
struct Token {
  enum class Kind { literal, one, set, star, any_run, leading_dirs } kind = Kind::literal;
  char c = 0;
  std::string chars;
  bool negate = false;
};

std::vector<Token> tokens_of(std::string_view p) {
  std::vector<Token> tokens;
  std::size_t i = 0;
  while (i < p.size()) {
    Token t;
    if (p.compare(i, 2, "**") == 0) {
      const bool dirs = i + 2 < p.size() && p[i + 2] == '/';
      t.kind = dirs ? Token::Kind::leading_dirs : Token::Kind::any_run;
      i += dirs ? 3 : 2;
    } else if (p[i] == '*') {
      t.kind = Token::Kind::star;
      ++i;
    } else if (p[i] == '?') {
      t.kind = Token::Kind::one;
      ++i;
    } else if (p[i] == '[') {
      // [!…] or [^…] negates; a ']' first is a member; "a-z" is a range unless it ends in ']'.
      std::size_t j = i + 1;
      if (j < p.size() && (p[j] == '!' || p[j] == '^')) {
        t.negate = true;
        ++j;
      }
      const std::size_t body = j;
      std::size_t close = std::string_view::npos;
      for (bool first = true; j < p.size(); ++j, first = false) {
        if (p[j] == ']' && !first) {
          close = j;
          break;
        }
        if (j + 2 < p.size() && p[j + 1] == '-' && p[j + 2] != ']') j += 2;
      }
      if (close == std::string_view::npos) {
        t = Token{};
        t.c = '[';
        ++i;
      } else {
        t.kind = Token::Kind::set;
        t.chars = std::string(p.substr(body, close - body));
        i = close + 1;
      }
    } else if (p[i] == '\\' && i + 1 < p.size()) {
      t.c = p[i + 1];
      i += 2;
    } else {
      t.c = p[i];
      ++i;
    }
    tokens.push_back(std::move(t));
  }
  return tokens;
}

bool in_set(const Token& t, char c) {
  if (c == '/') return false;
  bool matched = false;
  for (std::size_t i = 0; i < t.chars.size(); ++i) {
    if (i + 2 < t.chars.size() && t.chars[i + 1] == '-') {
      if (t.chars[i] <= c && c <= t.chars[i + 2]) matched = true;
      i += 2;
    } else if (t.chars[i] == c) {
      matched = true;
    }
  }
  return matched != t.negate;
}

// match[k][pos]: tokens k.. match text[pos..]. Backwards over both, no automaton.
bool reference_match(const std::vector<Token>& tokens, std::string_view text) {
  const std::size_t n = tokens.size(), len = text.size();
  std::vector<std::vector<char>> match(n + 1, std::vector<char>(len + 1, 0));
  match[n][len] = 1;
  for (std::size_t k = n; k-- > 0;) {
    const Token& t = tokens[k];
    bool inside = false;  // leading_dirs: a run from pos that ends with '/' and then matches on
    for (std::size_t pos = len + 1; pos-- > 0;) {
      const bool more = pos < len;
      const char c = more ? text[pos] : '\0';
      bool m = false;
      switch (t.kind) {
        case Token::Kind::literal:
          m = more && c == t.c && match[k + 1][pos + 1];
          break;
        case Token::Kind::one:
          m = more && c != '/' && match[k + 1][pos + 1];
          break;
        case Token::Kind::set:
          m = more && in_set(t, c) && match[k + 1][pos + 1];
          break;
        case Token::Kind::star:
          m = match[k + 1][pos] || (more && c != '/' && match[k][pos + 1]);
          break;
        case Token::Kind::any_run:
          m = match[k + 1][pos] || (more && match[k][pos + 1]);
          break;
        case Token::Kind::leading_dirs:
          inside = more && ((c == '/' && match[k + 1][pos + 1]) || inside);
          m = match[k + 1][pos] || inside;
          break;
      }
      match[k][pos] = m;
    }
  }
  return match[0][0] != 0;
}

bool reference_path_or_parent(const std::vector<Token>& tokens, std::string_view text) {
  if (reference_match(tokens, text)) return true;
  for (std::size_t at = 0; at < text.size(); ++at) {
    if (text[at] == '/' && reference_match(tokens, text.substr(0, at))) return true;
  }
  return false;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view input = fuzz::text_of(data, size);
  std::size_t split = input.find('\0');
  if (split == std::string_view::npos) split = input.find('\n');
  const std::string_view pattern = input.substr(0, split);
  const std::string_view path = split == std::string_view::npos ? std::string_view() : input.substr(split + 1);

  const Glob glob(pattern);
  const bool whole = glob.matches(path);
  const bool or_parent = glob.matches_path_or_parent(path);
  FUZZ_CHECK(glob_match(pattern, path) == whole);
  FUZZ_CHECK(!whole || or_parent);
  (void)path_matches(pattern, path);
  (void)file_matches(pattern, path);

  const std::vector<Token> tokens = tokens_of(pattern);
  if (tokens.size() * (path.size() + 1) <= 1u << 16) {
    FUZZ_CHECK(reference_match(tokens, path) == whole);
    if (path.size() <= 64) FUZZ_CHECK(reference_path_or_parent(tokens, path) == or_parent);
  }
  return 0;
}
