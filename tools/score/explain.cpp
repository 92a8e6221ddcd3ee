#include "explain.hpp"

#include <cstdio>

#include "category_scoring.hpp"
#include "common/text_style.hpp"

namespace readygate::score {

std::string explain(const ScoreResult& r) {
  std::string out = "readiness score " + one_decimal(r.value) + " / 100, minimum " + format_number(r.min_score) +
                    ": gate " + (r.pass ? "PASS" : "FAIL") + "\n";
  out += "evidence for " + format_number(round1(r.evidence_coverage * 100)) + " % of the policy's weight\n";
  if (!r.blockers.empty()) {
    out += "\nblockers (the gate fails whatever the score):\n";
    for (const auto& b : r.blockers)
      out += "  - " + b.reason + (b.evidence.empty() ? "" : "  [" + b.evidence + "]") + "\n";
  }
  out += "\n" + pad_right("category", 16) + pad_left("weight", 7) + pad_left("score", 8) + "  status\n";
  for (const auto& c : r.categories) {
    const bool shown = c.has_evidence || c.category->required;
    out += pad_right(c.category->name, 16) + pad_left(format_number(c.category->weight), 7) +
           pad_left(shown ? one_decimal(c.score) : "—", 8) + "  " + c.status +
           (c.evidence.empty() ? "" : "  (" + c.evidence + ")") + "\n";
    for (const auto& d : c.deductions) {
      out += "    " + pad_left(d.points > 0 ? "-" + one_decimal(d.points) : "·", 6) + "  " + d.reason +
             (d.evidence.empty() ? "" : "  [" + d.evidence + "]") + "\n";
    }
  }
  return out;
}

std::string one_decimal(double value) {
  char text[32];
  std::snprintf(text, sizeof text, "%.1f", value);
  return text;
}

}  // namespace readygate::score
