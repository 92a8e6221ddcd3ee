#include "suppression.hpp"

#include <cctype>

namespace readygate::scan {
namespace {

std::string_view trim(std::string_view text) {
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.front()))) text.remove_prefix(1);
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.back()))) text.remove_suffix(1);
  return text;
}

bool names_rule(std::string_view list, std::string_view rule_id) {
  while (!list.empty()) {
    const std::size_t comma = list.find(',');
    if (trim(list.substr(0, comma)) == rule_id) return true;
    if (comma == std::string_view::npos) break;
    list.remove_prefix(comma + 1);
  }
  return false;
}

bool is_word_char(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; }

}  // namespace

bool line_suppresses(std::string_view line, std::string_view rule_id) {
  static constexpr std::string_view marker = "ready:ignore";
  for (std::size_t at = line.find(marker); at != std::string_view::npos; at = line.find(marker, at + 1)) {
    const std::size_t after = at + marker.size();
    if (after < line.size() && line[after] == '[') {
      const std::size_t close = line.find(']', after);
      if (close != std::string_view::npos && names_rule(line.substr(after + 1, close - after - 1), rule_id)) {
        return true;
      }
    } else if (after >= line.size() || !is_word_char(line[after])) {
      return true;
    }
  }
  // bandit's "nosec" counts only inside a comment.
  const std::size_t comment = std::min(line.find('#'), line.find("//"));
  if (comment == std::string_view::npos) return false;
  const std::size_t nosec = line.find("nosec", comment);
  return nosec != std::string_view::npos && !is_word_char(line[nosec - 1]) &&
         (nosec + 5 >= line.size() || !is_word_char(line[nosec + 5]));
}

bool is_comment_only(std::string_view line) {
  line = trim(line);
  for (std::string_view lead : {"#", "//", "/*", "*", "--", ";", "<!--"}) {
    if (line.substr(0, lead.size()) == lead) return true;
  }
  return false;
}

bool is_suppressed(const LineIndex& lines, std::size_t line, std::string_view rule_id) {
  if (line_suppresses(lines.line_text(line), rule_id)) return true;
  if (line < 2) return false;
  const std::string_view above = lines.line_text(line - 1);
  return is_comment_only(above) && line_suppresses(above, rule_id);
}

}  // namespace readygate::scan
