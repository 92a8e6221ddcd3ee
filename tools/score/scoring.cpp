#include "scoring.hpp"

#include <cmath>

#include "category_scoring.hpp"
#include "load_figures.hpp"

namespace readygate::score {
namespace {

std::vector<BlockerHit> find_blockers(const Policy& policy, const Evidence& evidence) {
  std::vector<BlockerHit> hits;
  for (const Blocker kind : policy.blockers) {
    switch (kind) {
      case Blocker::critical_finding:
        for (const auto& run : evidence.envelopes.runs) {
          for (const auto& f : run.findings) {
            if (!counts_against(f, Severity::critical)) continue;
            hits.push_back({kind,
                            "critical finding " + f.rule +
                                (f.location ? " at " + f.location->path + ":" + std::to_string(f.location->line) : ""),
                            run.tool + ":" + f.fingerprint});
          }
        }
        break;
      case Blocker::critical_check_down:
        for (const auto& h : health_checks(evidence.envelopes)) {
          // Down, as ready-healthcheck says it: a degraded check (slow, a certificate near expiry)
          // passes there and loses availability points here, but does not block.
          if (h.critical && h.status == Health::unhealthy) {
            hits.push_back({kind,
                            "critical check " + h.name + " is " + std::string(to_string(h.status)) +
                                (h.error.empty() ? "" : ": " + h.error),
                            "healthcheck:" + h.name});
          }
        }
        break;
      case Blocker::failing_tests:
        if (evidence.tests && evidence.tests->failures + evidence.tests->errors > 0) {
          hits.push_back(
              {kind, std::to_string(evidence.tests->failures + evidence.tests->errors) + " failing tests", "junit"});
        }
        break;
      case Blocker::error_rate_over_limit: {
        // The limit is the one the policy grades the overall error rate to.
        std::optional<double> limit;
        for (const auto& c : policy.categories) {
          for (const auto& t : c.targets) {
            if (!limit && t.threshold.metric == "error_rate" && t.threshold.scope.empty()) limit = t.limit;
          }
        }
        for (const auto& run : evidence.envelopes.runs) {
          if (run.tool != "bench" || !limit) continue;
          const auto figures = merge_load_figures(run.all_metrics);
          const auto overall = figures.find("");
          if (overall == figures.end()) continue;
          if (const auto rate = overall->second.value("error_rate"); rate && *rate > *limit) {
            hits.push_back({kind,
                            "error rate " + format_number(*rate * 100) + " % is over its limit of " +
                                format_number(*limit * 100) + " %",
                            "bench: overall error_rate"});
          }
        }
        break;
      }
    }
  }
  return hits;
}

Check category_check(const CategoryScore& c, double min_score) {
  const Category& policy = *c.category;
  const double limit = policy.min.value_or(min_score);
  Check check{"score." + policy.name,
              "Readiness: " + policy.name,
              CheckStatus::pass,
              "",
              round1(c.score),
              limit,
              ">=",
              "points"};
  if (!c.has_evidence) {
    check.status = policy.required ? CheckStatus::fail : CheckStatus::skip;
    check.message = policy.required ? "no evidence, and the policy requires it: scored 0" : "no evidence: not scored";
    if (!policy.required) check.value.reset();
    return check;
  }
  check.status = c.score >= limit ? CheckStatus::pass : (policy.informational ? CheckStatus::warn : CheckStatus::fail);
  check.message = policy.name + " scores " + format_number(round1(c.score)) + " (" + c.evidence + ")";
  return check;
}

}  // namespace

ScoreResult compute_score(const Policy& policy, const Evidence& evidence) {
  ScoreResult result;
  result.min_score = policy.min_score;
  double weighted = 0, counted_weight = 0, evidenced_weight = 0;
  for (const Category& c : policy.categories) {
    CategoryScore s;
    switch (c.kind) {
      case CategoryKind::findings:
        s = score_findings(c, evidence.envelopes);
        break;
      case CategoryKind::load:
        s = score_load(c, evidence.envelopes);
        break;
      case CategoryKind::health:
        s = score_health(c, evidence.envelopes);
        break;
      case CategoryKind::tests:
        s = score_tests(c, evidence.tests, evidence.coverage);
        break;
    }
    if (!s.has_evidence) {
      s.status = "no-evidence";
      s.score = 0;
      if (c.required) s.deductions = {{100, "no evidence, and the policy requires this category", ""}};
    } else {
      s.status = c.informational ? "informational" : "scored";
    }
    if (!c.informational) {
      if (s.has_evidence) evidenced_weight += c.weight;
      counted_weight += c.weight;
      if (s.has_evidence || c.required) weighted += c.weight * s.score;
    }
    result.categories.push_back(std::move(s));
  }
  double denominator = 0;
  for (const auto& s : result.categories) {
    if (!s.category->informational && (s.has_evidence || s.category->required)) denominator += s.category->weight;
  }
  result.value = denominator > 0 ? round1(weighted / denominator) : 0.0;
  result.evidence_coverage = counted_weight > 0 ? evidenced_weight / counted_weight : 0.0;
  result.blockers = find_blockers(policy, evidence);
  result.pass = result.blockers.empty() && denominator > 0 && result.value >= policy.min_score;

  for (const auto& s : result.categories) result.checks.push_back(category_check(s, policy.min_score));
  std::string message = "score " + format_number(result.value) + ", minimum " + format_number(policy.min_score);
  if (denominator == 0) message = "no category had evidence: nothing to score";
  if (!result.blockers.empty())
    message += "; " + std::to_string(result.blockers.size()) + " blocker(s): " + result.blockers.front().reason;
  result.checks.push_back(Check{"score.gate", "Readiness gate", pass_or_fail(result.pass), message, result.value,
                                policy.min_score, ">=", "points"});
  return result;
}

nlohmann::json to_json(const ScoreResult& r) {
  nlohmann::json categories = nlohmann::json::array();
  for (const auto& s : r.categories) {
    nlohmann::json deductions = nlohmann::json::array();
    for (const auto& d : s.deductions) {
      deductions.push_back({{"points", round1(d.points)}, {"reason", d.reason}, {"evidence", d.evidence}});
    }
    nlohmann::json c{{"name", s.category->name},
                     {"weight", s.category->weight},
                     {"kind", to_string(s.category->kind)},
                     {"status", s.status},
                     {"evidence", s.evidence},
                     {"deductions", deductions},
                     {"required", s.category->required},
                     {"informational", s.category->informational}};
    c["score"] = s.has_evidence || s.category->required ? nlohmann::json(round1(s.score)) : nlohmann::json(nullptr);
    categories.push_back(c);
  }
  nlohmann::json blockers = nlohmann::json::array();
  for (const auto& b : r.blockers)
    blockers.push_back({{"kind", to_string(b.kind)}, {"reason", b.reason}, {"evidence", b.evidence}});
  return {{"value", r.value},
          {"gate", r.pass ? "pass" : "fail"},
          {"min", r.min_score},
          {"blockers", blockers},
          {"evidence_coverage", std::round(r.evidence_coverage * 1000.0) / 1000.0},
          {"categories", categories}};
}

}  // namespace readygate::score
