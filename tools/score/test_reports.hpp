#pragma once
// The project's own test results, for the testing category: JUnit XML reports (any number),
// and a coverage summary (Cobertura XML or an lcov .info file).
#include <optional>
#include <string>
#include <vector>

namespace readygate::score {

struct TestResults {
  std::size_t tests = 0, failures = 0, errors = 0, skipped = 0;
  std::vector<std::string> failed;  // "classname.name" of failing cases, in file order
  std::vector<std::string> sources;

  std::size_t passed() const { return tests - failures - errors - skipped; }
  std::size_t ran() const { return tests - skipped; }
};

// Counts the <testcase> elements of JUnit files (their own counts, not the suites' attributes,
// which tools fill in differently). Throws Error (exit 2) on unreadable or malformed XML, with
// the file, line and column.
TestResults read_junit(const std::vector<std::string>& paths);

// The same for one report's text; `source` names it in errors and in TestResults::sources.
TestResults parse_junit_text(const std::string& text, const std::string& source);

// Line coverage as a fraction: Cobertura's <coverage line-rate="…">, or an lcov file's LH/LF
// totals. Throws Error (exit 2) when the file is neither.
double read_coverage(const std::string& path);

// The same for a report's text; `source` names it in errors.
double parse_coverage_text(const std::string& text, const std::string& source);

}  // namespace readygate::score
