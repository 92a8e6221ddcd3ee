#pragma once
// The scoring policy: what each category weighs, where its evidence comes from, how points are
// lost, and what blocks the gate whatever the score. JSON, validated field by field; the
// built-in default (default_policy.json, compiled in) encodes the original targets: P95 <
// 100 ms, throughput >= 50 RPS, error rate < 0.1 %, the query endpoint < 50 ms, availability
// >= 99.9 %, every test passing.
//
// {"min_score": 80,
//  "categories": [
//    {"name": "security", "weight": 30, "kind": "findings", "required": true,
//     "tools": ["scan"], "finding_categories": ["secrets", "security"], "new_only": false,
//     "points": {"critical": 40, "high": 15, …}, "caps": {"high": 60, …}},
//    {"name": "performance", "weight": 30, "kind": "load",
//     "targets": [{"threshold": "p95<100ms", "limit": "1s", "points": 35}, …]},
//    {"name": "availability", "weight": 25, "kind": "health", "target": "99.9%"},
//    {"name": "testing", "weight": 15, "kind": "tests", "pass_rate_target": "100%", "coverage_target": "80%"},
//    {"name": "code-health", "weight": 10, "kind": "findings", "informational": true, …}],
//  "blockers": ["critical_finding", "critical_check_down", "failing_tests", "error_rate_over_limit"]}
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "common/severity.hpp"
#include "common/threshold.hpp"

namespace readygate::score {

enum class CategoryKind { findings, load, health, tests };

// A load target scores its points in full when the threshold holds, none at the limit, and in
// proportion in between.
struct LoadTarget {
  Threshold threshold;
  double limit = 0;  // in the metric's base unit, on the failing side of the threshold
  double points = 0;
};

struct Category {
  std::string name;
  double weight = 0;
  CategoryKind kind = CategoryKind::findings;
  bool required = false;       // no evidence: scores 0 (and says so) instead of being left out
  bool informational = false;  // scored and shown, never counted in the mean
  std::optional<double> min;   // the category's check passes at or above this (default: min_score)
  // findings
  std::vector<std::string> tools{"scan"};
  std::vector<std::string> finding_categories;  // empty: all
  bool new_only = false;                        // with a baseline: only new findings lose points
  std::map<Severity, double> points, caps;
  // load
  std::vector<LoadTarget> targets;
  // health
  double availability_target = 0.999;
  // tests
  double pass_rate_target = 1.0;
  std::optional<double> coverage_target;
};

enum class Blocker { critical_finding, critical_check_down, failing_tests, error_rate_over_limit };

struct Policy {
  double min_score = 80;
  std::vector<Category> categories;
  std::vector<Blocker> blockers;
  nlohmann::json source;  // the policy as read, for --print-policy and the envelope
};

// Validates every field: throws Error (exit 2) naming the source, the category and the field
// (an unknown kind or blocker, a weight that is not a positive number, a threshold that does
// not parse, an unknown metric, a limit on the wrong side of its threshold).
Policy parse_policy(const nlohmann::json& document, const std::string& source);

const Policy& default_policy();

std::string_view to_string(CategoryKind kind);
std::string_view to_string(Blocker blocker);

}  // namespace readygate::score
