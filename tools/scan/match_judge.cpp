#include "match_judge.hpp"

#include "block_body.hpp"
#include "block_context.hpp"

namespace readygate::scan {
namespace {

bool matches(const RE2& regex, std::string_view text) {
  return RE2::PartialMatch(re2::StringPiece(text.data(), text.size()), regex);
}

// A match that starts or ends with a line break (a "(?:^|[^\w])" prefix that took the '\n')
// belongs to the line its text is on.
Span without_line_breaks(Span span, std::string_view text) {
  const auto is_break = [](char c) { return c == '\n' || c == '\r'; };
  while (span.begin < span.end && is_break(text[span.begin])) ++span.begin;
  while (span.end > span.begin && is_break(text[span.end - 1])) --span.end;
  return span;
}

std::string_view text_of(std::string_view text, Span span) { return text.substr(span.begin, span.end - span.begin); }

}  // namespace

MatchJudge::MatchJudge(const CompiledRule& rule, const FileContext& file, std::vector<Span>* examples)
    : m_rule(rule),
      m_examples(examples),
      m_file(file),
      m_absent_in_file(rule.absent.size()),
      m_present_in_file(rule.required.size()) {}

std::optional<Candidate> MatchJudge::evaluate(const RawMatch& match) {
  const std::string_view text = m_file.text();
  Candidate candidate;
  if (match.has_secret) {
    candidate.secret_span = match.secret;
    const std::string_view secret = text_of(text, match.secret);
    if (!m_rule.secret_is_credible(secret)) {
      if (m_examples && !m_rule.rule.fallback && m_rule.is_allowed_value(secret)) m_examples->push_back(match.secret);
      return std::nullopt;
    }
  }
  if (match.has_name && !m_rule.name_is_reportable(text_of(text, match.name))) return std::nullopt;

  // Where the finding is reported must be a kind of text the rule looks at: eval() in a
  // docstring or a comment is documentation, not a call.
  const Span location = without_line_breaks(match.location, text);
  // Only a rule that looks at some kinds of text needs the file lexed (secrets look everywhere).
  if (!m_rule.rule.looks_everywhere() && !m_rule.rule.may_start_in(m_file.kind_at(location.begin))) return std::nullopt;

  const LineIndex& lines = m_file.lines();
  const Span spanned = without_line_breaks(match.whole, text);
  const std::size_t first_line = lines.line_of(spanned.begin);
  const std::size_t last_line = lines.line_of(spanned.end > spanned.begin ? spanned.end - 1 : spanned.begin);
  if (m_rule.exclude && matches(*m_rule.exclude, lines.lines_text(first_line, last_line))) return std::nullopt;
  if (!contexts_hold(m_rule.rule.absent, m_rule.absent, m_absent_in_file, false, first_line, last_line,
                     spanned.begin) ||
      !contexts_hold(m_rule.rule.required, m_rule.required, m_present_in_file, true, first_line, last_line,
                     spanned.begin)) {
    return std::nullopt;
  }

  candidate.line = lines.line_of(location.begin);
  const std::string_view line_text = lines.line_text(candidate.line);
  candidate.line_offset = location.begin - static_cast<std::size_t>(line_text.data() - text.data());
  if (m_rule.inside && !is_inside(lines, candidate.line, candidate.line_offset, m_rule.inside->context())) {
    return std::nullopt;
  }
  if (m_rule.not_inside && is_inside(lines, candidate.line, candidate.line_offset, m_rule.not_inside->context())) {
    return std::nullopt;
  }
  if (m_rule.body_absent) {
    const Span body = block_after(m_file, spanned);
    if (!body.empty() && matches(*m_rule.body_absent, text.substr(body.begin, body.end - body.begin)))
      return std::nullopt;
  }
  candidate.column = lines.column_of(location.begin);
  candidate.end_line = lines.line_of(location.end > location.begin ? location.end - 1 : location.begin);
  candidate.end_column = lines.column_of(location.end);
  if (location.end > location.begin && lines.line_of(location.end) != candidate.end_line) {
    // The location ends at the end of its last line: one past its last character.
    candidate.end_column = lines.column_of(location.end - 1) + 1;
  }
  candidate.suppressed = m_file.suppressions().suppresses(candidate.line, m_rule.rule);
  candidate.severity = severity_of(match);
  return candidate;
}

Severity MatchJudge::severity_of(const RawMatch& match) const {
  const Rule& rule = m_rule.rule;
  const bool in_tests = m_file.role() == Role::test || m_file.role() == Role::example;
  if (!rule.in_tests || !in_tests) return rule.severity;
  if (m_rule.in_tests_when && !matches(*m_rule.in_tests_when, text_of(m_file.text(), match.whole)))
    return rule.severity;
  return rule.in_tests->severity;
}

// Each context's pattern must be absent (or, with `present`, present) in its window: the
// lines around the match, the body of the function around it (offset `at`), or the whole file
// (computed once per file).
bool MatchJudge::contexts_hold(const std::vector<AbsentContext>& contexts,
                               const std::vector<std::unique_ptr<RE2>>& regexes,
                               std::vector<std::optional<bool>>& in_file, bool present, std::size_t first_line,
                               std::size_t last_line, std::size_t at) {
  for (std::size_t i = 0; i < contexts.size(); ++i) {
    const AbsentContext& context = contexts[i];
    bool found = false;
    const std::optional<Span> body = context.in_function ? m_file.provenance().function_body_at(at) : std::nullopt;
    if (body) {
      found = matches(*regexes[i], m_file.text().substr(body->begin, body->end - body->begin));
    } else if (context.whole_file || context.in_function) {
      if (!in_file[i]) in_file[i] = matches(*regexes[i], m_file.text());
      found = *in_file[i];
    } else {
      const auto before = static_cast<std::size_t>(context.before);
      const std::size_t from = first_line > before ? first_line - before : 1;
      found =
          matches(*regexes[i], m_file.lines().lines_text(from, last_line + static_cast<std::size_t>(context.after)));
    }
    if (found != present) return false;
  }
  return true;
}

}  // namespace readygate::scan
