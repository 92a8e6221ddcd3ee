#include "char_class.hpp"
#include "provenance.hpp"

#include <re2/re2.h>

#include <algorithm>
#include <cctype>

#include "block_context.hpp"
#include "file_context.hpp"
#include "suppression.hpp"

namespace readygate::scan {
namespace {

bool is_source(std::string_view name) {
  static const std::set<std::string_view> sources{"request", "req", "event", "environ", "cookies", "argv", "input",
                                                  "raw_input", "stdin", "query_params", "path_params"};
  return sources.count(name) > 0;
}

// The variables named by the code in `span`: identifiers outside string literals (f-string
// and template holes are code), but not string prefixes (f"…") or members (x.name).
std::vector<std::string> names_in(const FileContext& file, Span span) {
  std::vector<std::string> words;
  const std::string_view text = file.text();
  const SourceLayout& layout = file.layout();
  std::size_t i = span.begin;
  while (i < span.end) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (!is_name_char(c) || is_digit(c) || layout.kind_at(i) != TextKind::code) {
      ++i;
      continue;
    }
    std::size_t j = i;
    while (j < span.end && is_name_char(static_cast<unsigned char>(text[j]))) ++j;
    const bool prefix = j < text.size() && (text[j] == '"' || text[j] == '\'') && j - i <= 2;
    std::size_t before = i;
    while (before > span.begin && (text[before - 1] == ' ' || text[before - 1] == '\t')) --before;
    const bool member = before > 0 && text[before - 1] == '.' && !(before > 1 && text[before - 2] == '.');
    if (!prefix && !member) words.emplace_back(text.substr(i, j - i));
    i = j;
  }
  return words;
}

// Parameters from a parameter list's text: "self, a, b=1, *args, c: int = 2, **kw" -> {a, b,
// args, c, kw}; JavaScript's destructuring ({ a, b }) gives its names.
std::set<std::string> parameters_of(std::string_view list) {
  std::set<std::string> out;
  int depth = 0;
  bool at_name = true;  // the next identifier (at this depth) names a parameter
  for (std::size_t i = 0; i < list.size();) {
    const char c = list[i];
    if (c == '(' || c == '[' || c == '<') ++depth;
    if (c == ')' || c == ']' || c == '>') --depth;
    if (c == ',' && depth <= 0) at_name = true;
    if (c == '{') at_name = true;
    if (c == '=' || c == ':') at_name = false;  // a default or an annotation follows
    if (is_name_char(static_cast<unsigned char>(c)) && !is_digit(static_cast<unsigned char>(c))) {
      std::size_t j = i;
      while (j < list.size() && is_name_char(static_cast<unsigned char>(list[j]))) ++j;
      const std::string name(list.substr(i, j - i));
      if (at_name && depth <= 0 && name != "self" && name != "cls" && name != "this") out.insert(name);
      if (at_name && depth <= 0) at_name = false;
      i = j;
      continue;
    }
    ++i;
  }
  return out;
}

std::size_t offset_of(const FileContext& file, std::string_view piece) {
  return static_cast<std::size_t>(piece.data() - file.text().data());
}

// The end of the statement that starts at 1-based `line`.
std::size_t statement_end(const FileContext& file, std::size_t line) {
  const std::string_view last = file.lines().line_text(file.layout().statement_last_line(line));
  return offset_of(file, last) + last.size();
}

}  // namespace

Provenance::Provenance(const FileContext& file) : m_file(file), m_python(file.language() == "python") {
  if (!file.layout().lexed()) return;
  if (m_python) {
    find_python_functions();
  } else {
    find_javascript_functions();
  }
}

void Provenance::find_python_functions() {
  static const RE2 def(R"(^\s*(?:async\s+)?def\s+\w+\s*\(([\s\S]*)\)\s*(?:->[^:]*)?:)");
  const LineIndex& lines = m_file.lines();
  const SourceLayout& layout = m_file.layout();
  std::vector<std::pair<std::size_t, int>> open;  // (indentation, function) of the defs around
  for (std::size_t l = 1; l <= lines.line_count(); ++l) {
    if (layout.statement_first_line(l) != l) continue;
    const std::string_view text = lines.line_text(l);
    if (text.find_first_not_of(" \t\r") == std::string_view::npos || is_comment_only(text)) continue;
    const std::size_t indent = indentation(text);
    while (!open.empty() && open.back().first >= indent) {
      m_functions[static_cast<std::size_t>(open.back().second)].end = offset_of(m_file, text);
      open.pop_back();
    }
    if (text.find("def") == std::string_view::npos) continue;
    const std::string_view statement = lines.lines_text(l, layout.statement_last_line(l));
    re2::StringPiece params;
    if (!RE2::PartialMatch(re2::StringPiece(statement.data(), statement.size()), def, &params)) continue;
    Function f;
    f.begin = offset_of(m_file, text);
    f.end = m_file.text().size();
    f.parameters = parameters_of(std::string_view(params.data(), params.size()));
    f.parent = open.empty() ? -1 : open.back().second;
    m_functions.push_back(std::move(f));
    open.emplace_back(indent, static_cast<int>(m_functions.size() - 1));
  }
}

