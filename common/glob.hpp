#pragma once
// Gitignore-flavoured globs for --include/--exclude and rule path filters.
//   *      any run of characters within one path component
//   ?      one character other than '/'
//   [a-z]  a class ([!…] or [^…] negates)
//   **     any run of characters, '/' included ("**/" also matches nothing)
// Paths are relative and '/'-separated.
//
// Matching simulates the pattern as a small automaton over the text: time is linear in the
// text for any pattern (length of text x tokens of pattern at worst), so no pattern a user or
// a rules file writes can make matching exponential.
#include <string>
#include <string_view>
#include <vector>

namespace readygate {

class Glob {
 public:
  explicit Glob(std::string_view pattern);

  // The whole of `text`.
  bool matches(std::string_view text) const;
  // The whole of `text`, or any leading part of it that ends just before a '/'.
  bool matches_path_or_parent(std::string_view text) const;

  struct Token {
    enum class Kind { literal, one, set, star, any_run, leading_dirs } kind = Kind::literal;
    char c = 0;           // literal
    std::string chars;    // set: the class's body without brackets, after a leading ! or ^
    bool negate = false;  // set
  };

 private:
  enum class Shape { automaton, literal, suffix };
  bool run(std::string_view text, bool at_slashes) const;
  std::vector<Token> m_tokens;
  Shape m_kind = Shape::automaton;
  std::string m_literal;  // Shape::literal: the name; Shape::suffix: what follows the star
};

// `pattern` against the whole of `text`.
bool glob_match(std::string_view pattern, std::string_view text);

// Exclusion semantics: a pattern without '/' matches any single component (a directory or the
// file name: `node_modules`, `*.min.js`); a pattern with '/' matches the path or one of its
// leading directories (`src/vendor` excludes everything below it). A leading '/' is ignored.
bool path_matches(std::string_view pattern, std::string_view relative_path);

// Inclusion semantics: a pattern without '/' matches the file name; with '/', the whole path.
bool file_matches(std::string_view pattern, std::string_view relative_path);

}  // namespace readygate
