// Inline suppression markers (suppression.hpp), through the engine as files meet them.
#include <doctest/doctest.h>

#include "engine.hpp"

using namespace readygate;
using namespace readygate::scan;

namespace {

Rule rule(std::string id, std::string pattern, std::vector<std::string> aliases = {}) {
  Rule r;
  r.id = std::move(id);
  r.title = r.id;
  r.category = "security";
  r.severity = Severity::high;
  r.pattern = std::move(pattern);
  r.message = "m";
  r.aliases = std::move(aliases);
  return r;
}

// "line:S" for suppressed, "line" for reported.
std::vector<std::string> outcome(const RuleEngine& engine, const std::string& path, const std::string& text) {
  std::vector<std::string> out;
  for (const auto& f : engine.scan(path, text)) out.push_back(std::to_string(f.line) + (f.suppressed ? ":S" : ""));
  return out;
}

}  // namespace

TEST_CASE("ready:ignore on the line, alone on the line above, and for named rules only") {
  const RuleEngine engine({rule("py.eval", "eval\\(")});
  CHECK(outcome(engine, "a.py",
                "eval(a)  # ready:ignore\n"
                "# ready:ignore[py.eval]\n"
                "eval(b)\n"
                "x = 1  # ready:ignore\n"
                "eval(c)\n"
                "eval(d)  # ready:ignore[js.eval]\n"
                "eval(e)  # ready:ignored\n") == std::vector<std::string>{"1:S", "3:S", "5", "6", "7"});
}

TEST_CASE("a marker is a comment: text in a string is never a marker") {
  const RuleEngine engine({rule("py.eval", "eval\\(")});
  CHECK(outcome(engine, "a.py", "eval(x, '# ready:ignore')\neval(y, \"nosec\")\n") ==
        std::vector<std::string>{"1", "2"});
  CHECK(outcome(engine, "a.js", "eval(x, '// ready:ignore');\neval(y); // ready:ignore\n") ==
        std::vector<std::string>{"1", "2:S"});
}

TEST_CASE("a marker applies to every line of a multi-line statement") {
  const RuleEngine engine({rule("py.shell", "shell=True")});
  CHECK(outcome(engine, "a.py",
                "subprocess.run(  # nosec\n"
                "    cmd,\n"
                "    shell=True,\n"
                ")\n"
                "subprocess.run(cmd,\n"
                "    shell=True)\n") == std::vector<std::string>{"3:S", "6"});
  CHECK(outcome(engine, "a.py",
                "# ready:ignore\n"
                "subprocess.run(cmd,\n"
                "    shell=True)\n") == std::vector<std::string>{"3:S"});
  const RuleEngine js({rule("js.exec", "exec\\(")});
  CHECK(outcome(js, "a.js", "child.exec(\n  cmd, // nosemgrep\n  opts);\n") == std::vector<std::string>{"1:S"});
}

TEST_CASE("nosec ids name rules through their bandit aliases, nosemgrep ids through ids and aliases") {
  const RuleEngine engine(
      {rule("py.shell", "shell=True", {"bandit:B602"}), rule("py.eval", "eval\\(", {"bandit:B307"})});
  CHECK(outcome(engine, "a.py",
                "run(x, shell=True)  # nosec B602\n"
                "run(eval(x), shell=True)  # nosec B307\n"
                "run(x, shell=True)  # nosec B101\n"
                "run(x, shell=True)  # nosec: this is fine, reviewed\n"
                "run(x, shell=True)  # nosemgrep: py.shell\n"
                "run(x, shell=True)  # nosemgrep: other-rule\n"
                "run(x, shell=True)  # nosemgrep\n") ==
        std::vector<std::string>{"1:S", "2:S", "2", "3", "4:S", "5:S", "6", "7:S"});  // line 2: eval, then shell
}

TEST_CASE("a ready:ignore naming no rule is warned about") {
  const RuleEngine engine({rule("py.eval", "eval\\(")});
  const FileScan scanned =
      engine.scan_file("a.py", "eval(a)  # ready:ignore[py.evl]\nx = 1  # ready:ignore[py.eval]\n");
  REQUIRE(scanned.warnings.size() == 1);
  CHECK(scanned.warnings[0] == "a.py:1: ready:ignore[py.evl] names no rule (see ready-scan --list-rules)");
  CHECK_FALSE(scanned.findings.at(0).suppressed);
}

TEST_CASE("gitleaks:allow and detect-secrets' pragmas suppress secrets rules only, on their line or the next") {
  Rule secret = rule("secret.token", "tok_[a-z0-9]{8}");
  secret.category = "secrets";
  const RuleEngine engine({secret, rule("py.eval", "eval\\(")});
  CHECK(outcome(engine, "a.py",
                "A = 'tok_abcdefgh'  # gitleaks:allow\n"
                "B = 'tok_abcdefgh'  # pragma: allowlist secret\n"
                "# pragma: allowlist nextline secret\n"
                "C = 'tok_abcdefgh'\n"
                "D = 'tok_abcdefgh'\n"
                "eval(x)  # gitleaks:allow\n"
                "E = 'tok_abcdefgh'  # gitleaks:allowed is not the marker\n"
                "F = 'gitleaks:allow tok_abcdefgh'\n") ==
        std::vector<std::string>{"1:S", "2:S", "4:S", "5", "6", "7", "8"});
  // In a YAML file (no lexer), the marker must follow a #.
  CHECK(outcome(engine, "c.yaml", "token: tok_abcdefgh # gitleaks:allow\nother: tok_abcdefgh gitleaks:allow\n") ==
        std::vector<std::string>{"1:S", "2"});
}
