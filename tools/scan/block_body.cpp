#include "block_body.hpp"

#include "block_context.hpp"
#include "suppression.hpp"

namespace readygate::scan {
namespace {

constexpr std::size_t max_body_lines = 400;
constexpr std::size_t max_brace_search = 400;  // bytes from the match's end to its block's '{'

Span python_block(const FileContext& file, Span match) {
  const LineIndex& lines = file.lines();
  const std::string_view text = file.text();
  const std::size_t last = lines.line_of(match.end > match.begin ? match.end - 1 : match.begin);
  const std::size_t header = file.layout().statement_first_line(lines.line_of(match.begin));
  const std::size_t indent = indentation(lines.line_text(header));
  const std::size_t header_end_line = file.layout().statement_last_line(last);
  // What follows the colon on the header's last line is the body of a one-line block.
  const std::string_view tail = lines.line_text(header_end_line);
  const auto tail_start = static_cast<std::size_t>(tail.data() - text.data());
  Span body{match.end > tail_start ? match.end : tail_start, tail_start + tail.size()};
  for (std::size_t l = header_end_line + 1; l <= lines.line_count() && l <= header_end_line + max_body_lines; ++l) {
    const std::string_view line = lines.line_text(l);
    const std::size_t first = line.find_first_not_of(" \t\r");
    if (first == std::string_view::npos || is_comment_only(line)) continue;
    if (indentation(line) <= indent) break;
    body.end = static_cast<std::size_t>(line.data() - text.data()) + line.size();
  }
  return body;
}

Span brace_block(const FileContext& file, Span match) {
  const std::string_view text = file.text();
  const SourceLayout& layout = file.layout();
  std::size_t open = match.end;
  while (open < text.size() && open < match.end + max_brace_search &&
         !(text[open] == '{' && layout.kind_at(open) == TextKind::code)) {
    ++open;
  }
  if (open >= text.size() || text[open] != '{') return {};
  int depth = 0;
  for (std::size_t i = open; i < text.size(); ++i) {
    if (layout.kind_at(i) != TextKind::code) continue;
    if (text[i] == '{') ++depth;
    if (text[i] == '}' && --depth == 0) return {open + 1, i};
  }
  return {open + 1, text.size()};
}

}  // namespace

Span block_after(const FileContext& file, Span match) {
  if (!file.layout().lexed()) return {};
  if (file.language() == "python") return python_block(file, match);
  return brace_block(file, match);
}

}  // namespace readygate::scan
