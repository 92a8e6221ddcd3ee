#include "engine.hpp"

#include <algorithm>
#include <map>
#include <tuple>

#include "common/glob.hpp"
#include "common/hash.hpp"
#include "common/log.hpp"
#include "block_context.hpp"
#include "compiled_rule.hpp"
#include "keyword_filter.hpp"
#include "language.hpp"
#include "line_index.hpp"
#include "snippet.hpp"
#include "suppression.hpp"

namespace readygate::scan {

namespace {

struct Span {
  std::size_t begin, end;  // byte offsets, end exclusive
};

Span span_of(const re2::StringPiece& piece, std::string_view text) {
  const auto begin = static_cast<std::size_t>(piece.data() - text.data());
  return {begin, begin + piece.size()};
}

// A match that starts or ends with a line break (a "(?:^|[^\w])" prefix that took the '\n')
// belongs to the line its text is on.
Span without_line_breaks(Span span, std::string_view text) {
  const auto is_break = [](char c) { return c == '\n' || c == '\r'; };
  while (span.begin < span.end && is_break(text[span.begin])) ++span.begin;
  while (span.end > span.begin && is_break(text[span.end - 1])) --span.end;
  return span;
}

// A match that passed its rule's conditions: plain numbers only, so that a file with a
// million matches costs memory in proportion, and strings are made only for what is reported.
struct Candidate {
  std::size_t rule = 0;
  std::size_t line = 0, column = 0, end_line = 0, end_column = 0;
  std::size_t line_offset = 0;  // where the location starts within its line
  Span secret_span{0, 0};       // empty: the rule names no secret
  Severity severity = Severity::info;
  bool suppressed = false;

  bool has_secret() const { return secret_span.end > secret_span.begin; }
};

// A provider rule and a generic one often flag the same secret: keep one finding per secret,
// the most severe (the earlier rule on a tie, and built-in provider rules come first). Greedy
// in that order, against the spans kept so far (disjoint, so one look-up each): n log n.
void drop_duplicate_secrets(std::vector<Candidate>& candidates) {
  std::vector<std::size_t> order;
  for (std::size_t i = 0; i < candidates.size(); ++i) {
    if (candidates[i].has_secret()) order.push_back(i);
  }
  std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    const Candidate& x = candidates[a];
    const Candidate& y = candidates[b];
    return std::make_tuple(-static_cast<int>(x.severity), x.rule, x.secret_span.begin) <
           std::make_tuple(-static_cast<int>(y.severity), y.rule, y.secret_span.begin);
  });
  std::map<std::size_t, std::size_t> kept;  // begin -> end of the secrets kept
  std::vector<bool> dropped(candidates.size());
  for (const std::size_t i : order) {
    const Span s = candidates[i].secret_span;
    auto after = kept.lower_bound(s.begin);
    const bool overlaps_next = after != kept.end() && after->first < s.end;
    const bool overlaps_previous = after != kept.begin() && std::prev(after)->second > s.begin;
    if (overlaps_next || overlaps_previous) {
      dropped[i] = true;
    } else {
      kept.emplace(s.begin, s.end);
    }
  }
  std::size_t i = 0;
  std::erase_if(candidates, [&](const Candidate&) { return dropped[i++]; });
}

bool rule_applies(const Rule& rule, const std::string& path, std::string_view language) {
  for (const auto& glob : rule.exclude_paths) {
    if (path_matches(glob, path)) return false;
  }
  if (rule.languages.empty() && rule.paths.empty()) return true;
  if (!language.empty() &&
      std::find(rule.languages.begin(), rule.languages.end(), language) != rule.languages.end()) {
    return true;
  }
  return std::any_of(rule.paths.begin(), rule.paths.end(),
                     [&](const std::string& glob) { return file_matches(glob, path); });
}

// Decides whether one match of one rule becomes a finding: its secret, name, exclusion,
// absent and inside conditions, then where it is and whether it is suppressed.
class MatchJudge {
public:
  MatchJudge(const CompiledRule& rule, std::string_view text, const LineIndex& lines)
      : m_rule(rule), m_text(text), m_lines(lines), m_absent_in_file(rule.absent.size()),
        m_present_in_file(rule.required.size()) {}

