// ready-score's report for people, from a fixed ScoreResult, against goldens in tests/unit/golden/;
// and the reasons exit 1 gives on stderr.
#include "score_text.hpp"

#include <doctest/doctest.h>

#include "golden.hpp"

using namespace readygate;
using namespace readygate::score;

namespace {

Category category(std::string name, double weight, bool required = false, bool informational = false) {
  Category c;
  c.name = std::move(name);
  c.weight = weight;
  c.required = required;
  c.informational = informational;
  return c;
}

struct Fixture {
  std::vector<Category> categories{category("security", 30), category("performance", 25),
                                   category("availability", 25, true), category("testing", 20),
                                   category("hygiene", 0, false, true)};
  ScoreResult result;

  Fixture() {
    result.value = 61.4;
    result.min_score = 80;
    result.pass = false;
    result.evidence_coverage = 0.6;
    result.blockers = {
        {Blocker::critical_finding, "critical finding secrets.aws-access-key at config/prod.env:3", "scan:4f2a9c1e"}};
    result.categories = {{&categories[0],
                          true,
                          55.0,
                          "scored",
                          "2 scan envelopes, 14 findings",
                          {{30, "2 high findings: py.eval, py.pickle-load", "scan:1c2d3e4f"},
                           {15, "1 critical finding: secrets.aws-access-key", "scan:4f2a9c1e"},
                           {0, "low findings capped at 10 points", ""}}},
                         {&categories[1],
                          true,
                          72.5,
                          "scored",
                          "bench: 1000 requests",
                          {{27.5, "p95 130 ms, target < 100 ms (limit 250 ms)", "bench: overall p95"}}},
                         {&categories[2], false, 0, "no-evidence", "", {}},
                         {&categories[3], false, 0, "no-evidence", "", {{0, "no JUnit report given (--junit)", ""}}},
                         {&categories[4], true, 100, "informational", "scan: 0 hygiene findings", {}}};
  }
};

}  // namespace

TEST_CASE("score text: the score and minimum, the gate, blockers, categories, deductions with evidence") {
  const Fixture f;
  const std::string text = render_score_text(f.result, TextStyle(false));
  CHECK(text.find('\033') == std::string::npos);
  test::check_golden("score_text.txt", text);
}

TEST_CASE("score text: with colour") {
  const Fixture f;
  const std::string text = render_score_text(f.result, TextStyle(true));
  CHECK(text.find("\033[1;31mFAIL\033[0m") != std::string::npos);
  test::check_golden("score_text_colour.txt", text);
}

TEST_CASE("score: exit 1 names every blocker and a score under the minimum, a passing gate none") {
  Fixture f;
  const auto reasons = gate_failure_reasons(f.result);
  REQUIRE(reasons.size() == 2);
  CHECK(reasons[0] == "blocker: critical finding secrets.aws-access-key at config/prod.env:3  [scan:4f2a9c1e]");
  CHECK(reasons[1] == "score 61.4 is below the minimum 80");
  f.result.value = 90;
  CHECK(gate_failure_reasons(f.result).size() == 1);  // the blocker alone
  f.result.blockers.clear();
  f.result.pass = true;
  CHECK(gate_failure_reasons(f.result).empty());
  CHECK(render_score_text(f.result, TextStyle(false)).rfind("ready-score  90.0 / 100 (minimum 80)  gate ✓ PASS\n", 0) ==
        0);
}
