#include "fail_on_reason.hpp"

#include <algorithm>
#include <tuple>

#include "finding_counts.hpp"

namespace readygate {
namespace {

std::string where(const Finding& f) {
  if (f.location) return f.location->path + ":" + std::to_string(f.location->line);
  return f.target.empty() ? "(no location)" : f.target;
}

}  // namespace

std::string fail_on_reason(const std::vector<Finding>& findings, Severity threshold, std::size_t shown) {
  std::vector<const Finding*> gating;
  for (const auto& f : findings) {
    if (counts_against(f, threshold)) gating.push_back(&f);
  }
  if (gating.empty()) return "";
  std::stable_sort(gating.begin(), gating.end(), [](const Finding* a, const Finding* b) {
    const auto key = [](const Finding* f) {
      return std::make_tuple(-static_cast<int>(f->severity), f->location ? f->location->path : f->target,
                             f->location ? f->location->line : 0, f->rule);
    };
    return key(a) < key(b);
  });
  const std::string level(to_string(threshold));
  std::string out = std::to_string(gating.size()) + (gating.size() == 1 ? " finding" : " findings") + " at or above " +
                    level + " (--fail-on " + level + "):\n";
  for (std::size_t i = 0; i < gating.size() && i < shown; ++i) {
    const Finding& f = *gating[i];
    out += "  " + where(f) + "  " + std::string(to_string(f.severity)) + "  " + f.rule + "\n";
  }
  if (gating.size() > shown) out += "  … and " + std::to_string(gating.size() - shown) + " more\n";
  return out;
}

}  // namespace readygate