  std::optional<Candidate> evaluate(const std::vector<re2::StringPiece>& groups) {
    Candidate candidate;
    if (m_rule.secret_group > 0) {
      const auto& piece = groups[static_cast<std::size_t>(m_rule.secret_group)];
      if (piece.data()) {
        candidate.secret_span = span_of(piece, m_text);
        if (!m_rule.secret_is_credible(std::string(piece.data(), piece.size()))) return std::nullopt;
      }
    }
    if (m_rule.name_group > 0) {
      const auto& piece = groups[static_cast<std::size_t>(m_rule.name_group)];
      if (piece.data() && !m_rule.name_is_reportable(std::string_view(piece.data(), piece.size()))) return std::nullopt;
    }
    const Span spanned = without_line_breaks(span_of(groups[0], m_text), m_text);
    const std::size_t first_line = m_lines.line_of(spanned.begin);
    const std::size_t last_line = m_lines.line_of(spanned.end > spanned.begin ? spanned.end - 1 : spanned.begin);
    if (m_rule.exclude && matches(*m_rule.exclude, m_lines.lines_text(first_line, last_line))) return std::nullopt;
    if (!contexts_hold(m_rule.rule.absent, m_rule.absent, m_absent_in_file, false, first_line, last_line) ||
        !contexts_hold(m_rule.rule.required, m_rule.required, m_present_in_file, true, first_line, last_line)) {
      return std::nullopt;
    }

    const Span location = without_line_breaks(span_of(location_group(groups), m_text), m_text);
    candidate.line = m_lines.line_of(location.begin);
    const std::string_view line_text = m_lines.line_text(candidate.line);
    candidate.line_offset = location.begin - static_cast<std::size_t>(line_text.data() - m_text.data());
    if (m_rule.inside_header && !is_inside(m_lines, candidate.line, candidate.line_offset, m_rule.block_context())) {
      return std::nullopt;
    }
    candidate.column = m_lines.column_of(location.begin);
    candidate.end_line = m_lines.line_of(location.end > location.begin ? location.end - 1 : location.begin);
    candidate.end_column = m_lines.column_of(location.end);
    if (location.end > location.begin && m_lines.line_of(location.end) != candidate.end_line) {
      // The location ends at the end of its last line: one past its last character.
      candidate.end_column = m_lines.column_of(location.end - 1) + 1;
    }
    candidate.suppressed = is_suppressed(m_lines, candidate.line, m_rule.rule.id);
    candidate.severity = m_rule.rule.severity;
    return candidate;
  }

private:
  static bool matches(const RE2& regex, std::string_view text) {
    return RE2::PartialMatch(re2::StringPiece(text.data(), text.size()), regex);
  }

  // The first (?P<loc…>) group that took part in the match, or the whole match.
  const re2::StringPiece& location_group(const std::vector<re2::StringPiece>& groups) const {
    for (const int index : m_rule.location_groups) {
      if (groups[static_cast<std::size_t>(index)].data()) return groups[static_cast<std::size_t>(index)];
    }
    return groups[0];
  }

  // Each context's pattern must be absent (or, with `present`, present) in its window: the
  // lines around the match, or the whole file (computed once per file).
  bool contexts_hold(const std::vector<AbsentContext>& contexts, const std::vector<std::unique_ptr<RE2>>& regexes,
                     std::vector<std::optional<bool>>& in_file, bool present, std::size_t first_line,
                     std::size_t last_line) {
    for (std::size_t i = 0; i < contexts.size(); ++i) {
      const AbsentContext& context = contexts[i];
      bool found = false;
      if (context.whole_file) {
        if (!in_file[i]) in_file[i] = matches(*regexes[i], m_text);
        found = *in_file[i];
      } else {
        const auto before = static_cast<std::size_t>(context.before);
        const std::size_t from = first_line > before ? first_line - before : 1;
        found = matches(*regexes[i], m_lines.lines_text(from, last_line + static_cast<std::size_t>(context.after)));
      }
      if (found != present) return false;
    }
    return true;
  }

  const CompiledRule& m_rule;
  std::string_view m_text;
  const LineIndex& m_lines;
  std::vector<std::optional<bool>> m_absent_in_file, m_present_in_file;  // once per file
};

}  // namespace

