#include "keyword_filter.hpp"

#include <algorithm>
#include <cctype>
#include <map>
#include <string>

#include "common/error.hpp"
#include "compiled_rule.hpp"

namespace readygate::scan {

KeywordFilter::KeywordFilter(const std::vector<Rule>& rules) : m_unfiltered(rules.size(), false) {
  std::map<std::string, std::size_t> index_of;  // keyword pattern -> set index
  auto set = std::make_unique<RE2::Set>(rule_regex_options(), RE2::UNANCHORED);
  for (std::size_t r = 0; r < rules.size(); ++r) {
    if (rules[r].keywords.empty()) m_unfiltered[r] = true;
    for (const auto& keyword : rules[r].keywords) {
      // Smart case, as in ripgrep: a keyword with an upper-case letter matches exactly.
      const bool exact = std::any_of(keyword.begin(), keyword.end(), [](unsigned char c) { return std::isupper(c); });
      const std::string pattern = (exact ? "" : "(?i)") + RE2::QuoteMeta(keyword);
      auto [it, added] = index_of.emplace(pattern, m_rules_of.size());
      if (added) {
        std::string error;
        if (set->Add(pattern, &error) < 0) {
          throw_input_error("rule \"" + rules[r].id + "\": keyword \"" + keyword + "\": " + error);
        }
        m_rules_of.emplace_back();
      }
      m_rules_of[it->second].push_back(r);
    }
  }
  if (m_rules_of.empty()) return;
  if (!set->Compile()) throw_runtime_error("cannot compile the keyword prefilter (out of memory?)");
  m_set = std::move(set);
}

std::vector<bool> KeywordFilter::candidates(std::string_view text, const std::vector<bool>& applicable) const {
  std::vector<bool> result(applicable.size(), false);
  for (std::size_t r = 0; r < applicable.size(); ++r) result[r] = applicable[r] && m_unfiltered[r];
  if (!m_set) return result;
  std::vector<int> hits;
  RE2::Set::ErrorInfo error{};
  const bool matched = m_set->Match(re2::StringPiece(text.data(), text.size()), &hits, &error);
  if (!matched && error.kind != RE2::Set::kNoError) {
    // The prefilter could not decide: let every applicable rule run, which is slower, not wrong.
    return applicable;
  }
  for (const int hit : hits) {
    for (const std::size_t r : m_rules_of[static_cast<std::size_t>(hit)]) result[r] = result[r] || applicable[r];
  }
  return result;
}

}  // namespace readygate::scan