void Provenance::find_javascript_functions() {
  // A `{` opens a function's body when the text before it ends like a function's header:
  // name(params), function name(params), (params) =>, x =>, with a TypeScript return type.
  static const RE2 named(R"(([\w$]+)\s*\(([^()]*)\)\s*(?::[^{};]*)?$)");
  static const RE2 arrow(R"(\(([^()]*)\)\s*(?::[^{};=]*)?=>\s*$)");
  static const RE2 bare_arrow(R"(([\w$]+)\s*=>\s*$)");
  static const std::set<std::string_view> blocks{"if", "for", "while", "switch", "catch", "with", "return", "function"};
  const std::string_view text = m_file.text();
  const SourceLayout& layout = m_file.layout();
  std::vector<int> open;  // the function each open brace starts, or -1
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if ((c != '{' && c != '}') || layout.kind_at(i) != TextKind::code) continue;
    if (c == '}') {
      if (open.empty()) continue;
      if (open.back() >= 0) m_functions[static_cast<std::size_t>(open.back())].end = i;
      open.pop_back();
      continue;
    }
    const std::size_t from = i > 300 ? i - 300 : 0;
    const re2::StringPiece head(text.data() + from, i - from);
    re2::StringPiece word, params;
    std::optional<std::set<std::string>> parameters;
    if (RE2::PartialMatch(head, arrow, &params)) {
      parameters = parameters_of(std::string_view(params.data(), params.size()));
    } else if (RE2::PartialMatch(head, bare_arrow, &word)) {
      parameters = std::set<std::string>{std::string(word.data(), word.size())};
    } else if (RE2::PartialMatch(head, named, &word, &params) && !blocks.count(std::string_view(word.data(), word.size()))) {
      parameters = parameters_of(std::string_view(params.data(), params.size()));
    }
    if (!parameters) {
      open.push_back(-1);
      continue;
    }
    Function f;
    f.begin = i;
    f.end = text.size();
    f.parameters = std::move(*parameters);
    for (auto it = open.rbegin(); it != open.rend(); ++it) {
      if (*it >= 0) {
        f.parent = *it;
        break;
      }
    }
    m_functions.push_back(std::move(f));
    open.push_back(static_cast<int>(m_functions.size() - 1));
  }
}

const Provenance::Function* Provenance::function_at(std::size_t offset) const {
  auto it = std::upper_bound(m_functions.begin(), m_functions.end(), offset,
                             [](std::size_t o, const Function& f) { return o < f.begin; });
  if (it == m_functions.begin()) return nullptr;
  const Function* f = &*std::prev(it);
  while (f && offset >= f->end) f = f->parent < 0 ? nullptr : &m_functions[static_cast<std::size_t>(f->parent)];
  return f;
}

std::optional<Span> Provenance::function_body_at(std::size_t offset) const {
  const Function* f = function_at(offset);
  if (!f) return std::nullopt;
  return Span{f->begin, f->end};
}