RuleEngine::RuleEngine(std::vector<Rule> rules, std::size_t max_findings_per_file)
    : m_rules(std::move(rules)), m_keywords(std::make_unique<KeywordFilter>(m_rules)),
      m_max_findings_per_file(max_findings_per_file) {
  for (const auto& rule : m_rules) m_compiled.push_back(std::make_unique<CompiledRule>(rule));
}

RuleEngine::~RuleEngine() = default;

std::vector<bool> RuleEngine::applicable_rules(const std::string& path) const {
  const std::string_view language = language_of(path);
  std::vector<bool> applicable(m_rules.size());
  for (std::size_t i = 0; i < m_rules.size(); ++i) applicable[i] = rule_applies(m_rules[i], path, language);
  return applicable;
}

std::vector<Finding> RuleEngine::scan(const std::string& path, std::string_view text, std::size_t* over_cap) const {
  if (over_cap) *over_cap = 0;
  const std::vector<bool> applicable = applicable_rules(path);
  if (std::none_of(applicable.begin(), applicable.end(), [](bool b) { return b; })) return {};

  // Pass 1: the keyword prefilter says which rules can match at all.
  const std::vector<bool> candidates_mask = m_keywords->candidates(text, applicable);
  std::vector<std::size_t> matched;
  for (std::size_t i = 0; i < candidates_mask.size(); ++i) {
    if (candidates_mask[i]) matched.push_back(i);
  }
  if (matched.empty()) return {};
  const re2::StringPiece whole(text.data(), text.size());

  // Pass 2: each candidate rule's expression, then its conditions on every match.
  const LineIndex lines(text);
  std::vector<Candidate> candidates;
  for (const std::size_t index : matched) {
    const CompiledRule& rule = *m_compiled[index];
    MatchJudge judge(rule, text, lines);
    std::vector<re2::StringPiece> groups(static_cast<std::size_t>(rule.group_count));
    std::size_t pos = 0;
    while (pos <= text.size() &&
           rule.pattern->Match(whole, pos, text.size(), RE2::UNANCHORED, groups.data(), rule.group_count)) {
      const Span match = span_of(groups[0], text);
      pos = match.end > match.begin ? match.end : match.begin + 1;
      if (auto candidate = judge.evaluate(groups)) {
        candidate->rule = index;
        candidates.push_back(*candidate);
      }
    }
  }

  drop_duplicate_secrets(candidates);
  // Every secret found on a line is redacted from every snippet of that line, reported or not.
  std::map<std::size_t, std::vector<std::string>> secrets_by_line;
  for (const auto& c : candidates) {
    if (c.has_secret()) {
      secrets_by_line[c.line].emplace_back(text.substr(c.secret_span.begin, c.secret_span.end - c.secret_span.begin));
    }
  }
  if (m_max_findings_per_file && candidates.size() > m_max_findings_per_file) {
    // One generated file must not flood the envelope: keep the most severe, then the first.
    std::stable_sort(candidates.begin(), candidates.end(), [](const Candidate& a, const Candidate& b) {
      return std::make_tuple(-static_cast<int>(a.severity), a.line, a.column) <
             std::make_tuple(-static_cast<int>(b.severity), b.line, b.column);
    });
    if (over_cap) *over_cap = candidates.size() - m_max_findings_per_file;
    candidates.resize(m_max_findings_per_file);
  }
  std::vector<Finding> findings;
  findings.reserve(candidates.size());
  static const std::vector<std::string> no_secrets;
  for (const auto& c : candidates) {
    const std::string_view line_text = lines.line_text(c.line);
    const auto secrets = secrets_by_line.find(c.line);
    Finding f;
    f.rule = c.rule;
    f.path = path;
    f.line = c.line;
    f.column = c.column;
    f.end_line = c.end_line;
    f.end_column = c.end_column;
    f.suppressed = c.suppressed;
    f.snippet = make_snippet(line_text, c.line_offset, secrets == secrets_by_line.end() ? no_secrets : secrets->second);
    f.line_digest = sha256_hex(normalize_line(line_text));
    findings.push_back(std::move(f));
  }
  std::sort(findings.begin(), findings.end(), [](const Finding& a, const Finding& b) {
    return std::tie(a.line, a.column, a.rule) < std::tie(b.line, b.column, b.rule);
  });
  return findings;
}

}  // namespace readygate::scan
