#include "explain.hpp"

#include <cstdio>

#include "category_scoring.hpp"
#include "common/utf8.hpp"

namespace readygate::score {
namespace {

// Padding counts characters, not bytes: "—" is one column.
std::string pad(std::string text, std::size_t width) {
  const std::size_t shown = count_code_points(text);
  if (shown < width) text.append(width - shown, ' ');
  return text;
}

std::string padleft(std::string text, std::size_t width) {
  const std::size_t shown = count_code_points(text);
  if (shown < width) text.insert(0, width - shown, ' ');
  return text;
}

std::string one_decimal(double value) {
  char text[32];
  std::snprintf(text, sizeof text, "%.1f", value);
  return text;
}

}  // namespace

std::string explain(const ScoreResult& r) {
  std::string out = "readiness score " + one_decimal(r.value) + " / 100, minimum " + format_number(r.min_score) +
                    ": gate " + (r.pass ? "PASS" : "FAIL") + "\n";
  out += "evidence for " + format_number(round1(r.evidence_coverage * 100)) + " % of the policy's weight\n";
  if (!r.blockers.empty()) {
    out += "\nblockers (the gate fails whatever the score):\n";
    for (const auto& b : r.blockers)
      out += "  - " + b.reason + (b.evidence.empty() ? "" : "  [" + b.evidence + "]") + "\n";
  }
  out += "\n" + pad("category", 16) + padleft("weight", 7) + padleft("score", 8) + "  status\n";
  for (const auto& c : r.categories) {
    const bool shown = c.has_evidence || c.category->required;
    out += pad(c.category->name, 16) + padleft(format_number(c.category->weight), 7) +
           padleft(shown ? one_decimal(c.score) : "—", 8) + "  " + c.status +
           (c.evidence.empty() ? "" : "  (" + c.evidence + ")") + "\n";
    for (const auto& d : c.deductions) {
      out += "    " + padleft(d.points > 0 ? "-" + one_decimal(d.points) : "·", 6) + "  " + d.reason +
             (d.evidence.empty() ? "" : "  [" + d.evidence + "]") + "\n";
    }
  }
  return out;
}

}  // namespace readygate::score
