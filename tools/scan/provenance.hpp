#pragma once
// Where a value comes from, as far as one function can tell — a small, local stand-in for
// taint tracking. A value comes from outside when its expression (its code, not the text of
// its string literals; members such as x.name are not variables) names
//   - request input: request, req, event, environ (WSGI's), cookies, query_params, path_params
//     (also self.request);
//   - the process's input: argv, stdin, input(…), os.environ (also sys.argv, sys.stdin);
//   - a parameter of the function it is in (Python: the enclosing def; JavaScript: the
//     innermost function, arrow or method whose body holds it), self/cls/this aside; the
//     parameters of a request handler (a def under a route decorator such as @app.get(…) or
//     @router.route(…), or one that takes `request`) are request input;
//   - a local variable assigned, earlier in that function, from one of those (one step;
//     `with … as x` and `for x in …` assign too).
// Anything else (constants, attributes, values the function builds itself) is inside, and so
// are names used only as an index (`table[key]`: a value looked up in the code's own table by
// outside data is the code's value — the allow-list idiom). Rules use it to tell "data reaches
// this" (high) from "this is dynamic" (low): eval of a parameter, SQL formatted with a request
// value. The origin has two strengths: `input` (request input, directly or through a local)
// outranks `parameter` (a parameter or the process's input: the caller's or the operator's
// data, which a library or a command-line tool may trust).
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

enum class Origin { inside, parameter, input };

class Provenance {
 public:
  explicit Provenance(const FileContext& file);

  Origin origin(Span expression) const;
  bool from_outside(Span expression) const { return origin(expression) != Origin::inside; }
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
    bool handler = false;  // a request handler: its parameters are the request's data
    int parent = -1;
    mutable std::optional<std::map<std::string, std::vector<Assignment>>> locals;
  };

  const Function* function_at(std::size_t offset) const;
  const std::map<std::string, std::vector<Assignment>>& locals_of(const Function& function) const;
  Origin origin_of_names(const std::vector<std::string>& words, const Function* function) const;
  void find_python_functions();
  bool routed(std::size_t line) const;
  void find_javascript_functions();

  const FileContext& m_file;
  bool m_python;
  std::vector<Function> m_functions;  // sorted by begin
};

// The file's Provenance (built on first use).
Origin origin(const FileContext& file, Span expression);
bool from_outside(const FileContext& file, Span expression);

}  // namespace readygate::scan
