#include "names.hpp"

#include <re2/re2.h>

#include <cctype>

#include "char_class.hpp"

namespace readygate::scan {
namespace {

// Splits at commas, trimming each part and dropping empty ones.
std::vector<std::string_view> split_commas(std::string_view list) {
  std::vector<std::string_view> parts;
  while (true) {
    const std::size_t comma = list.find(',');
    const std::string_view part = trim_space(list.substr(0, comma));
    if (!part.empty()) parts.push_back(part);
    if (comma == std::string_view::npos) break;
    list.remove_prefix(comma + 1);
  }
  return parts;
}

// "a as b" -> {"a", "b"}; "a" -> {"a", "a"}. `separator` is " as " or ":" (JS destructuring).
std::pair<std::string, std::string> name_and_alias(std::string_view part, std::string_view separator) {
  const std::size_t at = part.find(separator);
  if (at == std::string_view::npos) return {std::string(trim_space(part)), std::string(trim_space(part))};
  return {std::string(trim_space(part.substr(0, at))), std::string(trim_space(part.substr(at + separator.size())))};
}

bool is_identifier(std::string_view s) {
  if (s.empty() || is_digit(static_cast<unsigned char>(s.front()))) return false;
  for (const char c : s) {
    const auto u = static_cast<unsigned char>(c);
    if (!(is_name_char(u) || c == '.')) return false;
  }
  return true;
}

std::string module_name(std::string_view module) {
  if (module.substr(0, 5) == "node:") module.remove_prefix(5);
  return std::string(module);
}

// Every match of `regex` that starts in code, with its capture groups.
template <typename Visit>
void each_match(const RE2& regex, std::string_view text, const SourceLayout& layout, Visit&& visit) {
  const int n = regex.NumberOfCapturingGroups();
  std::vector<re2::StringPiece> groups(static_cast<std::size_t>(n) + 1);
  const re2::StringPiece whole(text.data(), text.size());
  std::size_t pos = 0;
  while (pos < text.size() && regex.Match(whole, pos, text.size(), RE2::UNANCHORED, groups.data(), n + 1)) {
    const auto begin = static_cast<std::size_t>(groups[0].data() - text.data());
    pos = begin + std::max<std::size_t>(groups[0].size(), 1);
    // The match's first non-space character must be code (an import quoted in a docstring binds nothing).
    std::size_t first = begin;
    while (first < text.size() && is_space(static_cast<unsigned char>(text[first]))) ++first;
    if (layout.kind_at(first) != TextKind::code) continue;
    std::vector<std::string_view> parts;
    for (int i = 1; i <= n; ++i) {
      const auto& g = groups[static_cast<std::size_t>(i)];
      parts.emplace_back(g.data() ? std::string_view(g.data(), g.size()) : std::string_view());
    }
    visit(parts);
  }
}

}  // namespace

void NameTable::bind(std::string name, std::string meaning) {
  if (name.empty() || meaning.empty()) return;  // name == meaning records a plain import
  m_bindings[std::move(name)] = std::move(meaning);
}

std::string NameTable::resolve(std::string_view dotted, std::vector<std::string>* also) const {
  // The longest prefix of whole components that is bound.
  std::size_t end = dotted.size();
  while (end > 0) {
    const auto it = m_bindings.find(dotted.substr(0, end));
    if (it != m_bindings.end()) return it->second + std::string(dotted.substr(end));
    const std::size_t dot = dotted.rfind('.', end - 1);
    if (dot == std::string_view::npos) break;
    end = dot;
  }
  if (also && dotted.find('.') == std::string_view::npos) {
    for (const auto& module : m_star_modules) also->push_back(module + "." + std::string(dotted));
  }
  return std::string(dotted);
}

// Python's bindings, from one pass over the statements' first lines: only a line whose first
// word is import, from, with or def, or that assigns, goes to a regular expression.
NameTable python_names(std::string_view text, const SourceLayout& layout) {
  static const RE2 imports(R"(^[ \t]*import[ \t]+([^\n#;]+))");
  static const RE2 from_imports(R"(^[ \t]*from[ \t]+([\w.]+)[ \t]+import[ \t]*(\([^)]*\)|[^\n#;]+))");
  static const RE2 with(R"(^[ \t]*(?:async[ \t]+)?with[ \t]+([A-Za-z_][\w.]*)[ \t]*\([^\n]*?\)[ \t]+as[ \t]+(\w+))");
  static const RE2 shadow_def(R"(^[ \t]*(?:async[ \t]+)?def[ \t]+(eval|exec|compile|input)\b)");
  static const RE2 shadow_parameter(
      R"(^[ \t]*(?:async[ \t]+)?def[ \t]+\w+[ \t]*\([^)]*\b(eval|exec|compile|input)\b[ \t]*[,)=:])");
  NameTable names;
  std::vector<std::pair<std::string, std::string>> assignments;  // (name, right side): after the imports
  std::vector<std::pair<std::string, std::string>> withs;
  std::size_t start = 0;
  std::size_t line = 1;
  while (start < text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    const std::size_t last_line = layout.statement_last_line(line);
    // The whole statement (a parenthesised import spans lines).
    std::size_t statement_end = end;
    for (std::size_t l = line; l < last_line; ++l) {
      const std::size_t next = text.find('\n', statement_end + 1);
      statement_end = next == std::string_view::npos ? text.size() : next;
    }
    const std::string_view statement = text.substr(start, statement_end - start);
    const std::size_t first = statement.find_first_not_of(" \t");
    const std::size_t statement_begin = start;
    line = last_line + 1;
    start = statement_end + 1;
    if (first == std::string_view::npos || layout.kind_at(statement_begin + first) != TextKind::code) continue;
    const std::string_view word = statement.substr(first, std::min<std::size_t>(6, statement.size() - first));
    const re2::StringPiece piece(statement.data(), statement.size());
    re2::StringPiece g[3];
    if (word.substr(0, 6) == "import") {
      if (!RE2::PartialMatch(piece, imports, &g[0])) continue;
      for (const auto part : split_commas(std::string_view(g[0].data(), g[0].size()))) {
        if (part.find(" as ") != std::string_view::npos) {
          const auto [module, alias] = name_and_alias(part, " as ");
          names.bind(alias, module);
        } else if (is_identifier(part)) {
          // `import os.path` binds os; os.path.join(…) is then written in full.
          const std::string head(part.substr(0, part.find('.')));
          names.bind(head, head);
        }
      }
    } else if (word.substr(0, 4) == "from") {
      if (!RE2::PartialMatch(piece, from_imports, &g[0], &g[1])) continue;
      const std::string module(g[0].data(), g[0].size());
      if (module.front() == '.') continue;  // relative: the project's own code
      std::string_view list = trim_space(std::string_view(g[1].data(), g[1].size()));
      if (!list.empty() && list.front() == '(') list = list.substr(1, list.size() >= 2 ? list.size() - 2 : 0);
      for (const auto part : split_commas(list)) {
        if (part == "*") {
          names.star_import(module);
          continue;
        }
        const auto [name, alias] = name_and_alias(part, " as ");
        if (is_identifier(alias)) names.bind(alias, module + "." + name);
      }
    } else if (word.substr(0, 3) == "def" || word.substr(0, 5) == "async") {
      // A builtin the file defines again (a def, a parameter) is the file's own.
      const bool mentions =
          statement.find("eval") != std::string_view::npos || statement.find("exec") != std::string_view::npos ||
          statement.find("compile") != std::string_view::npos || statement.find("input") != std::string_view::npos;
      if (mentions &&
          (RE2::PartialMatch(piece, shadow_def, &g[0]) || RE2::PartialMatch(piece, shadow_parameter, &g[0]))) {
        names.bind(std::string(g[0].data(), g[0].size()), "<local>." + std::string(g[0].data(), g[0].size()));
      }
      if (word.substr(0, 5) == "async" && statement.find(" as ") != std::string_view::npos &&
          RE2::PartialMatch(piece, with, &g[0], &g[1])) {
        withs.emplace_back(std::string(g[1].data(), g[1].size()), std::string(g[0].data(), g[0].size()));
      }
    } else if (word.substr(0, 4) == "with") {
      if (statement.find(" as ") != std::string_view::npos && RE2::PartialMatch(piece, with, &g[0], &g[1])) {
        withs.emplace_back(std::string(g[1].data(), g[1].size()), std::string(g[0].data(), g[0].size()));
      }
    } else if (statement.find('=') != std::string_view::npos) {
      // NAME = dotted.name[(] — parsed by hand: most lines of a file assign something.
      const auto dotted_at = [&](std::size_t i) {
        std::size_t j = i;
        if (j < statement.size() && (is_alpha(static_cast<unsigned char>(statement[j])) || statement[j] == '_')) {
          while (j < statement.size() &&
                 (is_name_char(static_cast<unsigned char>(statement[j])) || statement[j] == '.'))
            ++j;
        }
        return j;
      };
      const std::size_t name_end = dotted_at(first);
      if (name_end == first) continue;
      std::size_t i = name_end;
      while (i < statement.size() && (statement[i] == ' ' || statement[i] == '\t')) ++i;
      if (i >= statement.size() || statement[i] != '=' || (i + 1 < statement.size() && statement[i + 1] == '='))
        continue;
      const std::string name(statement.substr(first, name_end - first));
      if (name == "eval" || name == "exec" || name == "compile" || name == "input") {
        names.bind(name, "<local>." + name);  // the file's own
        continue;
      }
      ++i;
      while (i < statement.size() && (statement[i] == ' ' || statement[i] == '\t')) ++i;
      if (statement.compare(i, 6, "await ") == 0) i += 6;
      const std::size_t right_end = dotted_at(i);
      if (right_end == i) continue;
      std::size_t after = right_end;
      while (after < statement.size() && (statement[after] == ' ' || statement[after] == '\t')) ++after;
      const bool call = after < statement.size() && statement[after] == '(';
      assignments.emplace_back(name, std::string(statement.substr(i, right_end - i)) + (call ? "(" : ""));
    }
  }
  // Assignments and with-statements after the imports, so that their right-hand sides resolve.
  for (const auto& [name, right] : assignments) {
    const bool call = !right.empty() && right.back() == '(';
    const std::string_view callee =
        call ? std::string_view(right).substr(0, right.size() - 1) : std::string_view(right);
    const std::string resolved = names.resolve(callee);
    const bool bound = resolved != callee || names.bindings().count(std::string(callee.substr(0, callee.find('.'))));
    if (bound) names.bind(name, resolved + (call ? "()" : ""));
  }
  for (const auto& [name, callee] : withs) names.bind(name, names.resolve(callee) + "()");
  return names;
}

// JavaScript's bindings. The expressions run on small slices — the declaration around each
// `require`, the statement of each `import` — never over the whole file; instances and
// shadowing are parsed by hand at each const/let/var/function.
NameTable javascript_names(std::string_view text, const SourceLayout& layout) {
  static const RE2 require_name(
      R"(^(?:const|let|var)\s+([\w$]+)\s*=\s*require\s*\(\s*['"]([^'"\n]+)['"]\s*\)(\s*\.\s*[\w$]+)?)");
  static const RE2 require_destructure(
      R"(^(?:const|let|var)\s*\{([^}]*)\}\s*=\s*require\s*\(\s*['"]([^'"\n]+)['"]\s*\))");
  static const RE2 import_default(R"(^import\s+([\w$]+)\s*(?:,\s*\{([^}]*)\})?\s*from\s*['"]([^'"\n]+)['"])");
  static const RE2 import_namespace(R"(^import\s*\*\s*as\s+([\w$]+)\s+from\s*['"]([^'"\n]+)['"])");
  static const RE2 import_named(R"(^import\s*(?:type\s+)?\{([^}]*)\}\s*from\s*['"]([^'"\n]+)['"])");
  NameTable names;
  const auto bind_list = [&](std::string_view list, const std::string& module, std::string_view separator) {
    for (const auto part : split_commas(list)) {
      const auto [name, alias] = name_and_alias(part, separator);
      if (is_identifier(alias) && is_identifier(name)) names.bind(alias, module + "." + name);
    }
  };
  const auto piece = [](std::string_view v) { return re2::StringPiece(v.data(), v.size()); };
  const auto view = [](const re2::StringPiece& p) { return std::string_view(p.data(), p.size()); };
  const auto is_code = [&](std::size_t at) { return layout.kind_at(at) == TextKind::code; };

  // const x = require('m'), const { a, b: c } = require('m'): from the declaration before it.
  for (std::size_t at = text.find("require"); at != std::string_view::npos; at = text.find("require", at + 7)) {
    if (!is_code(at)) continue;
    const std::size_t window = at > 1000 ? at - 1000 : 0;
    std::size_t declaration = std::string_view::npos;
    const std::string_view before = text.substr(window, at - window);  // never further back than that
    for (const std::string_view keyword : {"const", "let", "var"}) {
      const std::size_t k = before.rfind(keyword);
      if (k != std::string_view::npos && (declaration == std::string_view::npos || window + k > declaration))
        declaration = window + k;
    }
    if (declaration == std::string_view::npos || !is_code(declaration)) continue;
    const std::size_t close = text.find(')', at);
    if (close == std::string_view::npos) continue;
    std::size_t end = close + 1;
    while (end < text.size() &&
           (text[end] == '.' || text[end] == ' ' || is_name_char(static_cast<unsigned char>(text[end]))))
      ++end;
    const std::string_view slice = text.substr(declaration, end - declaration);
    re2::StringPiece g[3];
    if (RE2::PartialMatch(piece(slice), require_name, &g[0], &g[1], &g[2])) {
      std::string member(view(g[2]));
      std::erase_if(member, [](char c) { return is_space(static_cast<unsigned char>(c)); });
      names.bind(std::string(view(g[0])), module_name(view(g[1])) + member);
    } else if (RE2::PartialMatch(piece(slice), require_destructure, &g[0], &g[1])) {
      bind_list(view(g[0]), module_name(view(g[1])), ":");
    }
  }
  // import … from 'm': the statement from the line's `import` to its module name.
  for (std::size_t at = text.find("import"); at != std::string_view::npos; at = text.find("import", at + 6)) {
    const std::size_t line_start = at == 0 ? 0 : text.rfind('\n', at - 1) + 1;
    if (text.substr(line_start, at - line_start).find_first_not_of(" \t") != std::string_view::npos || !is_code(at))
      continue;
    const std::size_t from = text.find("from", at);
    if (from == std::string_view::npos || from - at > 4000) continue;
    const std::size_t quote_end = text.find_first_of("\n;", from);
    const std::string_view slice =
        text.substr(at, (quote_end == std::string_view::npos ? text.size() : quote_end) - at);
    re2::StringPiece g[3];
    if (RE2::PartialMatch(piece(slice), import_default, &g[0], &g[1], &g[2])) {
      const std::string module = module_name(view(g[2]));
      names.bind(std::string(view(g[0])), module);
      if (!g[1].empty()) bind_list(view(g[1]), module, " as ");
    } else if (RE2::PartialMatch(piece(slice), import_namespace, &g[0], &g[1])) {
      names.bind(std::string(view(g[0])), module_name(view(g[1])));
    } else if (RE2::PartialMatch(piece(slice), import_named, &g[0], &g[1])) {
      bind_list(view(g[0]), module_name(view(g[1])), " as ");
    }
  }
  // A global the file defines again (a function, a variable, a parameter) is the file's own.
  static const RE2 shadowing(
      R"((?:\bfunction\s+(eval|Function|setTimeout|setInterval)\s*\(|\b(?:const|let|var)\s+(eval|Function|setTimeout|setInterval)\s*=|\(\s*(?:[\w$]+\s*,\s*)*(eval|Function|setTimeout|setInterval)\s*(?:,[^)]*)?\)\s*(?:=>|\{)))");
  for (const std::string_view global : {"eval", "Function", "setTimeout", "setInterval"}) {
    for (std::size_t at = text.find(global); at != std::string_view::npos; at = text.find(global, at + global.size())) {
      if (!is_code(at)) continue;
      const std::size_t from = at > 200 ? at - 200 : 0;
      const std::string_view around = text.substr(from, std::min(text.size(), at + 200) - from);
      re2::StringPiece g[3];
      if (RE2::PartialMatch(piece(around), shadowing, &g[0], &g[1], &g[2])) {
        for (const auto& name : g) {
          if (view(name) == global) names.bind(std::string(global), "<local>." + std::string(global));
        }
      }
    }
  }
  // const x = [await] [new] bound.name(…): an instance of what an import bound.
  if (names.bindings().empty()) return names;
  for (const std::string_view keyword : {"const ", "let ", "var "}) {
    for (std::size_t at = text.find(keyword); at != std::string_view::npos;
         at = text.find(keyword, at + keyword.size())) {
      if (at > 0 && is_name_char(static_cast<unsigned char>(text[at - 1]))) continue;
      std::size_t i = at + keyword.size();
      const auto skip_spaces = [&] {
        while (i < text.size() && (text[i] == ' ' || text[i] == '\t')) ++i;
      };
      const auto name_at = [&] {
        const std::size_t b = i;
        while (i < text.size() && (is_name_char(static_cast<unsigned char>(text[i])) || text[i] == '.')) ++i;
        return text.substr(b, i - b);
      };
      skip_spaces();
      const std::string_view name = name_at();
      skip_spaces();
      if (name.empty() || i >= text.size() || text[i] != '=' ||
          (i + 1 < text.size() && (text[i + 1] == '=' || text[i + 1] == '>')))
        continue;
      ++i;
      skip_spaces();
      if (text.compare(i, 6, "await ") == 0) i += 6;
      skip_spaces();
      if (text.compare(i, 4, "new ") == 0) i += 4;
      skip_spaces();
      const std::string_view callee = name_at();
      skip_spaces();
      if (callee.empty() || i >= text.size() || text[i] != '(' || callee == "require") continue;
      const std::string head(callee.substr(0, callee.find('.')));
      const auto bound = names.bindings().find(head);
      if (bound == names.bindings().end() || bound->second.rfind("<local>", 0) == 0 || !is_code(at)) continue;
      const std::string resolved = names.resolve(callee);
      if (resolved == "util.promisify") {
        // const run = util.promisify(exec): the same function, returning a promise.
        ++i;
        skip_spaces();
        const std::string_view wrapped = name_at();
        skip_spaces();
        if (!wrapped.empty() && i < text.size() && text[i] == ')')
          names.bind(std::string(name), names.resolve(wrapped));
        continue;
      }
      names.bind(std::string(name), resolved + "()");
    }
  }
  return names;
}

}  // namespace readygate::scan
