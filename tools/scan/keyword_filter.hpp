#pragma once
// The literal prefilter: one RE2::Set pass over a file finds which rules' keywords occur in it,
// so only those rules run their full expressions. Keywords are smart-case, as in ripgrep:
// case-insensitive unless they contain an upper-case letter. Most files hold the
// keywords of few rules, and a full expression never runs on a file that cannot match it.
#include <re2/set.h>

#include <memory>
#include <string_view>
#include <vector>

#include "rule.hpp"

namespace readygate::scan {

class KeywordFilter {
 public:
  explicit KeywordFilter(const std::vector<Rule>& rules);

  // For each rule: applicable[i] and (rule i has no keywords, or one of them occurs in text).
  std::vector<bool> candidates(std::string_view text, const std::vector<bool>& applicable) const;

 private:
  std::unique_ptr<RE2::Set> m_set;                   // null when no rule has keywords
  std::vector<std::vector<std::size_t>> m_rules_of;  // keyword index -> rule indexes
  std::vector<bool> m_unfiltered;                    // rules without keywords
};

}  // namespace readygate::scan
