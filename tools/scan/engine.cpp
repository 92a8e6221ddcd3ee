#include "engine.hpp"

#include <algorithm>
#include <map>

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

struct Candidate {
  Finding finding;
  std::size_t line_offset;  // where the location starts within its line
  std::string secret;
  Span secret_span{0, 0};
  Severity severity;
};

// A provider rule and a generic one often flag the same secret: keep one finding per secret,
// the most severe (the earlier rule on a tie, and built-in provider rules come first).
void drop_duplicate_secrets(std::vector<Candidate>& candidates) {
  std::vector<bool> dropped(candidates.size());
  for (std::size_t i = 0; i < candidates.size(); ++i) {
    for (std::size_t j = 0; j < candidates.size(); ++j) {
      const Candidate& a = candidates[i];
      const Candidate& b = candidates[j];
      if (i == j || dropped[j] || a.secret.empty() || b.secret.empty()) continue;
      const bool overlap = a.secret_span.begin < b.secret_span.end && b.secret_span.begin < a.secret_span.end;
      const bool b_wins = b.severity > a.severity || (b.severity == a.severity && b.finding.rule < a.finding.rule);
      if (overlap && b_wins) {
        dropped[i] = true;
        break;
      }
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
        candidate.secret.assign(piece.data(), piece.size());
        candidate.secret_span = span_of(piece, m_text);
        if (!m_rule.secret_is_credible(candidate.secret)) return std::nullopt;
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
    Finding& f = candidate.finding;
    f.line = m_lines.line_of(location.begin);
    const std::string_view line_text = m_lines.line_text(f.line);
    candidate.line_offset = location.begin - static_cast<std::size_t>(line_text.data() - m_text.data());
    if (m_rule.inside_header && !is_inside(m_lines, f.line, candidate.line_offset, m_rule.block_context())) {
      return std::nullopt;
    }
    f.column = m_lines.column_of(location.begin);
    f.end_line = m_lines.line_of(location.end > location.begin ? location.end - 1 : location.begin);
    f.end_column = m_lines.column_of(location.end);
    if (location.end > location.begin && m_lines.line_of(location.end) != f.end_line) {
      // The location ends at the end of its last line: one past its last character.
      f.end_column = m_lines.column_of(location.end - 1) + 1;
    }
    f.suppressed = is_suppressed(m_lines, f.line, m_rule.rule.id);
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

RuleEngine::RuleEngine(std::vector<Rule> rules)
    : m_rules(std::move(rules)), m_keywords(std::make_unique<KeywordFilter>(m_rules)) {
  for (const auto& rule : m_rules) m_compiled.push_back(std::make_unique<CompiledRule>(rule));
}

RuleEngine::~RuleEngine() = default;

std::vector<bool> RuleEngine::applicable_rules(const std::string& path) const {
  const std::string_view language = language_of(path);
  std::vector<bool> applicable(m_rules.size());
  for (std::size_t i = 0; i < m_rules.size(); ++i) applicable[i] = rule_applies(m_rules[i], path, language);
  return applicable;
}

std::vector<Finding> RuleEngine::scan(const std::string& path, std::string_view text) const {
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
        candidate->finding.rule = index;
        candidate->finding.path = path;
        candidates.push_back(std::move(*candidate));
      }
    }
  }

  drop_duplicate_secrets(candidates);
  // Every secret found on a line is redacted from every snippet of that line.
  std::map<std::size_t, std::vector<std::string>> secrets_by_line;
  for (const auto& c : candidates) {
    if (!c.secret.empty()) secrets_by_line[c.finding.line].push_back(c.secret);
  }
  std::vector<Finding> findings;
  findings.reserve(candidates.size());
  for (auto& c : candidates) {
    const std::string_view line_text = lines.line_text(c.finding.line);
    const auto secrets = secrets_by_line.find(c.finding.line);
    c.finding.snippet = make_snippet(line_text, c.line_offset,
                                     secrets == secrets_by_line.end() ? std::vector<std::string>{} : secrets->second);
    c.finding.line_digest = sha256_hex(normalize_line(line_text));
    findings.push_back(std::move(c.finding));
  }
  std::sort(findings.begin(), findings.end(), [](const Finding& a, const Finding& b) {
    return std::tie(a.line, a.column, a.rule) < std::tie(b.line, b.column, b.rule);
  });
  return findings;
}

}  // namespace readygate::scan
