#include "names.hpp"

#include <re2/re2.h>

#include <cctype>

namespace readygate::scan {
namespace {

std::string_view trim(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  return s;
}

// Splits at commas, trimming each part and dropping empty ones.
std::vector<std::string_view> split_commas(std::string_view list) {
  std::vector<std::string_view> parts;
  while (true) {
    const std::size_t comma = list.find(',');
    const std::string_view part = trim(list.substr(0, comma));
    if (!part.empty()) parts.push_back(part);
    if (comma == std::string_view::npos) break;
    list.remove_prefix(comma + 1);
  }
  return parts;
}

// "a as b" -> {"a", "b"}; "a" -> {"a", "a"}. `separator` is " as " or ":" (JS destructuring).
std::pair<std::string, std::string> name_and_alias(std::string_view part, std::string_view separator) {
  const std::size_t at = part.find(separator);
  if (at == std::string_view::npos) return {std::string(trim(part)), std::string(trim(part))};
  return {std::string(trim(part.substr(0, at))), std::string(trim(part.substr(at + separator.size())))};
}

bool is_identifier(std::string_view s) {
  if (s.empty() || std::isdigit(static_cast<unsigned char>(s.front()))) return false;
  for (const char c : s) {
    const auto u = static_cast<unsigned char>(c);
    if (!(std::isalnum(u) || c == '_' || c == '$' || c == '.' || u >= 0x80)) return false;
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
    while (first < text.size() && std::isspace(static_cast<unsigned char>(text[first]))) ++first;
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

NameTable python_names(std::string_view text, const SourceLayout& layout) {
  static const RE2 imports(R"((?m)^[ \t]*import[ \t]+([^\n#;]+))");
  static const RE2 from_imports(R"((?m)^[ \t]*from[ \t]+([\w.]+)[ \t]+import[ \t]*(\([^)]*\)|[^\n#;]+))");
  static const RE2 assignments(R"((?m)^[ \t]*([A-Za-z_][\w.]*)[ \t]*=[ \t]*(?:await[ \t]+)?([A-Za-z_][\w.]*)[ \t]*(\()?)");
  static const RE2 withs(R"((?m)^[ \t]*(?:async[ \t]+)?with[ \t]+([A-Za-z_][\w.]*)[ \t]*\([^\n]*?\)[ \t]+as[ \t]+(\w+))");
  NameTable names;
  each_match(imports, text, layout, [&](const std::vector<std::string_view>& g) {
    for (const auto part : split_commas(g[0])) {
      if (part.find(" as ") != std::string_view::npos) {
        const auto [module, alias] = name_and_alias(part, " as ");
        names.bind(alias, module);
      } else if (is_identifier(part)) {
        // `import os.path` binds os; os.path.join(…) is then written in full.
        names.bind(std::string(part.substr(0, part.find('.'))), std::string(part.substr(0, part.find('.'))));
      }
    }
  });
  each_match(from_imports, text, layout, [&](const std::vector<std::string_view>& g) {
    const std::string module(g[0]);
    if (module.front() == '.') return;  // relative: the project's own code
    std::string_view list = trim(g[1]);
    if (!list.empty() && list.front() == '(') list = list.substr(1, list.size() >= 2 ? list.size() - 2 : 0);
    for (const auto part : split_commas(list)) {
      if (part == "*") {
        names.star_import(module);
        continue;
      }
      const auto [name, alias] = name_and_alias(part, " as ");
      if (is_identifier(alias)) names.bind(alias, module + "." + name);
    }
  });
  // Assignments and with-statements after the imports, so that their right-hand sides resolve.
  each_match(assignments, text, layout, [&](const std::vector<std::string_view>& g) {
    const std::string right = names.resolve(g[1]);
    const bool bound_right = right != g[1] || names.bindings().count(std::string(g[1].substr(0, g[1].find('.'))));
    if (!bound_right) return;
    names.bind(std::string(g[0]), right + (g[2].empty() ? "" : "()"));
  });
  each_match(withs, text, layout, [&](const std::vector<std::string_view>& g) {
    names.bind(std::string(g[1]), names.resolve(g[0]) + "()");
  });
  // A builtin the file defines again (a def, a parameter, an assignment) is the file's own.
  static const RE2 shadowing(
      R"((?m)(?:^[ \t]*(?:async[ \t]+)?def[ \t]+(eval|exec|compile|input)\b|^[ \t]*(eval|exec|compile|input)[ \t]*=[^=]|^[ \t]*(?:async[ \t]+)?def[ \t]+\w+[ \t]*\([^)]*\b(eval|exec|compile|input)\b[ \t]*[,)=:]))");
  each_match(shadowing, text, layout, [&](const std::vector<std::string_view>& g) {
    for (const auto name : g) {
      if (!name.empty()) names.bind(std::string(name), "<local>." + std::string(name));
    }
  });
  return names;
}

NameTable javascript_names(std::string_view text, const SourceLayout& layout) {
  static const RE2 require_name(R"((?:const|let|var)\s+([\w$]+)\s*=\s*require\s*\(\s*['"]([^'"\n]+)['"]\s*\)(\s*\.\s*[\w$]+)?)");
  static const RE2 require_destructure(R"((?:const|let|var)\s*\{([^}]*)\}\s*=\s*require\s*\(\s*['"]([^'"\n]+)['"]\s*\))");
  static const RE2 import_default(R"((?m)^[ \t]*import\s+([\w$]+)\s*(?:,\s*\{([^}]*)\})?\s*from\s*['"]([^'"\n]+)['"])");
  static const RE2 import_namespace(R"((?m)^[ \t]*import\s*\*\s*as\s+([\w$]+)\s+from\s*['"]([^'"\n]+)['"])");
  static const RE2 import_named(R"((?m)^[ \t]*import\s*(?:type\s+)?\{([^}]*)\}\s*from\s*['"]([^'"\n]+)['"])");
  static const RE2 instances(R"((?:const|let|var)\s+([\w$]+)\s*=\s*(?:await\s+)?(new\s+)?([A-Za-z_$][\w$.]*)\s*\()");
  NameTable names;
  const auto bind_list = [&](std::string_view list, const std::string& module, std::string_view separator) {
    for (const auto part : split_commas(list)) {
      const auto [name, alias] = name_and_alias(part, separator);
      if (is_identifier(alias) && is_identifier(name)) names.bind(alias, module + "." + name);
    }
  };
  each_match(require_name, text, layout, [&](const std::vector<std::string_view>& g) {
    std::string member(g[2]);
    std::erase_if(member, [](char c) { return std::isspace(static_cast<unsigned char>(c)); });
    names.bind(std::string(g[0]), module_name(g[1]) + member);
  });
  each_match(require_destructure, text, layout,
             [&](const std::vector<std::string_view>& g) { bind_list(g[0], module_name(g[1]), ":"); });
  each_match(import_default, text, layout, [&](const std::vector<std::string_view>& g) {
    const std::string module = module_name(g[2]);
    names.bind(std::string(g[0]), module);
    if (!g[1].empty()) bind_list(g[1], module, " as ");
  });
  each_match(import_namespace, text, layout,
             [&](const std::vector<std::string_view>& g) { names.bind(std::string(g[0]), module_name(g[1])); });
  each_match(import_named, text, layout,
             [&](const std::vector<std::string_view>& g) { bind_list(g[0], module_name(g[1]), " as "); });
  // A global the file defines again (a function, a variable, a parameter) is the file's own.
  static const RE2 shadowing(
      R"((?:\bfunction\s+(eval|Function|setTimeout|setInterval)\s*\(|\b(?:const|let|var)\s+(eval|Function|setTimeout|setInterval)\s*=|\(\s*(?:[\w$]+\s*,\s*)*(eval|Function|setTimeout|setInterval)\s*(?:,[^)]*)?\)\s*(?:=>|\{)))");
  each_match(shadowing, text, layout, [&](const std::vector<std::string_view>& g) {
    for (const auto name : g) {
      if (!name.empty()) names.bind(std::string(name), "<local>." + std::string(name));
    }
  });
  each_match(instances, text, layout, [&](const std::vector<std::string_view>& g) {
    const std::string_view callee = g[2];
    if (callee == "require") return;
    const std::string head(callee.substr(0, callee.find('.')));
    if (!names.bindings().count(head)) return;
    names.bind(std::string(g[0]), names.resolve(callee) + "()");
  });
  return names;
}

}  // namespace readygate::scan