const std::map<std::string, std::vector<Provenance::Assignment>>& Provenance::locals_of(const Function& function) const {
  if (function.locals) return *function.locals;
  function.locals.emplace();
  auto& locals = *function.locals;
  const std::string_view text = m_file.text();
  const SourceLayout& layout = m_file.layout();
  const std::string_view body = text.substr(function.begin, function.end - function.begin);
  const auto each = [&](const RE2& regex, auto&& visit) {
    const re2::StringPiece whole(body.data(), body.size());
    re2::StringPiece groups[4];
    std::size_t pos = 0;
    while (pos < body.size() && regex.Match(whole, pos, body.size(), RE2::UNANCHORED, groups, 4)) {
      const auto at = static_cast<std::size_t>(groups[0].data() - text.data());
      pos = static_cast<std::size_t>(groups[0].data() - body.data()) + std::max<std::size_t>(groups[0].size(), 1);
      std::size_t first = at;
      while (first < text.size() && is_space(static_cast<unsigned char>(text[first]))) ++first;
      if (layout.kind_at(first) != TextKind::code) continue;
      visit(at, groups);
    }
  };
  const auto value_to_end = [&](std::size_t from, std::size_t at) {
    return Span{from, statement_end(m_file, m_file.lines().line_of(at))};
  };
  const auto add = [&](std::string_view names, std::size_t at, Span value) {
    for (std::size_t i = 0; i < names.size();) {
      if (!is_name_char(static_cast<unsigned char>(names[i]))) {
        ++i;
        continue;
      }
      std::size_t j = i;
      while (j < names.size() && is_name_char(static_cast<unsigned char>(names[j]))) ++j;
      locals[std::string(names.substr(i, j - i))].push_back({at, value});
      i = j;
    }
  };
  const auto offset = [&](const re2::StringPiece& g) { return static_cast<std::size_t>(g.data() - text.data()); };
  if (m_python) {
    static const RE2 assign(R"((?m)^[ \t]*([A-Za-z_]\w*(?:[ \t]*,[ \t]*[A-Za-z_]\w*)*)[ \t]*(?::[^=\n]*)?=([^=]|$))");
    static const RE2 with(R"((?m)^[ \t]*(?:async[ \t]+)?with[ \t]+(.+?)[ \t]+as[ \t]+(\w+))");
    static const RE2 loop(R"((?m)^[ \t]*(?:async[ \t]+)?for[ \t]+([\w, \t]+?)[ \t]+in[ \t]+([^\n]+):)");
    each(assign, [&](std::size_t at, re2::StringPiece* g) {
      add(std::string_view(g[1].data(), g[1].size()), at, value_to_end(offset(g[2]), at));
    });
    each(with, [&](std::size_t at, re2::StringPiece* g) {
      add(std::string_view(g[2].data(), g[2].size()), at, Span{offset(g[1]), offset(g[1]) + g[1].size()});
    });
    each(loop, [&](std::size_t at, re2::StringPiece* g) {
      add(std::string_view(g[1].data(), g[1].size()), at, Span{offset(g[2]), offset(g[2]) + g[2].size()});
    });
  } else {
    static const RE2 assign(R"((?:^|[^\w$.])(?:(?:const|let|var)\s+)?([A-Za-z_$][\w$]*)\s*=([^=>]|$))");
    static const RE2 loop(R"(\bfor\s*\(\s*(?:const|let|var)\s+([\w$]+)\s+(?:of|in)\s+([^)]*)\))");
    each(assign, [&](std::size_t at, re2::StringPiece* g) {
      add(std::string_view(g[1].data(), g[1].size()), at, value_to_end(offset(g[2]), at));
    });
    each(loop, [&](std::size_t at, re2::StringPiece* g) {
      add(std::string_view(g[1].data(), g[1].size()), at, Span{offset(g[2]), offset(g[2]) + g[2].size()});
    });
  }
  return locals;
}

bool Provenance::names_outside(const std::vector<std::string>& words, const Function* function) const {
  return std::any_of(words.begin(), words.end(), [&](const std::string& w) {
    return is_source(w) || (function && function->parameters.count(w) > 0);
  });
}

bool Provenance::from_outside(Span expression) const {
  if (!m_file.layout().lexed() || expression.empty()) return false;
  const std::vector<std::string> words = names_in(m_file, expression);
  if (words.empty()) return false;
  const Function* function = function_at(expression.begin);
  if (names_outside(words, function)) return true;
  if (!function) return false;
  // One step back: the nearest earlier assignment of each name in the function.
  const auto& locals = locals_of(*function);
  for (const std::string& word : words) {
    const auto it = locals.find(word);
    if (it == locals.end()) continue;
    const Assignment* nearest = nullptr;
    for (const Assignment& a : it->second) {
      if (a.at < expression.begin && (!nearest || a.at > nearest->at)) nearest = &a;
    }
    if (nearest && names_outside(names_in(m_file, nearest->value), function)) return true;
  }
  return false;
}

bool from_outside(const FileContext& file, Span expression) { return file.provenance().from_outside(expression); }

}  // namespace readygate::scan
