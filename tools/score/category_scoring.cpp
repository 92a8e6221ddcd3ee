#include "category_scoring.hpp"

#include <cmath>

namespace readygate::score {

double round1(double value) { return std::round(value * 10.0) / 10.0; }

std::string percent(double fraction) { return format_number(round1(fraction * 100.0)) + " %"; }

const ToolRun* find_run(const EnvelopeSet& envelopes, const std::string& tool) {
  for (const auto& run : envelopes.runs) {
    if (run.tool == tool) return &run;
  }
  return nullptr;
}

}  // namespace readygate::score
