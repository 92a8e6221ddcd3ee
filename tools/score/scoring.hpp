#pragma once
// The score: every category of the policy scored from its evidence (or reported as having
// none), every point lost listed with its reason and evidence, the blockers, and the gate.
//   value  = the weighted mean of the categories that count (scored, or required without
//            evidence, which score 0), to one decimal; informational categories never count
//   gate   = pass when there is no blocker and value >= min_score
//   evidence_coverage = the share of the counted weight whose category had evidence
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "common/envelope.hpp"
#include "common/envelope_model.hpp"
#include "policy.hpp"
#include "test_reports.hpp"

namespace readygate::score {

struct Deduction {
  double points = 0;     // out of the category's 100; 0 for notes (a cap reached, a target without evidence)
  std::string reason;    // "high finding py.eval at src/app.py:12"
  std::string evidence;  // "scan:9f1c…", "bench: overall p95", "junit: reports/unit.xml"
};

struct CategoryScore {
  const Category* category = nullptr;
  bool has_evidence = false;
  double score = 0;      // 0–100, meaningful when has_evidence (or required)
  std::string status;    // scored, no-evidence, informational
  std::string evidence;  // one line on what the score rests on
  std::vector<Deduction> deductions;
};

struct BlockerHit {
  Blocker kind;
  std::string reason, evidence;
};

struct ScoreResult {
  double value = 0;
  bool pass = false;
  double min_score = 0;
  double evidence_coverage = 0;
  std::vector<CategoryScore> categories;
  std::vector<BlockerHit> blockers;
  std::vector<Check> checks;  // one per category and one for the gate
};

struct Evidence {
  EnvelopeSet envelopes;
  std::optional<TestResults> tests;
  std::optional<double> coverage;
};

ScoreResult compute_score(const Policy& policy, const Evidence& evidence);

// The "score" object of the envelope (DESIGN.md).
nlohmann::json to_json(const ScoreResult& result);

}  // namespace readygate::score
