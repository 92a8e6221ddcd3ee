#pragma once
// Where a value comes from, as far as one function can tell — a small, local stand-in for
// taint tracking. A value comes from outside when its expression (its code, not the text of
// its string literals; members such as x.name are not variables) names
//   - request or process input: request, req, event, environ, cookies, argv, input(…), stdin;
//   - a parameter of the function it is in (Python: the enclosing def; JavaScript: the
//     innermost function, arrow or method whose body holds it), self/cls/this aside;
//   - a local variable assigned, earlier in that function, from one of those (one step;
//     `with … as x` and `for x in …` assign too).
// Anything else (constants, attributes, values the function builds itself) is inside. Rules
// use it to tell "data reaches this" (high) from "this is dynamic" (low): eval of a
// parameter, SQL formatted with a request value.
//
// Built once per file on first use (FileContext): the functions and their parameters in one
// pass, each function's assignments when first asked; a question then costs its names.
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "match.hpp"

namespace readygate::scan {

class FileContext;

class Provenance {
public:
  explicit Provenance(const FileContext& file);

  bool from_outside(Span expression) const;
  // The body of the innermost function holding `offset` (Python: from its def line), or
  // nothing outside every function.
  std::optional<Span> function_body_at(std::size_t offset) const;

private:
  struct Assignment {
    std::size_t at = 0;  // where the assignment is (an offset): only earlier ones count
    Span value;
  };
  struct Function {
    std::size_t begin = 0, end = 0;  // offsets of its body
    std::set<std::string> parameters;
    int parent = -1;
    mutable std::optional<std::map<std::string, std::vector<Assignment>>> locals;
  };

  const Function* function_at(std::size_t offset) const;
  const std::map<std::string, std::vector<Assignment>>& locals_of(const Function& function) const;
  bool names_outside(const std::vector<std::string>& words, const Function* function) const;
  void find_python_functions();
  void find_javascript_functions();

  const FileContext& m_file;
  bool m_python;
  std::vector<Function> m_functions;  // sorted by begin
};

// The file's Provenance (built on first use).
bool from_outside(const FileContext& file, Span expression);

}  // namespace readygate::scan
