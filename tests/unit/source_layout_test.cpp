// The lexers of source_layout.hpp: what kind of text each byte is, and statement lines.
#include "source_layout.hpp"

#include <doctest/doctest.h>

#include <string>

using namespace readygate::scan;

namespace {

// One letter per byte: . code, m comment, s string, d docstring (newlines kept).
std::string kinds(const std::string& path, const std::string& text) {
  const SourceLayout layout = lay_out(path, text);
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\n') {
      out += '\n';
      continue;
    }
    switch (layout.kind_at(i)) {
      case TextKind::code:
        out += '.';
        break;
      case TextKind::comment:
        out += 'm';
        break;
      case TextKind::string:
        out += 's';
        break;
      case TextKind::docstring:
        out += 'd';
        break;
    }
  }
  return out;
}

}  // namespace

TEST_CASE("python: comments, prefixes, f-string holes, docstrings") {
  CHECK(kinds("a.py", "x = 1  # eval(x)") == ".......mmmmmmmmm");
  CHECK(kinds("a.py", "s = rb'a\\'b'") == ".......ssss.");
  CHECK(kinds("a.py", "q = f\"SELECT {cols} FROM t\"") == "......sssssss......sssssss.");
  CHECK(kinds("a.py", "q = f\"{{literal}} {x!r:>{w}}\"") == "......ssssssssssss...........");
  CHECK(kinds("a.py", "def f():\n    \"\"\"Run eval(x).\"\"\"\n    return 1") ==
        "........\n.......dddddddddddd...\n............");
  CHECK(kinds("a.py", "x = \"\"\"not a docstring\"\"\" % y") == ".......sssssssssssssss.......");
  CHECK(kinds("a.py", "'''module\ndoc'''\nimport os") == "...dddddd\nddd...\n.........");
  CHECK(kinds("a.py", "name = 'it''s'") == "........ss..s.");  // implicit concatenation: two strings
  CHECK(kinds("a.py", "u = 'unterminated\nx = eval(y)") == ".....ssssssssssss\n...........");
}

TEST_CASE("python: statements over several lines") {
  const SourceLayout layout = lay_out("a.py", "run(\n  a,\n  b)\nx = 1 + \\\n  2\ny = '''a\nb'''\nz = 3\n");
  CHECK(layout.statement_first_line(3) == 1);
  CHECK(layout.statement_last_line(1) == 3);
  CHECK(layout.statement_first_line(5) == 4);
  CHECK(layout.statement_last_line(6) == 7);
  CHECK(layout.statement_first_line(8) == 8);
  CHECK(layout.statement_last_line(8) == 8);
}

TEST_CASE("javascript: comments, strings, templates, regex literals, JSX text") {
  CHECK(kinds("a.js", "a(); // eval(x)") == ".....mmmmmmmmmm");
  CHECK(kinds("a.js", "/* a\nb */ c") == "mmmm\nmmmm..");
  CHECK(kinds("a.js", "q = `id = ${req.query.id} x`") == ".....sssss...............ss.");
  CHECK(kinds("a.js", "r = /a\\/b[/]c/g; d = a / b / c") == ".....ssssssss.................");
  CHECK(kinds("a.jsx", "x = <p className=\"k\">eval(t) {run(c)}</p>;") == "..................s..ssssssss.............");
  CHECK(kinds("a.ts", "if (a < b && c > d) run()") == ".........................");
  CHECK(kinds("a.js", "s = 'it\\'s'; t = \"a//b\"") == ".....sssss........ssss.");
}

TEST_CASE("javascript: an expression inside parentheses spans lines, a block body does not") {
  const SourceLayout layout = lay_out("a.js", "exec(\n  cmd,\n  opts);\napp.get('/', (req, res) => {\n  run();\n});\n");
  CHECK(layout.statement_first_line(3) == 1);
  CHECK(layout.statement_first_line(5) == 5);  // the handler's body is statements of its own
}

TEST_CASE("languages with hash comments, and JSON") {
  CHECK(kinds("Dockerfile", "RUN echo \"#no\" # yes") == "..........sss..mmmmm");
  CHECK(kinds("a.yaml", "key: it's # c\nb: 'x#y'") == "..........mmm\n....sss.");
  CHECK(kinds("a.ini", "; c\nk = v ; not") == "mmm\n...........");
  CHECK(kinds("a.sh", "echo $# ${#x} # c") == "..............mmm");
  CHECK(kinds("a.json", "{\"k\": \"#v\"}") == "..s....ss..");
}

TEST_CASE("a language without a lexer is all code") {
  CHECK(kinds("a.unknown", "# x") == "...");
  CHECK_FALSE(lay_out("a.unknown", "# x").lexed());
  CHECK(lay_out("a.py", "x").lexed());
}

TEST_CASE("hostile nesting is followed to a fixed depth, in linear time") {
  std::string nested = "x = f'";
  for (int i = 0; i < 10000; ++i) nested += "{f'";
  CHECK(lay_out("a.py", nested).lexed());  // no recursion past the fixed depth: no stack to exhaust
  std::string templates = "x = `";
  for (int i = 0; i < 10000; ++i) templates += "${`";
  CHECK(lay_out("a.js", templates).lexed());
  std::string jsx(100000, '<');
  CHECK(lay_out("a.jsx", "x = " + jsx).lexed());
}
