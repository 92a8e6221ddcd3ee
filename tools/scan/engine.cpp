#include "engine.hpp"

#include <algorithm>
#include <map>
#include <tuple>

#include "analyzers.hpp"
#include "common/glob.hpp"
#include "common/hash.hpp"
#include "compiled_rule.hpp"
#include "file_context.hpp"
#include "keyword_filter.hpp"
#include "language.hpp"
#include "match_judge.hpp"
#include "provenance.hpp"
#include "snippet.hpp"

namespace readygate::scan {

namespace {

Span span_of(const re2::StringPiece& piece, std::string_view text) {
  const auto begin = static_cast<std::size_t>(piece.data() - text.data());
  return {begin, begin + piece.size()};
}

// The matches of a rule's regular expression, with its named groups.
template <typename Visit>
void regex_matches(const CompiledRule& rule, std::string_view text, Visit&& visit) {
  const re2::StringPiece whole(text.data(), text.size());
  std::vector<re2::StringPiece> groups(static_cast<std::size_t>(rule.group_count));
  std::size_t pos = 0;
  while (pos <= text.size() &&
         rule.pattern->Match(whole, pos, text.size(), RE2::UNANCHORED, groups.data(), rule.group_count)) {
    RawMatch match;
    match.whole = span_of(groups[0], text);
    pos = match.whole.end > match.whole.begin ? match.whole.end : match.whole.begin + 1;
    match.location = match.whole;
    for (const int index : rule.location_groups) {  // the first (?P<loc…>) group that took part
      if (groups[static_cast<std::size_t>(index)].data()) {
        match.location = span_of(groups[static_cast<std::size_t>(index)], text);
        break;
      }
    }
    if (rule.secret_group > 0 && groups[static_cast<std::size_t>(rule.secret_group)].data()) {
      match.secret = span_of(groups[static_cast<std::size_t>(rule.secret_group)], text);
      match.has_secret = true;
    }
    if (rule.name_group > 0 && groups[static_cast<std::size_t>(rule.name_group)].data()) {
      match.name = span_of(groups[static_cast<std::size_t>(rule.name_group)], text);
      match.has_name = true;
    }
    visit(match);
  }
}

bool matches_text(const RE2* regex, std::string_view text, Span span) {
  return RE2::PartialMatch(re2::StringPiece(text.data() + span.begin, span.end - span.begin), *regex);
}

// Whether `origin` is what a rule's "from"/"first_from" asks for (rule.hpp).
bool origin_is(Origin origin, const std::string& wanted) {
  if (wanted == "outside") return origin != Origin::inside;
  if (wanted == "input") return origin == Origin::input;
  if (wanted == "parameter") return origin == Origin::parameter;
  return origin == Origin::inside;
}

// The calls a call rule names, whose arguments meet its conditions.
template <typename Visit>
void call_matches(const CompiledRule& rule, const FileContext& file, Visit&& visit) {
  const std::string_view text = file.text();
  const ArgumentConditions& conditions = rule.rule.arguments;
  for (const CallSite& call : file.calls()) {
    if (!rule.names_call(call.resolved) &&
        std::none_of(call.also.begin(), call.also.end(), [&](const std::string& a) { return rule.names_call(a); })) {
      continue;
    }
    if (rule.arguments_match && !matches_text(rule.arguments_match.get(), text, call.arguments)) continue;
    if (rule.arguments_absent && matches_text(rule.arguments_absent.get(), text, call.arguments)) continue;
    if (!conditions.first.empty() || rule.first_argument_match || conditions.any_non_literal ||
        !conditions.from.empty() || !conditions.first_from.empty() || conditions.at_least > 0 ||
        conditions.at_most >= 0) {
      const std::vector<Span> parts = split_arguments(text, file.layout(), call.arguments);
      const auto count = static_cast<int>(parts.size());
      if (count < conditions.at_least || (conditions.at_most >= 0 && count > conditions.at_most)) continue;
      if (!conditions.first.empty()) {
        if (parts.empty()) continue;
        const bool literal = is_literal(text, file.layout(), parts.front());
        if (literal != (conditions.first == "literal")) continue;
      }
      if (rule.first_argument_match &&
          (parts.empty() || !matches_text(rule.first_argument_match.get(), text, parts.front()))) {
        continue;
      }
      if (!conditions.from.empty()) {
        Origin strongest = Origin::inside;
        for (const Span& p : parts) strongest = std::max(strongest, origin(file, p));
        if (parts.empty() || !origin_is(strongest, conditions.from)) continue;
      }
      if (!conditions.first_from.empty() &&
          (parts.empty() || !origin_is(origin(file, parts.front()), conditions.first_from))) {
        continue;
      }
      if (conditions.any_non_literal &&
          std::all_of(parts.begin(), parts.end(), [&](const Span& p) { return is_literal(text, file.layout(), p); })) {
        continue;
      }
    }
    RawMatch match;
    match.whole = {call.name.begin, std::min(text.size(), call.close + 1)};
    match.location = match.whole;
    visit(match);
  }
}

// A provider rule and a generic one often flag the same secret: keep one finding per secret,
// a rule that knows the format before a "fallback" one that knows only the name, then the most
// severe (the earlier rule on a tie). Greedy in that order, against the spans kept so far
// (disjoint, so one look-up each): n log n.
void drop_duplicate_secrets(std::vector<Candidate>& candidates, const std::vector<Rule>& rules) {
  std::vector<std::size_t> order;
  for (std::size_t i = 0; i < candidates.size(); ++i) {
    if (candidates[i].has_secret()) order.push_back(i);
  }
  std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    const Candidate& x = candidates[a];
    const Candidate& y = candidates[b];
    return std::make_tuple(rules[x.rule].fallback, -static_cast<int>(x.severity), x.rule, x.secret_span.begin) <
           std::make_tuple(rules[y.rule].fallback, -static_cast<int>(y.severity), y.rule, y.secret_span.begin);
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

// Rules of one group that report the same line: the first rule (in rule order) keeps it.
void keep_first_of_groups(std::vector<Candidate>& candidates, const std::vector<Rule>& rules) {
  std::map<std::pair<std::string_view, std::size_t>, std::size_t> first;  // (group, line) -> lowest rule index
  for (const auto& c : candidates) {
    const std::string& group = rules[c.rule].group;
    if (group.empty()) continue;
    const auto [at, added] = first.emplace(std::make_pair(std::string_view(group), c.line), c.rule);
    if (!added) at->second = std::min(at->second, c.rule);
  }
  if (first.empty()) return;
  std::erase_if(candidates, [&](const Candidate& c) {
    const std::string& group = rules[c.rule].group;
    return !group.empty() && first.at({std::string_view(group), c.line}) != c.rule;
  });
}

bool rule_applies(const Rule& rule, const std::string& path, std::string_view language) {
  const bool applies = (rule.languages.empty() && rule.paths.empty()) ||
                       (!language.empty() &&
                        std::find(rule.languages.begin(), rule.languages.end(), language) != rule.languages.end()) ||
                       std::any_of(rule.paths.begin(), rule.paths.end(),
                                   [&](const std::string& glob) { return file_matches(glob, path); });
  // Excludes only matter for a file the rule would run on (asked last: globs cost the most).
  return applies && std::none_of(rule.exclude_paths.begin(), rule.exclude_paths.end(),
                                 [&](const std::string& glob) { return path_matches(glob, path); });
}

}  // namespace

RuleEngine::RuleEngine(std::vector<Rule> rules, std::size_t max_findings_per_file)
    : m_rules(std::move(rules)),
      m_keywords(std::make_unique<KeywordFilter>(m_rules)),
      m_max_findings_per_file(max_findings_per_file) {
  m_compiled.resize(m_rules.size());
  m_compile_once = std::make_unique<std::once_flag[]>(m_rules.size());
  for (const auto& rule : m_rules) m_known_ids.insert(rule.id);
  for (std::size_t i = 0; i < m_rules.size(); ++i) {
    if (!m_rules[i].paths.empty() || !m_rules[i].exclude_paths.empty()) m_path_rules.push_back(i);
  }
  std::vector<std::string_view> languages = known_languages();
  languages.emplace_back();
  for (const std::string_view language : languages) {
    std::vector<bool>& mask = m_by_language[language];
    mask.resize(m_rules.size());
    // A path that no rule's globs look at: rule_applies decides by the language alone.
    for (std::size_t i = 0; i < m_rules.size(); ++i)
      mask[i] = m_rules[i].paths.empty() && rule_applies(m_rules[i], "", language);
  }
  for (const auto& rule : builtin_rules()) m_known_ids.insert(rule.id);
  for (const auto& rule : m_rules) {
    for (const auto& call : rule.calls) {
      std::string last = call.substr(call.rfind('.') == std::string::npos ? 0 : call.rfind('.') + 1);
      if (last == "*") {
        m_wanted_calls.clear();
        m_all_calls = true;  // any method of a module: every call is of interest
      }
      m_wanted_calls.insert(last);
    }
  }
  for (const auto name : analyzer_call_names()) m_wanted_calls.insert(std::string(name));
}

RuleEngine::~RuleEngine() = default;

const CompiledRule& RuleEngine::compiled(std::size_t index) const {
  std::call_once(m_compile_once[index], [&] { m_compiled[index] = std::make_unique<CompiledRule>(m_rules[index]); });
  return *m_compiled[index];
}

void RuleEngine::compile_all() const {
  for (std::size_t i = 0; i < m_rules.size(); ++i) compiled(i);
}

std::vector<bool> RuleEngine::applicable_rules(const std::string& path) const {
  const std::string_view language = language_of(path);
  const auto known = m_by_language.find(language);
  if (known == m_by_language.end()) {
    std::vector<bool> applicable(m_rules.size());
    for (std::size_t i = 0; i < m_rules.size(); ++i) applicable[i] = rule_applies(m_rules[i], path, language);
    return applicable;
  }
  // Most rules depend on the language alone (worked out once); only those with path globs
  // look at the path.
  std::vector<bool> applicable = known->second;
  for (const std::size_t i : m_path_rules) applicable[i] = rule_applies(m_rules[i], path, language);
  return applicable;
}

std::vector<Finding> RuleEngine::scan(const std::string& path, std::string_view text) const {
  return scan_file(path, text).findings;
}

FileScan RuleEngine::scan_file(const std::string& path, std::string_view text, Role role,
                               const std::vector<bool>* given) const {
  FileScan result;
  const FileContext file(path, text, role, m_all_calls ? nullptr : &m_wanted_calls);
  // A ready:ignore[…] that names no rule suppresses nothing: say so, wherever it is.
  if (text.find("ready:ignore[") != std::string_view::npos) {
    for (const auto& marker : file.suppressions().markers()) {
      if (marker.kind != SuppressionMarker::Kind::ready_ignore) continue;
      for (const auto& id : marker.ids) {
        if (!m_known_ids.count(id)) {
          result.warnings.push_back(path + ":" + std::to_string(marker.line) + ": ready:ignore[" + id +
                                    "] names no rule (see ready-scan --list-rules)");
        }
      }
    }
  }

  const std::vector<bool> computed = given ? std::vector<bool>() : applicable_rules(path);
  const std::vector<bool>& applicable = given ? *given : computed;
  if (std::none_of(applicable.begin(), applicable.end(), [](bool b) { return b; })) return result;
  // Pass 1: the keyword prefilter says which rules can match at all.
  const std::vector<bool> candidates_mask = m_keywords->candidates(text, applicable);

  // Pass 2: each candidate rule's matcher, then the judge on every match.
  std::vector<Candidate> candidates;
  std::vector<Span> examples;  // documented example values a provider rule recognised
  for (std::size_t index = 0; index < candidates_mask.size(); ++index) {
    if (!candidates_mask[index]) continue;
    const CompiledRule& rule = compiled(index);
    MatchJudge judge(rule, file, &examples);
    const auto judge_match = [&](const RawMatch& match) {
      if (auto candidate = judge.evaluate(match)) {
        candidate->rule = index;
        candidates.push_back(*candidate);
      }
    };
    if (rule.pattern) {
      regex_matches(rule, text, judge_match);
    } else if (!rule.rule.calls.empty()) {
      call_matches(rule, file, judge_match);
    } else if (const Analyzer analyzer = find_analyzer(rule.rule.analyzer)) {
      analyzer(file, judge_match);
    }
  }
  // A provider's documented example (Telegram's "110201543:AAHdqTcv…") is not reported by a
  // fallback rule that knows only the variable's name either.
  if (!examples.empty()) {
    std::erase_if(candidates, [&](const Candidate& c) {
      return c.has_secret() && m_rules[c.rule].fallback &&
             std::any_of(examples.begin(), examples.end(),
                         [&](const Span& e) { return e.begin < c.secret_span.end && c.secret_span.begin < e.end; });
    });
  }
  if (candidates.empty()) return result;

  keep_first_of_groups(candidates, m_rules);
  drop_duplicate_secrets(candidates, m_rules);
  // Every secret found on a line is redacted from every snippet of that line, reported or not.
  // A secret is filed under the lines it is on (not the finding's, which may be an earlier
  // one): a secret over several lines, one piece per line.
  const LineIndex& lines = file.lines();
  std::map<std::size_t, std::vector<std::string>> secrets_by_line;
  for (const auto& c : candidates) {
    if (!c.has_secret()) continue;
    std::size_t begin = c.secret_span.begin;
    while (begin < c.secret_span.end) {
      const std::size_t newline = text.substr(0, c.secret_span.end).find('\n', begin);
      const std::size_t end = newline == std::string_view::npos ? c.secret_span.end : newline;
      const std::size_t piece_end = end > begin && text[end - 1] == '\r' ? end - 1 : end;
      if (piece_end > begin) secrets_by_line[lines.line_of(begin)].emplace_back(text.substr(begin, piece_end - begin));
      begin = end + 1;
    }
  }
  if (m_max_findings_per_file && candidates.size() > m_max_findings_per_file) {
    // One generated file must not flood the envelope: keep the most severe, then the first.
    std::stable_sort(candidates.begin(), candidates.end(), [](const Candidate& a, const Candidate& b) {
      return std::make_tuple(-static_cast<int>(a.severity), a.line, a.column) <
             std::make_tuple(-static_cast<int>(b.severity), b.line, b.column);
    });
    result.over_cap = candidates.size() - m_max_findings_per_file;
    candidates.resize(m_max_findings_per_file);
  }
  static const std::vector<std::string> no_secrets;
  result.findings.reserve(candidates.size());
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
    f.severity = c.severity;
    f.role = role;
    f.suppressed = c.suppressed;
    // The match's end on its first line: end_column counts code points, line_offset bytes.
    std::size_t match_end = line_text.size();
    if (c.end_line == c.line && c.end_column > c.column) {
      match_end = c.line_offset;
      for (std::size_t points = c.end_column - c.column; match_end < line_text.size() && points > 0; --points) {
        ++match_end;
        while (match_end < line_text.size() && (static_cast<unsigned char>(line_text[match_end]) & 0xC0) == 0x80) {
          ++match_end;
        }
      }
    }
    SnippetMark mark;
    f.snippet = make_snippet(line_text, c.line_offset, match_end,
                             secrets == secrets_by_line.end() ? no_secrets : secrets->second, mark);
    if (mark.end > mark.begin) f.snippet_mark = {mark.begin, mark.end};
    f.line_digest = sha256_hex(normalize_line(line_text));
    if (c.has_secret())
      f.secret_digest = sha256_hex(text.substr(c.secret_span.begin, c.secret_span.end - c.secret_span.begin));
    result.findings.push_back(std::move(f));
  }
  std::sort(result.findings.begin(), result.findings.end(), [](const Finding& a, const Finding& b) {
    return std::tie(a.line, a.column, a.rule) < std::tie(b.line, b.column, b.rule);
  });
  return result;
}

}  // namespace readygate::scan
