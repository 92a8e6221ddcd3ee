#include "score_text.hpp"

#include <algorithm>
#include <cstdio>

#include "category_scoring.hpp"
#include "explain.hpp"

namespace readygate::score {
namespace {

std::string with_evidence(const std::string& reason, const std::string& evidence) {
  return reason + (evidence.empty() ? "" : "  [" + evidence + "]");
}

}  // namespace

std::vector<std::string> gate_failure_reasons(const ScoreResult& r) {
  std::vector<std::string> out;
  if (r.pass) return out;
  for (const auto& b : r.blockers) out.push_back("blocker: " + with_evidence(b.reason, b.evidence));
  if (r.value < r.min_score) {
    out.push_back("score " + one_decimal(r.value) + " is below the minimum " + format_number(r.min_score));
  }
  return out;
}

std::string render_score_text(const ScoreResult& r, const TextStyle& style) {
  const Paint verdict_paint = r.pass ? Paint::green : Paint::red;
  std::string out = style.paint(Paint::bold, "ready-score") + "  " +
                    style.paint(verdict_paint, one_decimal(r.value) + " / 100") + " (minimum " +
                    format_number(r.min_score) + ")  gate " + style.pass(r.pass) + " " +
                    style.paint(verdict_paint, r.pass ? "PASS" : "FAIL") + "\n";
  out += "evidence for " + format_number(round1(r.evidence_coverage * 100)) + " % of the policy's weight\n";

  if (!r.blockers.empty()) {
    out += style.section("Blockers (the gate fails whatever the score)");
    for (const auto& b : r.blockers) out += "  " + style.pass(false) + " " + with_evidence(b.reason, b.evidence) + "\n";
  }

  out += style.section("Categories");
  std::size_t width = 8;
  for (const auto& c : r.categories) width = std::max(width, display_width(c.category->name));
  out += "  " + pad_right("category", width) + pad_left("weight", 8) + pad_left("score", 8) + "  evidence\n";
  for (const auto& c : r.categories) {
    const bool shown = c.has_evidence || c.category->required;
    std::string score = shown ? one_decimal(c.score) : "—";
    if (shown && c.category->min) score = style.paint(c.score >= *c.category->min ? Paint::none : Paint::red, score);
    std::string evidence = c.has_evidence ? c.evidence : style.paint(Paint::yellow, "no evidence");
    if (!c.has_evidence && !c.evidence.empty()) evidence += " (" + c.evidence + ")";
    if (c.category->required && !c.has_evidence) evidence += ", required: scores 0";
    if (c.category->informational) evidence += style.paint(Paint::dim, " · informational, not counted");
    std::string line = "  " + pad_right(c.category->name, width) + pad_left(format_number(c.category->weight), 8) +
                       pad_left(score, 8) + "  " + evidence;
    line.erase(line.find_last_not_of(' ') + 1);
    out += line + "\n";
    for (const auto& d : c.deductions) {
      const std::string points =
          d.points > 0 ? style.paint(Paint::red, pad_left("-" + one_decimal(d.points), 6)) : pad_left("·", 6);
      out += "    " + points + "  " + with_evidence(d.reason, d.evidence) + "\n";
    }
  }
  // Why the gate fails is said once, on stderr (score_command.cpp): the blockers are listed
  // above and the minimum is in the first line.
  return out;
}

}  // namespace readygate::score
