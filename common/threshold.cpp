#include "threshold.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <optional>

#include "decimal.hpp"
#include "error.hpp"

namespace readygate {
namespace {

std::string_view trim(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  return s;
}

bool is_known(std::string_view metric) {
  const auto& all = known_metrics();
  return std::find(all.begin(), all.end(), metric) != all.end();
}

std::string metric_list() {
  std::string list;
  for (const auto& m : known_metrics()) list += (list.empty() ? "" : ", ") + m;
  return list;
}

}  // namespace

const std::vector<std::string>& known_metrics() {
  static const std::vector<std::string> metrics{"p50", "p90", "p95", "p99", "p999", "mean", "max", "rps", "error_rate"};
  return metrics;
}

std::string_view metric_unit(std::string_view metric) {
  if (metric == "rps") return "rps";
  if (metric == "error_rate") return "";
  return "ms";
}

namespace {

double metric_value(std::string_view metric, std::string_view text, std::string_view context) {
  text = trim(text);
  const std::optional<DecimalPrefix> decimal = read_decimal_prefix(text);  // nan and inf are none
  const std::string_view unit = trim(text.substr(decimal ? decimal->length : 0));
  const auto fail = [&](const std::string& why) -> double { throw_input_error(std::string(context) + ": " + why); };
  if (!decimal) return fail("'" + std::string(text) + "' is not a number");
  const double number = decimal->value;
  if (number < 0) return fail("'" + std::string(text) + "' is negative");
  const std::string_view base = metric_unit(metric);
  if (base == "ms") {
    if (unit.empty() || unit == "ms") return number;
    if (unit == "s") return number * 1000.0;
    if (unit == "us" || unit == "µs") return number / 1000.0;
    return fail("a latency takes ms or s, not '" + std::string(unit) + "'");
  }
  if (base == "rps") {
    if (unit.empty() || unit == "rps" || unit == "/s") return number;
    return fail("rps takes no unit, not '" + std::string(unit) + "'");
  }
  if (unit.empty()) {
    if (number > 1) return fail("error_rate is a fraction (0.001) or a percentage (0.1%), not " + std::string(text));
    return number;
  }
  if (unit == "%") {
    if (number > 100) return fail("error_rate is at most 100%, not " + std::string(text));
    return number / 100.0;
  }
  return fail("error_rate takes % or no unit, not '" + std::string(unit) + "'");
}

}  // namespace

double parse_metric_value(std::string_view metric, std::string_view text, std::string_view context) {
  const double value = metric_value(metric, text, context);
  // 1e308s is finite, but not once in milliseconds: a threshold of infinity always holds.
  if (!std::isfinite(value))
    throw_input_error(std::string(context) + ": '" + std::string(trim(text)) + "' is too large");
  return value;
}

Threshold parse_threshold(std::string_view text) {
  Threshold t;
  t.text = std::string(text);
  const std::string context = "threshold '" + t.text + "'";
  std::string_view rest = trim(text);
  // The scope ends at the last ':' that is followed by a metric (a URL may hold colons).
  for (std::size_t colon = rest.rfind(':'); colon != std::string_view::npos && colon > 0;
       colon = rest.rfind(':', colon - 1)) {
    const std::string_view after = trim(rest.substr(colon + 1));
    const std::size_t name_end = after.find_first_of("<>= ");
    if (name_end != std::string_view::npos && is_known(after.substr(0, name_end))) {
      t.scope = std::string(trim(rest.substr(0, colon)));
      rest = after;
      break;
    }
  }
  const std::size_t op_at = rest.find_first_of("<>");
  if (op_at == std::string_view::npos) {
    throw_input_error(context + ": expected METRIC OP VALUE, such as p95<100ms (operators: < <= > >=)");
  }
  t.metric = std::string(trim(rest.substr(0, op_at)));
  const bool or_equal = op_at + 1 < rest.size() && rest[op_at + 1] == '=';
  t.op = std::string(1, rest[op_at]) + (or_equal ? "=" : "");
  if (!is_known(t.metric)) {
    throw_input_error(context + ": unknown metric '" + t.metric + "' (known: " + metric_list() + ")");
  }
  t.value = parse_metric_value(t.metric, rest.substr(op_at + t.op.size()), context);
  return t;
}

bool threshold_holds(const Threshold& t, double measured) {
  if (t.op == "<") return measured < t.value;
  if (t.op == "<=") return measured <= t.value;
  if (t.op == ">") return measured > t.value;
  return measured >= t.value;
}

}  // namespace readygate
