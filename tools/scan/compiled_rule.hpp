#pragma once
// A Rule with its regular expressions compiled (RE2 objects are not copyable: held by pointer).
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include <re2/re2.h>

#include "rule.hpp"

namespace readygate::scan {

// RE2 options shared by every rule: errors reported by us, not logged by RE2.
RE2::Options rule_regex_options();

// The pattern as compiled: ^ and $ match at line boundaries.
std::string multiline(const std::string& pattern);

struct CompiledRule {
  // Throws Error (exit 2) naming the rule and field of an invalid expression.
  explicit CompiledRule(const Rule& rule);

  const Rule& rule;
  std::unique_ptr<RE2> pattern;
  std::unique_ptr<RE2> exclude;                  // may be null
  std::unique_ptr<RE2> absent;                   // may be null
  std::vector<std::unique_ptr<RE2>> allow_values;
  int secret_group = -1;                         // index of (?P<secret>…), or -1
  int location_group = -1;                       // index of (?P<loc>…), or -1
  int group_count = 0;                           // capturing groups + the whole match

  // The captured secret is a real-looking value: not a placeholder, not allowed, enough entropy.
  bool secret_is_credible(std::string_view secret) const;
};

}  // namespace readygate::scan
