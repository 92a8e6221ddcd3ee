#pragma once
// The calls in a file's code: every `dotted.name(…)` outside strings and comments, with its
// arguments' extent, and the name resolved through the file's NameTable. Definitions
// (`def eval(…)`, `function setTimeout(…)`, a JavaScript method `exec(cmd) {`) are not calls.
// One pass over the code with a bracket stack: linear in the file, however deep the nesting.
#include <cstddef>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "match.hpp"
#include "names.hpp"
#include "source_layout.hpp"

namespace readygate::scan {

struct CallSite {
  Span name;                      // the callee as written: "pk.loads", "require('child_process').exec"
  Span arguments;                 // between the parentheses
  std::size_t close = 0;          // the closing parenthesis (or the end of the text when unclosed)
  std::string resolved;           // "pickle.loads"
  std::vector<std::string> also;  // other readings (star imports)
  bool constructed = false;       // `new Name(…)`
};

// `python`: Python rules for definitions and keywords; otherwise JavaScript's. With `wanted`,
// only calls whose last name is in it (or whose name is an import's alias, or require) are
// kept: the rules ask about few names, and most calls of a file are of none of them.
std::vector<CallSite> find_calls(std::string_view text, const SourceLayout& layout, const NameTable& names, bool python,
                                 const std::set<std::string, std::less<>>* wanted = nullptr);

// The arguments' top-level parts, split at commas outside brackets and strings.
std::vector<Span> split_arguments(std::string_view text, const SourceLayout& layout, Span arguments);

// A part is literal when it has no code but string literals, numbers, brackets, commas,
// white space, the operators + and * between them, constants (None, true, …) and object keys:
// "ls -l", ["ls", "-l"], 3, {shell: true}. A name, an interpolated f-string or template, or a
// call makes it non-literal.
bool is_literal(std::string_view text, const SourceLayout& layout, Span part);

}  // namespace readygate::scan
