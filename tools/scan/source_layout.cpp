#include "source_layout.hpp"

#include <algorithm>

#include "language.hpp"

namespace readygate::scan {

std::string_view to_string(TextKind kind) {
  switch (kind) {
    case TextKind::code:
      return "code";
    case TextKind::comment:
      return "comment";
    case TextKind::string:
      return "string";
    case TextKind::docstring:
      return "docstring";
  }
  return "code";
}

TextKind SourceLayout::kind_at(std::size_t offset) const {
  const auto it = std::upper_bound(m_regions.begin(), m_regions.end(), offset,
                                   [](std::size_t o, const Region& r) { return o < r.begin; });
  if (it == m_regions.begin()) return TextKind::code;
  const Region& region = *std::prev(it);
  return offset < region.end ? region.kind : TextKind::code;
}

void SourceLayout::add_region(std::size_t begin, std::size_t end, TextKind kind) {
  if (end <= begin || kind == TextKind::code) return;
  if (!m_regions.empty() && m_regions.back().end == begin && m_regions.back().kind == kind) {
    m_regions.back().end = end;
    return;
  }
  m_regions.push_back({begin, end, kind});
}

void SourceLayout::continue_line(std::size_t line) {
  if (line >= m_continues.size()) m_continues.resize(line + 1);
  m_continues[line] = true;
}

SourceLayout::Mark SourceLayout::mark(std::size_t line) const {
  return {m_regions.size(), m_strings.size(), m_regions.empty() ? 0 : m_regions.back().end, line};
}

void SourceLayout::rewind(const Mark& mark, std::size_t line_now) {
  m_regions.resize(mark.regions);
  if (!m_regions.empty()) m_regions.back().end = mark.last_region_end;  // a merge may have extended it
  m_strings.resize(mark.strings);
  for (std::size_t line = mark.line + 1; line <= line_now && line < m_continues.size(); ++line)
    m_continues[line] = false;
}

void SourceLayout::finish() {
  const auto by_begin = [](const auto& a, const auto& b) { return a.begin < b.begin; };
  if (!std::is_sorted(m_regions.begin(), m_regions.end(), by_begin))
    std::stable_sort(m_regions.begin(), m_regions.end(), by_begin);
  if (!std::is_sorted(m_strings.begin(), m_strings.end(), by_begin))
    std::stable_sort(m_strings.begin(), m_strings.end(), by_begin);
}

std::size_t SourceLayout::statement_first_line(std::size_t line) const {
  while (line > 1 && line < m_continues.size() && m_continues[line]) --line;
  return line;
}

std::size_t SourceLayout::statement_last_line(std::size_t line) const {
  while (line + 1 < m_continues.size() && m_continues[line + 1]) ++line;
  return line;
}

namespace {

bool ends_with(std::string_view text, std::string_view suffix) {
  return text.size() >= suffix.size() && text.substr(text.size() - suffix.size()) == suffix;
}

// JSX: .jsx and .tsx always; .js-like files when they mention React (a `<` in expression
// position is a comparison's operand anywhere else).
bool may_hold_jsx(std::string_view path, std::string_view text) {
  if (ends_with(path, ".jsx") || ends_with(path, ".tsx")) return true;
  if (ends_with(path, ".ts") || ends_with(path, ".mts") || ends_with(path, ".cts")) return false;
  return text.find("React") != std::string_view::npos || text.find("react") != std::string_view::npos;
}

}  // namespace

SourceLayout lay_out(std::string_view path, std::string_view text) {
  const std::string_view language = language_of(path);
  if (language == "python") return lex_python(text);
  if (language == "javascript" || language == "typescript") return lex_javascript(text, may_hold_jsx(path, text), true);
  if (language == "go" || language == "java" || language == "csharp" || language == "php") {
    return lex_javascript(text, false, false);
  }
  if (language == "ini") return lex_hash_comments(text, true);
  if (language == "shell" || language == "yaml" || language == "toml" || language == "env" ||
      language == "dockerfile" || language == "terraform" || language == "ruby") {
    return lex_hash_comments(text, false);
  }
  if (language == "json") return lex_json(text);
  return {};
}

}  // namespace readygate::scan
