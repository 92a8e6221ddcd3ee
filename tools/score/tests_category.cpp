#include <algorithm>
#include <utility>

#include "category_scoring.hpp"

namespace readygate::score {

CategoryScore score_tests(const Category& c, const std::optional<TestResults>& tests,
                          const std::optional<double>& coverage) {
  CategoryScore out;
  out.category = &c;
  std::vector<std::pair<double, Deduction>> parts;  // (part score, what it lost)
  if (tests && tests->ran() > 0) {
    const double rate = static_cast<double>(tests->passed()) / static_cast<double>(tests->ran());
    const double part = 100.0 * std::min(1.0, rate / c.pass_rate_target);
    std::string failed;
    for (std::size_t i = 0; i < tests->failed.size() && i < 5; ++i) failed += (i ? ", " : "") + tests->failed[i];
    if (tests->failed.size() > 5) failed += ", …";
    std::string sources;
    for (const auto& s : tests->sources) sources += (sources.empty() ? "" : ", ") + s;
    parts.push_back({part,
                     {100.0 - part,
                      std::to_string(tests->failures + tests->errors) + " of " + std::to_string(tests->ran()) +
                          " tests failed (" + percent(rate) + " passed, target " + percent(c.pass_rate_target) + ")" +
                          (failed.empty() ? "" : ": " + failed),
                      "junit: " + sources}});
    out.evidence = std::to_string(tests->passed()) + " of " + std::to_string(tests->ran()) + " tests passed";
  }
  if (coverage && c.coverage_target) {
    const double part = 100.0 * std::min(1.0, *coverage / *c.coverage_target);
    parts.push_back({part,
                     {100.0 - part, "line coverage " + percent(*coverage) + ", target " + percent(*c.coverage_target),
                      "coverage"}});
    out.evidence += std::string(out.evidence.empty() ? "" : "; ") + "line coverage " + percent(*coverage);
  }
  out.has_evidence = !parts.empty();
  if (!out.has_evidence) return out;
  double sum = 0;
  for (auto& [part, deduction] : parts) {
    sum += part;
    deduction.points /= static_cast<double>(parts.size());  // each part is an equal share of the category
    if (deduction.points > 0) out.deductions.push_back(deduction);
  }
  out.score = sum / static_cast<double>(parts.size());
  return out;
}

}  // namespace readygate::score
