// units_thresholds: the input as a --threshold (parse_threshold), a duration (parse_duration)
// and a size (parse_byte_size), as users type them on command lines and in files.
#include <algorithm>
#include <chrono>
#include <cmath>
#include <string>

#include "common/threshold.hpp"
#include "common/units.hpp"
#include "fuzz_support.hpp"

using namespace readygate;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text = fuzz::text_of(data, size);
  const std::string copy(text);
  try {
    const Threshold threshold = parse_threshold(text);
    const auto& metrics = known_metrics();
    FUZZ_CHECK(std::find(metrics.begin(), metrics.end(), threshold.metric) != metrics.end());
    FUZZ_CHECK(threshold.op == "<" || threshold.op == "<=" || threshold.op == ">" || threshold.op == ">=");
    // nan or inf would make a threshold that always passes or always fails
    FUZZ_CHECK(std::isfinite(threshold.value) && threshold.value >= 0);
    (void)threshold_holds(threshold, 1.0);
    (void)metric_unit(threshold.metric);
  } catch (const Error&) {
  }
  for (const std::string& metric : known_metrics()) {
    try {
      const double value = parse_metric_value(metric, text, "fuzz");
      FUZZ_CHECK(std::isfinite(value) && value >= 0);
    } catch (const Error&) {
    }
  }
  try {
    const std::chrono::milliseconds duration = parse_duration("--duration", copy);
    FUZZ_CHECK(duration.count() >= 0);
  } catch (const Error&) {
  }
  try {
    (void)parse_byte_size("--max-file-size", copy);
  } catch (const Error&) {
  }
  return 0;
}
