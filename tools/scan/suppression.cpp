#include "suppression.hpp"

#include <algorithm>
#include <cctype>

#include "char_class.hpp"

namespace readygate::scan {
namespace {

bool is_word_char(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; }

// "a, b c" -> {"a", "b", "c"}: ids are letters, digits and . _ - /.
std::vector<std::string> split_ids(std::string_view list) {
  std::vector<std::string> ids;
  std::string id;
  for (const char c : list) {
    if (is_word_char(c) || c == '.' || c == '-' || c == '/') {
      id += c;
    } else if (!id.empty()) {
      ids.push_back(std::move(id));
      id.clear();
    }
  }
  if (!id.empty()) ids.push_back(std::move(id));
  return ids;
}

struct Parsed {
  bool is_marker = false;
  std::vector<std::string> ids;
};

// The marker `word` at `at` of `line`, with what follows it on the line.
Parsed parse_marker(SuppressionMarker::Kind kind, std::string_view line, std::size_t at, std::size_t length) {
  Parsed parsed;
  const std::size_t after = at + length;
  if (at > 0 && is_word_char(line[at - 1]) && kind != SuppressionMarker::Kind::ready_ignore) return parsed;
  if (after < line.size() && is_word_char(line[after])) return parsed;  // "ready:ignored", "nosecurity"
  const std::string_view rest = line.substr(after);
  parsed.is_marker = true;
  switch (kind) {
    case SuppressionMarker::Kind::ready_ignore:
      if (!rest.empty() && rest.front() == '[') {
        const std::size_t close = rest.find(']');
        parsed.ids = split_ids(rest.substr(1, close == std::string_view::npos ? std::string_view::npos : close - 1));
        if (parsed.ids.empty()) parsed.is_marker = false;  // "ready:ignore[]" names nothing
      }
      break;
    case SuppressionMarker::Kind::nosec:
      // Bandit's ids (B602); other words after nosec are a reason, not ids.
      for (auto& id : split_ids(rest)) {
        if (id.size() == 4 && id[0] == 'B' &&
            std::all_of(id.begin() + 1, id.end(), [](char c) { return std::isdigit(static_cast<unsigned char>(c)); })) {
          parsed.ids.push_back(std::move(id));
        }
      }
      break;
    case SuppressionMarker::Kind::nosemgrep: {
      const std::string_view list = trim_space(rest);
      if (!list.empty() && list.front() == ':') parsed.ids = split_ids(list.substr(1));
      break;
    }
    case SuppressionMarker::Kind::secrets_allow:
      break;  // names no ids: the secrets rules
  }
  return parsed;
}

}  // namespace

bool is_comment_only(std::string_view line) {
  std::size_t i = 0;
  while (i < line.size() &&
         (line[i] == ' ' || line[i] == '\t' || line[i] == '\r' || line[i] == '\f' || line[i] == '\v'))
    ++i;
  if (i == line.size()) return false;
  // The comment leads: # // /* * -- ; <!-- (read by their first characters: this runs per line).
  const char c = line[i];
  const char next = i + 1 < line.size() ? line[i + 1] : '\0';
  return c == '#' || c == '*' || c == ';' || (c == '/' && (next == '/' || next == '*')) || (c == '-' && next == '-') ||
         line.substr(i, 4) == "<!--";
}

std::vector<SuppressionMarker> find_markers(std::string_view text, const LineIndex& lines, const SourceLayout& layout,
                                            bool lexed) {
  struct Word {
    std::string_view text;
    SuppressionMarker::Kind kind;
  };
  static constexpr Word words[] = {{"ready:ignore", SuppressionMarker::Kind::ready_ignore},
                                   {"nosec", SuppressionMarker::Kind::nosec},
                                   {"nosemgrep", SuppressionMarker::Kind::nosemgrep},
                                   {"gitleaks:allow", SuppressionMarker::Kind::secrets_allow},
                                   {"pragma: allowlist secret", SuppressionMarker::Kind::secrets_allow},
                                   {"pragma: allowlist nextline secret", SuppressionMarker::Kind::secrets_allow}};
  std::vector<SuppressionMarker> markers;
  for (const Word& word : words) {
    for (std::size_t at = text.find(word.text); at != std::string_view::npos; at = text.find(word.text, at + 1)) {
      const std::size_t line = lines.line_of(at);
      const std::string_view line_text = lines.line_text(line);
      const auto column = static_cast<std::size_t>(text.data() + at - line_text.data());
      if (lexed) {
        if (layout.kind_at(at) != TextKind::comment) continue;
      } else if (word.kind != SuppressionMarker::Kind::ready_ignore) {
        const std::size_t comment = std::min(line_text.find('#'), line_text.find("//"));
        if (comment == std::string_view::npos || comment > column) continue;
      }
      // nosemgrep contains no nosec, but "nosec" would match inside "# nosecurity…": parse_marker decides.
      Parsed parsed = parse_marker(word.kind, line_text, column, word.text.size());
      if (!parsed.is_marker) continue;
      const bool next_line = word.text.find("nextline") != std::string_view::npos;
      markers.push_back({word.kind, std::move(parsed.ids), next_line ? line + 1 : line});
    }
  }
  std::stable_sort(markers.begin(), markers.end(), [](const auto& a, const auto& b) { return a.line < b.line; });
  return markers;
}

bool marker_applies(const SuppressionMarker& marker, const Rule& rule) {
  if (marker.kind == SuppressionMarker::Kind::secrets_allow) return rule.category == "secrets";
  if (marker.ids.empty()) return true;
  const auto aliased = [&](const std::string& tool, const std::string& id) {
    return std::find(rule.aliases.begin(), rule.aliases.end(), tool + ":" + id) != rule.aliases.end();
  };
  return std::any_of(marker.ids.begin(), marker.ids.end(), [&](const std::string& id) {
    switch (marker.kind) {
      case SuppressionMarker::Kind::ready_ignore:
        return id == rule.id;
      case SuppressionMarker::Kind::nosec:
        return aliased("bandit", id);
      case SuppressionMarker::Kind::nosemgrep:
        return id == rule.id || aliased("semgrep", id);
      case SuppressionMarker::Kind::secrets_allow:
        return false;
    }
    return false;
  });
}

Suppressions::Suppressions(std::vector<SuppressionMarker> markers, const LineIndex& lines, const SourceLayout& layout)
    : m_markers(std::move(markers)), m_lines(lines), m_layout(layout) {}

bool Suppressions::marked(std::size_t first, std::size_t last, const Rule& rule) const {
  auto it = std::lower_bound(m_markers.begin(), m_markers.end(), first,
                             [](const SuppressionMarker& m, std::size_t line) { return m.line < line; });
  for (; it != m_markers.end() && it->line <= last; ++it) {
    if (marker_applies(*it, rule)) return true;
  }
  return false;
}

bool Suppressions::suppresses(std::size_t line, const Rule& rule) const {
  if (m_markers.empty()) return false;
  const std::size_t first = m_layout.statement_first_line(line);
  const std::size_t last = m_layout.statement_last_line(line);
  if (marked(first, last, rule)) return true;
  return first > 1 && is_comment_only(m_lines.line_text(first - 1)) && marked(first - 1, first - 1, rule);
}

}  // namespace readygate::scan
