#pragma once
// A Rule with its regular expressions compiled (RE2 objects are not copyable: held by pointer).
#include <re2/re2.h>

#include <memory>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "block_context.hpp"
#include "rule.hpp"

namespace readygate::scan {

// RE2 options shared by every rule: errors reported by us, not logged by RE2.
RE2::Options rule_regex_options();

// The pattern as compiled: ^ and $ match at line boundaries.
std::string multiline(const std::string& pattern);

// An "inside" or "not_inside" condition, compiled.
struct CompiledBlock {
  std::unique_ptr<RE2> header, skip, stop;  // skip and stop may be null
  const InsideContext* spec = nullptr;
  BlockContext context() const;  // as block_context.hpp takes it
};

struct CompiledRule {
  // Throws Error (exit 2) naming the rule and field of an invalid expression.
  explicit CompiledRule(const Rule& rule);

  const Rule& rule;
  std::unique_ptr<RE2> pattern;                // null for a call rule
  std::unique_ptr<RE2> exclude;                // may be null
  std::vector<std::unique_ptr<RE2>> absent;    // one per rule.absent context
  std::vector<std::unique_ptr<RE2>> required;  // one per rule.requires context
  std::optional<CompiledBlock> inside, not_inside;
  std::vector<std::unique_ptr<RE2>> allow_values, allow_names;
  std::unique_ptr<RE2> in_tests_when;                                            // null: always (or no in_tests)
  std::unique_ptr<RE2> body_absent;                                              // null: no condition on the block
  std::unique_ptr<RE2> arguments_match, arguments_absent, first_argument_match;  // call rules; may be null
  int secret_group = -1;                                                         // index of (?P<secret>…), or -1
  int name_group = -1;                                                           // index of (?P<name>…), or -1
  std::vector<int> location_groups;  // (?P<loc…>) groups, in pattern order
  int group_count = 0;               // capturing groups + the whole match

  // The captured secret is a real-looking value: not a placeholder, not allowed, enough entropy.
  bool secret_is_credible(std::string_view secret) const;
  // The secret is one of the rule's allow_values (a provider's documented example value).
  bool is_allowed_value(std::string_view secret) const;
  // A call rule: whether it names the call resolved as `resolved` ("pickle.loads").
  bool names_call(const std::string& resolved) const;
  std::set<std::string> call_names;        // exact
  std::vector<std::string> call_prefixes;  // "child_process." for "child_process.*"

  // The captured name is not one of allow_names.
  bool name_is_reportable(std::string_view name) const;
};

}  // namespace readygate::scan
