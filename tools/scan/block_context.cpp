#include "block_context.hpp"

#include "suppression.hpp"

namespace readygate::scan {
namespace {

bool matches(const RE2* regex, std::string_view text) {
  return regex && RE2::PartialMatch(re2::StringPiece(text.data(), text.size()), *regex);
}

bool counts_as_header(std::string_view text, const BlockContext& context) {
  return matches(context.header, text) && !matches(context.skip, text);
}

// Lines that say nothing about nesting: blank, comments, and closers of multi-line brackets
// (a Python signature's "):", a JavaScript "});").
bool is_neutral(std::string_view line) {
  const std::size_t first = line.find_first_not_of(" \t\r");
  if (first == std::string_view::npos) return true;
  const char c = line[first];
  return c == ')' || c == ']' || c == '}' || is_comment_only(line);
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

bool is_inside(const LineIndex& lines, std::size_t line, const BlockContext& context) {
  const std::string_view target = lines.line_text(line);
  if (counts_as_header(target, context)) return true;
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
