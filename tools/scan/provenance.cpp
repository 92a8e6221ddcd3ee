#include "provenance.hpp"

#include <re2/re2.h>

#include <algorithm>
#include <cctype>

#include "block_context.hpp"
#include "char_class.hpp"
#include "file_context.hpp"
#include "suppression.hpp"

namespace readygate::scan {
namespace {

// What a name says of where a value comes from: a request's data is input; the process's
// own (its command line, standard input, a prompt, its environment) is the operator's, trusted
// as far as a caller's parameter is. Others say nothing (inside).
Origin source_origin(std::string_view name) {
  static const std::set<std::string_view> request{"request", "req",          "event",      "environ",
                                                  "cookies", "query_params", "path_params"};
  static const std::set<std::string_view> process{"argv", "input", "raw_input", "stdin", "os.environ"};
  if (request.count(name) > 0) return Origin::input;
  if (process.count(name) > 0) return Origin::parameter;
  return Origin::inside;
}

// The variables named by the code in `span`: identifiers outside string literals (f-string
// and template holes are code), but not string prefixes (f"…"), members (x.name; but
// sys.argv, sys.stdin, os.environ and self.request are input) or what stands inside a subscript (the `key` of
// table[key]; a list literal's names count).
std::vector<std::string> names_in(const FileContext& file, Span span) {
  std::vector<std::string> words;
  const std::string_view text = file.text();
  const SourceLayout& layout = file.layout();
  std::vector<bool> brackets;  // for each open [ (in code): is it a subscript?
  std::size_t subscripts = 0;
  std::size_t i = span.begin;
  while (i < span.end) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (layout.kind_at(i) == TextKind::code && (c == '[' || c == ']')) {
      if (c == '[') {
        std::size_t before = i;
        while (before > span.begin && (text[before - 1] == ' ' || text[before - 1] == '\t')) --before;
        const unsigned char prev = before > span.begin ? static_cast<unsigned char>(text[before - 1]) : ' ';
        const bool subscript = is_name_char(prev) || prev == ')' || prev == ']' || prev == '"' || prev == '\'';
        brackets.push_back(subscript);
        subscripts += subscript;
      } else if (!brackets.empty()) {
        subscripts -= brackets.back();
        brackets.pop_back();
      }
      ++i;
      continue;
    }
    if (!is_name_char(c) || is_digit(c) || layout.kind_at(i) != TextKind::code) {
      ++i;
      continue;
    }
    std::size_t j = i;
    while (j < span.end && is_name_char(static_cast<unsigned char>(text[j]))) ++j;
    const bool prefix = j < text.size() && (text[j] == '"' || text[j] == '\'') && j - i <= 2;
    std::size_t before = i;
    while (before > span.begin && (text[before - 1] == ' ' || text[before - 1] == '\t')) --before;
    bool member = before > 0 && text[before - 1] == '.' && !(before > 1 && text[before - 2] == '.');
    std::string word(text.substr(i, j - i));
    if (member && source_origin(word) != Origin::inside) {
      // sys.argv, sys.stdin, self.request: the process's or the handler's input; os.environ
      // the process's environment (a bare `environ` is WSGI's, the request's).
      std::size_t base_end = before - 1;
      std::size_t base = base_end;
      while (base > span.begin && is_name_char(static_cast<unsigned char>(text[base - 1]))) --base;
      const std::string_view owner = text.substr(base, base_end - base);
      member = !(owner == "sys" || owner == "os" || owner == "self");
      if (owner == "os") word = "os.environ";
    }
    if (!prefix && !member && subscripts == 0) words.push_back(std::move(word));
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

// Whether the def at 1-based `line` is under a route decorator (@app.get("/x"), @bp.route(…),
// @router.api_route(…)), looking up through the decorators just above it.
bool Provenance::routed(std::size_t line) const {
  static const RE2 route(
      R"(^\s*@\s*[\w.]*\.(?:get|post|put|patch|delete|head|options|route|api_route|websocket)\s*\()");
  static const RE2 decorator(R"(^\s*@)");
  const LineIndex& lines = m_file.lines();
  const SourceLayout& layout = m_file.layout();
  for (std::size_t l = line; l > 1;) {
    l = layout.statement_first_line(l - 1);
    const std::string_view text = lines.lines_text(l, layout.statement_last_line(l));
    const re2::StringPiece piece(text.data(), text.size());
    if (!RE2::PartialMatch(piece, decorator)) return false;
    if (RE2::PartialMatch(piece, route)) return true;
  }
  return false;
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
    f.handler = f.parameters.count("request") > 0 || f.parameters.count("req") > 0 || routed(l);
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
    // An arrow function's parameter list, or a named function's (not a block keyword's).
    const bool listed =
        RE2::PartialMatch(head, arrow, &params) ||
        (!RE2::PartialMatch(head, bare_arrow, &word) && RE2::PartialMatch(head, named, &word, &params) &&
         !blocks.count(std::string_view(word.data(), word.size())));
    if (listed) {
      parameters = parameters_of(std::string_view(params.data(), params.size()));
    } else if (RE2::PartialMatch(head, bare_arrow, &word)) {
      parameters = std::set<std::string>{std::string(word.data(), word.size())};
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

const std::map<std::string, std::vector<Provenance::Assignment>>& Provenance::locals_of(
    const Function& function) const {
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

Origin Provenance::origin_of_names(const std::vector<std::string>& words, const Function* function) const {
  Origin strongest = Origin::inside;
  for (const std::string& w : words) {
    const Origin named = source_origin(w);
    if (named == Origin::input) return named;
    if (function && function->parameters.count(w) > 0) {
      if (function->handler) return Origin::input;
      strongest = Origin::parameter;
    }
    if (named == Origin::parameter) strongest = Origin::parameter;
  }
  return strongest;
}

Origin Provenance::origin(Span expression) const {
  if (!m_file.layout().lexed() || expression.empty()) return Origin::inside;
  const std::vector<std::string> words = names_in(m_file, expression);
  if (words.empty()) return Origin::inside;
  const Function* function = function_at(expression.begin);
  Origin strongest = origin_of_names(words, function);
  if (strongest == Origin::input || !function) return strongest;
  // One step back: the nearest earlier assignment of each name in the function.
  const auto& locals = locals_of(*function);
  for (const std::string& word : words) {
    const auto it = locals.find(word);
    if (it == locals.end()) continue;
    const Assignment* nearest = nullptr;
    for (const Assignment& a : it->second) {
      if (a.at < expression.begin && (!nearest || a.at > nearest->at)) nearest = &a;
    }
    if (!nearest) continue;
    strongest = std::max(strongest, origin_of_names(names_in(m_file, nearest->value), function));
    if (strongest == Origin::input) return strongest;
  }
  return strongest;
}

Origin origin(const FileContext& file, Span expression) { return file.provenance().origin(expression); }
bool from_outside(const FileContext& file, Span expression) { return file.provenance().from_outside(expression); }

}  // namespace readygate::scan
