#include "block_context.hpp"

#include <algorithm>
#include <cctype>

#include "suppression.hpp"

namespace readygate::scan {
namespace {

bool matches(const RE2* regex, std::string_view text) {
  return regex && RE2::PartialMatch(re2::StringPiece(text.data(), text.size()), *regex);
}

bool counts_as_header(std::string_view text, const BlockContext& context) {
  return matches(context.header, text) && !matches(context.skip, text);
}

// Lines that say nothing about nesting: blank, comments, closers of multi-line brackets
// (a Python signature's "):", a JavaScript "});") and an opening brace alone on its line (it
// belongs to the header above it).
bool is_neutral(std::string_view line) {
  const std::size_t first = line.find_first_not_of(" \t\r");
  if (first == std::string_view::npos) return true;
  const char c = line[first];
  if (c == '{' && line.find_first_not_of(" \t\r", first + 1) == std::string_view::npos) return true;
  return c == ')' || c == ']' || c == '}' || is_comment_only(line);
}

bool is_word(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; }

// `rest` starts at the target: is there a `for` keyword after it at the target's own bracket
// depth, before the bracket that holds the target closes? That is a comprehension's element.
bool comprehension_follows(std::string_view rest) {
  int depth = 0;
  for (std::size_t i = 0; i < rest.size(); ++i) {
    const char c = rest[i];
    if (c == '(' || c == '[' || c == '{') {
      ++depth;
    } else if (c == ')' || c == ']' || c == '}') {
      if (--depth < 0) return false;
    } else if (c == '#') {
      return false;
    } else if (depth == 0 && rest.compare(i, 3, "for") == 0 && (i == 0 || !is_word(rest[i - 1])) &&
               (i + 3 == rest.size() || !is_word(rest[i + 3]))) {
      return true;
    }
  }
  return false;
}

}  // namespace

std::size_t indentation(std::string_view line) {
  std::size_t width = 0;
  for (const char c : line) {
    if (c == ' ') {
      ++width;
    } else if (c == '\t') {
      width = (width / 8 + 1) * 8;
    } else {
      break;
    }
  }
  return width;
}

bool is_inside(const LineIndex& lines, std::size_t line, std::size_t column_offset, const BlockContext& context) {
  const std::string_view target = lines.line_text(line);
  column_offset = std::min(column_offset, target.size());
  if (counts_as_header(target.substr(0, column_offset), context)) return true;
  if (context.comprehension && comprehension_follows(target.substr(column_offset))) return true;
  std::size_t indent = indentation(target);
  const std::size_t lowest = line > context.max_lines ? line - context.max_lines : 1;
  for (std::size_t l = line; l-- > lowest;) {
    if (indent == 0) return false;
    const std::string_view text = lines.line_text(l);
    if (is_neutral(text)) continue;
    const std::size_t width = indentation(text);
    if (width >= indent) continue;
    if (counts_as_header(text, context)) return true;
    if (matches(context.stop, text)) return false;
    indent = width;
  }
  return false;
}

}  // namespace readygate::scan
