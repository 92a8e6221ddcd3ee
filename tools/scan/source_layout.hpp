#pragma once
// What kind of text each byte of a file is — code, comment, string literal or docstring — and
// which lines continue a statement, from one pass of a small lexer per language family:
//   python                      # comments; '…' "…" '''…''' """…""" with r/b/u/f prefixes;
//                               f-strings' {…} parts are code; a statement that is only a
//                               string (a docstring, or documentation in a bare string) is
//                               docstring
//   javascript, typescript      // and /* */ comments; '…' "…"; `…` with ${…} as code; regex
//                               literals (as string); JSX text between tags (as string) in
//                               .jsx and .tsx files, and .js files that mention React
//   go, java, csharp, php       // and /* */ comments; '…' "…" `…`
//   shell, yaml, toml, ini, env, dockerfile, terraform, ruby
//                               # comments (at the start of a line or after white space;
//                               ; too in ini), '…' "…"
//   json                        "…" strings
//   anything else               all code
// String delimiters (prefix and quotes) are code, their contents string: a rule that matches
// `"SELECT …` starts in code when the literal is in code, and inside a docstring or a comment
// when it is quoted there. Comment markers are part of the comment.
//
// Linear time and flat memory for any input: nesting (f-strings in f-strings, templates in
// templates) is followed to a fixed depth, past which the rest is string.
#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

namespace readygate::scan {

enum class TextKind : std::uint8_t { code, comment, string, docstring };

// "code", "comment", "string", "docstring".
std::string_view to_string(TextKind kind);

// One string literal as written: [begin, end) with prefix and quotes, [content_begin,
// content_end) between the quotes.
struct StringLiteral {
  std::size_t begin = 0, end = 0, content_begin = 0, content_end = 0;
  bool interpolated = false;  // an f-string or template literal with at least one {…} / ${…}
  bool docstring = false;
  bool template_literal = false;  // JavaScript `…`
};

struct Region {
  std::size_t begin = 0, end = 0;
  TextKind kind = TextKind::code;
};

class SourceLayout {
 public:
  SourceLayout() = default;  // all code, no literals: a language without a lexer
  explicit SourceLayout(bool lexed) : m_lexed(lexed) {}

  // A lexer made this layout (so what is not code is known).
  bool lexed() const { return m_lexed; }

  TextKind kind_at(std::size_t offset) const;
  const std::vector<Region>& regions() const { return m_regions; }         // not code, sorted, disjoint
  const std::vector<StringLiteral>& strings() const { return m_strings; }  // in order of `begin`
  // 1-based first and last lines of the statement that holds 1-based `line`: a Python logical
  // line, or a JavaScript expression over several lines inside ( or [.
  std::size_t statement_first_line(std::size_t line) const;
  std::size_t statement_last_line(std::size_t line) const;

  // For the lexers.
  void add_region(std::size_t begin, std::size_t end, TextKind kind);
  void add_string(const StringLiteral& literal) { m_strings.push_back(literal); }
  std::vector<StringLiteral>& strings_to_edit() { return m_strings; }
  std::vector<Region>& regions_to_edit() { return m_regions; }
  void continue_line(std::size_t line);  // 1-based `line` continues the statement of line - 1
  void finish();                         // sorts what the lexer added out of order

  // A point to come back to when a lexer's guess (JSX) turns out wrong: everything added
  // after it is undone by rewind, in time proportional to what was added.
  struct Mark {
    std::size_t regions = 0, strings = 0, last_region_end = 0, line = 0;
  };
  Mark mark(std::size_t line) const;
  void rewind(const Mark& mark, std::size_t line_now);

 private:
  bool m_lexed = false;
  std::vector<Region> m_regions;
  std::vector<StringLiteral> m_strings;
  std::vector<bool> m_continues;  // by 1-based line
};

// The layout of `text`, the content of the file reported as `path` (its language and, for
// JSX, its extension, choose the lexer).
SourceLayout lay_out(std::string_view path, std::string_view text);

// The lexers, one per family (lex_python.cpp, lex_javascript.cpp, lex_hash.cpp).
SourceLayout lex_python(std::string_view text);
SourceLayout lex_javascript(std::string_view text, bool jsx, bool regex_literals);
SourceLayout lex_hash_comments(std::string_view text, bool semicolon_comments);
SourceLayout lex_json(std::string_view text);

}  // namespace readygate::scan
