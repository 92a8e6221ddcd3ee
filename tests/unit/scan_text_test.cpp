// ready-scan's text report (tools/scan/scan_text.*), the match marker in snippets, and the
// --fail-on reason ready-scan and ready-report share (common/fail_on_reason.*).
#include "scan_text.hpp"

#include <doctest/doctest.h>

#include "common/fail_on_reason.hpp"
#include "snippet.hpp"

using namespace readygate;
using scan::TextFinding;

namespace {

readygate::Finding finding(const std::string& rule, Severity severity, const std::string& path, std::size_t line,
                           std::size_t column, const std::string& snippet) {
  readygate::Finding f;
  f.rule = rule;
  f.severity = severity;
  f.message = "message of " + rule;
  f.location = Location{path, line, column, line, column + 4, snippet};
  f.role = Role::product;
  return f;
}

scan::ScanText sample() {
  scan::ScanText text;
  auto eval = finding("py.eval", Severity::high, "src/app.py", 12, 5, "x = eval(data)");
  auto key = finding("secret.aws-access-key-id", Severity::critical, "config/settings.env", 3, 19,
                     "AWS_ACCESS_KEY_ID=AKIA****");
  auto debug = finding("py.debug-print", Severity::low, "src/app.py", 2, 1, "print(user)");
  auto in_test = finding("py.eval", Severity::high, "tests/test_app.py", 7, 1, "eval(case)");
  in_test.role = Role::test;
  auto hidden = finding("py.eval", Severity::critical, "src/old.py", 1, 1, "eval(x)");
  hidden.suppression = Suppression::in_source;
  auto known = finding("py.eval", Severity::critical, "src/known.py", 1, 1, "eval(y)");
  known.baseline = BaselineState::unchanged;
  text.findings = {{eval, std::make_pair(std::size_t{4}, std::size_t{14})},
                   {key, std::make_pair(std::size_t{18}, std::size_t{26})},
                   {debug, std::nullopt},
                   {in_test, std::make_pair(std::size_t{0}, std::size_t{10})},
                   {hidden, std::nullopt},
                   {known, std::nullopt}};
  text.totals = {12, 2, 1234};
  return text;
}

}  // namespace

TEST_CASE("scan text: grouped by file, worst file first, snippet with a caret line, a summary line") {
  const std::string expected =
      "config/settings.env:3:19  critical  secret.aws-access-key-id  message of secret.aws-access-key-id\n"
      "    AWS_ACCESS_KEY_ID=AKIA****\n"
      "                      ^^^^^^^^\n"
      "\n"
      "src/app.py:2:1  low       py.debug-print  message of py.debug-print\n"
      "    print(user)\n"
      "src/app.py:12:5  high      py.eval  message of py.eval\n"
      "    x = eval(data)\n"
      "        ^^^^^^^^^^\n"
      "\n"
      "tests/test_app.py:7:1  high      py.eval  message of py.eval  [test]\n"
      "    eval(case)\n"
      "    ^^^^^^^^^^\n"
      "\n"
      "12 files scanned: 4 findings (1 critical, 2 high, 1 low), 1 suppressed, 1 in the baseline, 2 skipped, in "
      "1.2 s\n";
  CHECK(scan::render_scan_text(sample(), TextStyle(false)) == expected);
}

TEST_CASE("scan text in colour: severities painted, the match in inverse video, no caret line") {
  scan::ScanText text;
  text.findings = {{finding("py.eval", Severity::high, "a.py", 1, 5, "x = eval(data)"),
                    std::make_pair(std::size_t{4}, std::size_t{14})}};
  text.totals = {1, 0, 7};
  const std::string expected =
      "\033[1ma.py:1:5\033[0m  \033[1;31mhigh\033[0m      \033[36mpy.eval\033[0m  message of py.eval\n"
      "    x = \033[7meval(data)\033[27m\n"
      "\n"
      "1 file scanned: \033[1m1 finding\033[0m (1 \033[1;31mhigh\033[0m), 0 suppressed, 0 skipped, in 7 ms\n";
  CHECK(scan::render_scan_text(text, TextStyle(true)) == expected);
}

TEST_CASE("scan text: no findings said plainly, hidden ones still counted") {
  scan::ScanText text;
  auto hidden = finding("py.eval", Severity::critical, "src/old.py", 1, 1, "eval(x)");
  hidden.suppression = Suppression::in_source;
  text.findings = {{hidden, std::nullopt}};
  text.totals = {3, 0, 40};
  CHECK(scan::render_scan_text(text, TextStyle(false)) ==
        "3 files scanned: no findings, 1 suppressed, 0 skipped, in 40 ms\n");
}

TEST_CASE("snippet mark: follows the trim, a redacted secret and the window") {
  scan::SnippetMark mark;
  CHECK(scan::make_snippet("    x = eval(data)", 8, 18, {}, mark) == "x = eval(data)");
  CHECK(mark.begin == 4);
  CHECK(mark.end == 14);
  // The secret's hidden part is one "****": the mark ends after it.
  const std::string line = "KEY = \"Zx8kQ2mW9vAb7Cd3\"";
  const std::string snippet = scan::make_snippet(line, 7, 23, {"Zx8kQ2mW9vAb7Cd3"}, mark);
  CHECK(snippet == "KEY = \"Zx8k****\"");
  CHECK(snippet.substr(mark.begin, mark.end - mark.begin) == "Zx8k****");
  // A long line keeps a window around the match, which stays marked.
  const std::string long_line = std::string(300, 'a') + " eval(x) " + std::string(300, 'b');
  const std::string windowed = scan::make_snippet(long_line, 301, 308, {}, mark);
  REQUIRE(mark.end > mark.begin);
  CHECK(windowed.substr(mark.begin, mark.end - mark.begin) == "eval(x)");
}

TEST_CASE("fail-on reason: the count, the threshold, the top findings by severity, the rest counted") {
  std::vector<readygate::Finding> findings;
  for (std::size_t i = 1; i <= 12; ++i) findings.push_back(finding("py.eval", Severity::high, "b.py", i, 1, ""));
  findings.push_back(finding("secret.key", Severity::critical, "z.env", 4, 1, ""));
  findings.push_back(finding("py.print", Severity::low, "a.py", 1, 1, ""));  // below the threshold
  auto suppressed = finding("py.eval", Severity::critical, "a.py", 2, 1, "");
  suppressed.suppression = Suppression::in_source;
  findings.push_back(suppressed);
  readygate::Finding header;  // a header-audit finding has no location, only a target
  header.rule = "headers.hsts";
  header.severity = Severity::high;
  header.target = "https://example.test/";
  findings.push_back(header);

  const std::string reason = fail_on_reason(findings, Severity::high, 3);
  CHECK(reason ==
        "14 findings at or above high (--fail-on high):\n"
        "  z.env:4  critical  secret.key\n"
        "  b.py:1  high  py.eval\n"
        "  b.py:2  high  py.eval\n"
        "  … and 11 more\n");
  CHECK(fail_on_reason(findings, Severity::critical) ==
        "1 finding at or above critical (--fail-on critical):\n  z.env:4  critical  secret.key\n");
  CHECK(fail_on_reason({header}, Severity::high).find("  https://example.test/  high  headers.hsts\n") !=
        std::string::npos);
  CHECK(fail_on_reason({suppressed}, Severity::info).empty());
}
