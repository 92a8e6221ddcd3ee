#include <algorithm>
#include <map>

#include "category_scoring.hpp"

namespace readygate::score {
namespace {

std::string where_of(const Finding& f) {
  return f.location ? " at " + f.location->path + ":" + std::to_string(f.location->line) : "";
}

}  // namespace

CategoryScore score_findings(const Category& c, const EnvelopeSet& envelopes) {
  CategoryScore out;
  out.category = &c;
  std::vector<const Finding*> relevant;
  std::vector<std::string> present;
  std::size_t suppressed = 0, known = 0, not_product = 0;
  for (const auto& tool : c.tools) {
    const ToolRun* run = find_run(envelopes, tool);
    if (!run) continue;
    present.push_back(tool);
    for (const Finding& f : run->findings) {
      if (!c.finding_categories.empty() && std::find(c.finding_categories.begin(), c.finding_categories.end(),
                                                     f.category) == c.finding_categories.end()) {
        continue;
      }
      if (f.suppressed()) {
        ++suppressed;
      } else if (!counts_for_gate(f)) {
        ++not_product;
      } else if (c.new_only && !is_open(f)) {
        ++known;
      } else {
        relevant.push_back(&f);
      }
    }
  }
  out.has_evidence = !present.empty();
  if (!out.has_evidence) return out;
  // Findings come most severe first: the caps bite on the least severe of each level.
  std::map<Severity, double> lost;
  std::map<Severity, std::size_t> capped;
  double total = 0;
  for (const Finding* f : relevant) {
    const double points = c.points.at(f->severity);
    const double room = c.caps.at(f->severity) - lost[f->severity];
    const double take = std::max(0.0, std::min(points, room));
    if (take <= 0) {
      if (points > 0) ++capped[f->severity];
      continue;
    }
    lost[f->severity] += take;
    total += take;
    out.deductions.push_back({take, std::string(to_string(f->severity)) + " finding " + f->rule + where_of(*f),
                              present.front() + ":" + f->fingerprint});
  }
  for (const auto& [severity, n] : capped) {
    out.deductions.push_back({0,
                              std::to_string(n) + " more " + std::string(to_string(severity)) +
                                  " findings not counted: the cap of " + format_number(c.caps.at(severity)) +
                                  " points for " + std::string(to_string(severity)) + " findings is reached",
                              ""});
  }
  out.score = std::max(0.0, 100.0 - total);
  out.evidence = std::to_string(relevant.size()) + " open findings from " + present.front() +
                 (suppressed ? ", " + std::to_string(suppressed) + " suppressed" : "") +
                 (known ? ", " + std::to_string(known) + " known from the baseline" : "") +
                 (not_product ? ", " + std::to_string(not_product) + " in tests or examples (not counted)" : "");
  return out;
}

}  // namespace readygate::score
