// The lexers of source_layout.hpp for languages with # comments (shell, YAML, TOML, INI, .env,
// Dockerfile, Terraform, Ruby) and for JSON.
#include <cctype>

#include "source_layout.hpp"

namespace readygate::scan {
namespace {

// Where a quote may open a string: at the start of a token, not inside a word (it's, don't).
bool opens_token(std::string_view text, std::size_t pos) {
  if (pos == 0) return true;
  const char before = text[pos - 1];
  return std::isspace(static_cast<unsigned char>(before)) || before == '=' || before == ':' || before == '(' ||
         before == '[' || before == '{' || before == ',' || before == '$';
}

// A quoted string from `pos`, ending with its line at the latest: in these languages a stray
// quote (an apostrophe in a comment-less line) then costs one line, never the rest of the file.
std::size_t quoted(std::string_view text, std::size_t pos, SourceLayout& out) {
  const char quote = text[pos];
  StringLiteral literal;
  literal.begin = pos;
  literal.content_begin = pos + 1;
  std::size_t i = pos + 1;
  literal.content_end = literal.end = text.size();
  while (i < text.size()) {
    const char c = text[i];
    if (c == '\\' && quote == '"') {
      i += 2;
      continue;
    }
    if (c == quote) {
      literal.content_end = i;
      literal.end = i + 1;
      break;
    }
    if (c == '\n') {
      literal.content_end = literal.end = i;
      break;
    }
    ++i;
  }
  if (literal.end > text.size()) literal.end = text.size();
  if (literal.content_end > literal.end) literal.content_end = literal.end;
  out.add_region(literal.content_begin, literal.content_end, TextKind::string);
  out.add_string(literal);
  return literal.end > pos ? literal.end : pos + 1;
}

}  // namespace

SourceLayout lex_hash_comments(std::string_view text, bool semicolon_comments) {
  SourceLayout out(true);
  bool line_start = true;  // only white space so far on this line
  std::size_t pos = 0;
  while (pos < text.size()) {
    const char c = text[pos];
    const bool after_space = pos == 0 || std::isspace(static_cast<unsigned char>(text[pos - 1]));
    if ((c == '#' && after_space) || (semicolon_comments && c == ';' && line_start)) {
      std::size_t end = text.find('\n', pos);
      if (end == std::string_view::npos) end = text.size();
      out.add_region(pos, end, TextKind::comment);
      pos = end;
    } else if ((c == '"' || c == '\'') && opens_token(text, pos)) {
      pos = quoted(text, pos, out);
      line_start = false;
    } else {
      if (c == '\n') {
        line_start = true;
      } else if (!std::isspace(static_cast<unsigned char>(c))) {
        line_start = false;
      }
      ++pos;
    }
  }
  out.finish();
  return out;
}

SourceLayout lex_json(std::string_view text) {
  SourceLayout out(true);
  std::size_t pos = 0;
  while (pos < text.size()) {
    pos = text[pos] == '"' ? quoted(text, pos, out) : pos + 1;
  }
  out.finish();
  return out;
}

}  // namespace readygate::scan
