#pragma once
// Inline suppression markers, in comments:
//   ready:ignore                 every rule
//   ready:ignore[id, id2]        the named rules (an id no rule has is warned about)
//   nosec / nosec B602, B607     bandit's marker: every rule, or the rules whose aliases name
//                                those bandit ids (docs/RULES.md lists them)
//   nosemgrep / nosemgrep: id    Semgrep's: every rule, or those with that id (or the alias
//                                semgrep:id)
//   gitleaks:allow               gitleaks': the secrets rules, on this line
//   pragma: allowlist secret     detect-secrets': the secrets rules, on this line; with
//   pragma: allowlist nextline secret   "nextline", on the line below
// A marker applies to every line of the statement it is written on (a call over several lines
// is one statement), and, alone on a comment line, to the statement that starts just below.
// Where the language is lexed (source_layout.hpp), a marker counts only inside a comment: text
// in a string is never a marker. Elsewhere ready:ignore counts anywhere on a line and nosec /
// nosemgrep after a # or //.
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "line_index.hpp"
#include "rule.hpp"
#include "source_layout.hpp"

namespace readygate::scan {

struct SuppressionMarker {
  enum class Kind { ready_ignore, nosec, nosemgrep, secrets_allow };
  Kind kind = Kind::ready_ignore;
  std::vector<std::string> ids;  // empty: every rule
  std::size_t line = 0;          // 1-based: the line it applies to (the next for "nextline")
};

// Every marker in `text`. `lexed`: the layout knows the file's language.
std::vector<SuppressionMarker> find_markers(std::string_view text, const LineIndex& lines, const SourceLayout& layout,
                                            bool lexed);

// Whether `marker` names `rule` (or names no rule, so every rule).
bool marker_applies(const SuppressionMarker& marker, const Rule& rule);

// A line holding nothing but a comment (#, //, /*, *, --, ;, <!--).
bool is_comment_only(std::string_view line);

class Suppressions {
 public:
  Suppressions(std::vector<SuppressionMarker> markers, const LineIndex& lines, const SourceLayout& layout);

  // The finding of `rule` at 1-based `line` is suppressed.
  bool suppresses(std::size_t line, const Rule& rule) const;
  const std::vector<SuppressionMarker>& markers() const { return m_markers; }

 private:
  bool marked(std::size_t first, std::size_t last, const Rule& rule) const;

  std::vector<SuppressionMarker> m_markers;  // sorted by line
  const LineIndex& m_lines;
  const SourceLayout& m_layout;
};

}  // namespace readygate::scan
