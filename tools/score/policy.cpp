#include "policy.hpp"

#include <algorithm>
#include <optional>
#include <set>
#include <string_view>

#include "common/decimal.hpp"
#include "common/error.hpp"
#include "common/json_fields.hpp"
#include "common/json_stream.hpp"

namespace readygate::score {

std::string_view default_policy_json();  // generated from default_policy.json

namespace {

using nlohmann::json;

// "99.9%" or 0.999: a fraction between 0 and 1.
double fraction(const JsonFields& f, std::string_view field, double fallback) {
  const json* value = f.find(field);
  if (!value) return fallback;
  double result = 0;
  if (value->is_number()) {
    result = value->get<double>();
  } else if (value->is_string()) {
    const std::string text = value->get<std::string>();
    const std::optional<DecimalPrefix> number = read_decimal_prefix(text);
    const std::string_view rest = number ? std::string_view(text).substr(number->length) : std::string_view();
    if (!number || !(rest.empty() || rest == "%"))
      f.fail(field, "expected a fraction (0.999) or a percentage (\"99.9%\"), got \"" + text + "\"");
    result = rest == "%" ? number->value / 100.0 : number->value;
  } else {
    f.fail(field, "expected a fraction or a percentage, got " + value->dump());
  }
  if (!(result >= 0 && result <= 1)) f.fail(field, "must be between 0 and 100%");  // nan too
  return result;
}

std::map<Severity, double> severity_points(const JsonFields& f, std::string_view field,
                                           std::map<Severity, double> fallback) {
  const json* value = f.object(field);
  if (!value) return fallback;
  const JsonFields each(*value, f.where() + ": field \"" + std::string(field) + "\"");
  each.only({"critical", "high", "medium", "low", "info"});
  for (const auto s : {Severity::critical, Severity::high, Severity::medium, Severity::low, Severity::info}) {
    if (const auto n = each.number(to_string(s), 0, 100)) fallback[s] = *n;
  }
  return fallback;
}

LoadTarget parse_target(const json& value, const std::string& where) {
  const JsonFields f(value, where);
  f.only({"threshold", "limit", "points"});
  LoadTarget target;
  target.threshold = parse_threshold(f.text("threshold", Presence::required));
  target.points = f.number("points", 0, 100).value_or(0);
  if (target.points <= 0) f.fail("points", "must be a positive number of points");
  const json* limit = f.find("limit");
  if (!limit) f.fail("limit", "is required: the value at which this target scores nothing");
  const std::string limit_text = limit->is_string() ? limit->get<std::string>() : limit->dump();
  target.limit = parse_metric_value(target.threshold.metric, limit_text, where + ": field \"limit\"");
  const bool lower_is_better = target.threshold.op[0] == '<';
  if (lower_is_better ? target.limit <= target.threshold.value : target.limit >= target.threshold.value) {
    f.fail("limit", "must be on the failing side of '" + target.threshold.text + "' (" +
                        (lower_is_better ? "above" : "below") + " it)");
  }
  return target;
}

Category parse_category(const json& value, const std::string& where) {
  const JsonFields first(value, where);
  Category c;
  c.name = first.text("name", Presence::required);
  const JsonFields f(value, where + " (\"" + c.name + "\")");
  f.only({"name", "weight", "kind", "required", "informational", "min", "tools", "finding_categories", "new_only",
          "points", "caps", "targets", "target", "pass_rate_target", "coverage_target"});
  const json* weight = f.find("weight");
  if (!weight || !weight->is_number() || weight->get<double>() <= 0) {
    f.fail("weight", "must be a positive number, got " + (weight ? weight->dump() : std::string("nothing")));
  }
  c.weight = weight->get<double>();
  const std::string kind = f.text("kind", Presence::required);
  if (kind == "findings")
    c.kind = CategoryKind::findings;
  else if (kind == "load")
    c.kind = CategoryKind::load;
  else if (kind == "health")
    c.kind = CategoryKind::health;
  else if (kind == "tests")
    c.kind = CategoryKind::tests;
  else
    f.fail("kind", "expected findings, load, health or tests, got \"" + kind + "\"");
  c.required = f.flag("required");
  c.informational = f.flag("informational");
  if (c.required && c.informational) f.fail("informational", "a category cannot be both required and informational");
  c.min = f.number("min", 0, 100);
  switch (c.kind) {
    case CategoryKind::findings: {
      if (f.find("tools")) c.tools = f.texts("tools");
      c.finding_categories = f.texts("finding_categories");
      c.new_only = f.flag("new_only");
      c.points = severity_points(f, "points",
                                 {{Severity::critical, 40},
                                  {Severity::high, 15},
                                  {Severity::medium, 5},
                                  {Severity::low, 1},
                                  {Severity::info, 0}});
      c.caps = severity_points(f, "caps",
                               {{Severity::critical, 100},
                                {Severity::high, 100},
                                {Severity::medium, 100},
                                {Severity::low, 100},
                                {Severity::info, 100}});
      break;
    }
    case CategoryKind::load: {
      std::size_t i = 0;
      for (const json& t : f.array("targets"))
        c.targets.push_back(parse_target(t, f.where() + ": targets[" + std::to_string(i++) + "]"));
      if (c.targets.empty()) f.fail("targets", "a load category needs at least one target");
      break;
    }
    case CategoryKind::health:
      c.availability_target = fraction(f, "target", 0.999);
      break;
    case CategoryKind::tests:
      c.pass_rate_target = fraction(f, "pass_rate_target", 1.0);
      if (c.pass_rate_target <= 0) f.fail("pass_rate_target", "must be above 0");
      if (f.find("coverage_target")) c.coverage_target = fraction(f, "coverage_target", 0.8);
      break;
  }
  return c;
}

Blocker parse_blocker(const std::string& text, const JsonFields& f) {
  for (const auto b : {Blocker::critical_finding, Blocker::critical_check_down, Blocker::failing_tests,
                       Blocker::error_rate_over_limit}) {
    if (to_string(b) == text) return b;
  }
  f.fail("blockers", "unknown blocker \"" + text +
                         "\" (known: critical_finding, critical_check_down, failing_tests, error_rate_over_limit)");
}

}  // namespace

std::string_view to_string(CategoryKind kind) {
  switch (kind) {
    case CategoryKind::findings:
      return "findings";
    case CategoryKind::load:
      return "load";
    case CategoryKind::health:
      return "health";
    case CategoryKind::tests:
      return "tests";
  }
  return "findings";
}

std::string_view to_string(Blocker blocker) {
  switch (blocker) {
    case Blocker::critical_finding:
      return "critical_finding";
    case Blocker::critical_check_down:
      return "critical_check_down";
    case Blocker::failing_tests:
      return "failing_tests";
    case Blocker::error_rate_over_limit:
      return "error_rate_over_limit";
  }
  return "critical_finding";
}

Policy parse_policy(const json& document, const std::string& source) {
  const JsonFields f(document, source);
  f.only({"min_score", "categories", "blockers"});
  Policy policy;
  policy.source = document;
  policy.min_score = f.number("min_score", 0, 100).value_or(80);
  std::set<std::string> names;
  std::size_t i = 0;
  for (const json& c : f.array("categories")) {
    Category category = parse_category(c, source + ": categories[" + std::to_string(i++) + "]");
    if (!names.insert(category.name).second) f.fail("categories", "two categories are named \"" + category.name + "\"");
    policy.categories.push_back(std::move(category));
  }
  if (policy.categories.empty()) f.fail("categories", "a policy needs at least one category");
  for (const auto& b : f.texts("blockers")) policy.blockers.push_back(parse_blocker(b, f));
  return policy;
}

const Policy& default_policy() {
  static const Policy policy = [] {
    const auto documents = parse_json_documents(default_policy_json(), "default_policy.json");
    return parse_policy(documents.at(0), "default_policy.json");
  }();
  return policy;
}

}  // namespace readygate::score
