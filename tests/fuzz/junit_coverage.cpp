// junit_coverage: ready-score's readers of the project's own test evidence, on the input as
// text: a JUnit XML report (parse_junit_text) and a coverage summary, Cobertura XML or lcov
// (parse_coverage_text).
#include <cmath>

#include "fuzz_support.hpp"
#include "test_reports.hpp"

using namespace readygate;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string text(fuzz::text_of(data, size));
  try {
    const score::TestResults results = score::parse_junit_text(text, "junit.xml");
    FUZZ_CHECK(results.failures + results.errors + results.skipped <= results.tests);
    FUZZ_CHECK(results.failed.size() == results.failures + results.errors);
    FUZZ_CHECK(results.sources.size() == 1);
  } catch (const Error&) {
  }
  try {
    const double coverage = score::parse_coverage_text(text, "coverage.xml");
    FUZZ_CHECK(coverage >= 0 && coverage <= 1);
  } catch (const Error&) {
  }
  return 0;
}
