#pragma once
// Ignore files a repository already has, read from the folder ready-scan runs in (the
// repository root, where SARIF and --diff-base want it run):
//   .readygateignore   one finding fingerprint per line (ready-scan's "fingerprint"); # comments
//   .gitleaksignore    gitleaks' entries, [COMMIT:]FILE:RULE:LINE. Its rule ids are gitleaks'
//                      own, so an entry suppresses every secrets finding at FILE:LINE (with a
//                      COMMIT, only one found in that commit by --history). A line that is
//                      neither is warned about, never silently dropped.
// A finding matched by either is suppressed (kept in the output, counted in summary.suppressed).
#include <cstddef>
#include <set>
#include <string>
#include <string_view>
#include <tuple>
#include <vector>

#include "finding.hpp"
#include "rule.hpp"

namespace readygate::scan {

struct IgnoreList {
  std::set<std::string> fingerprints;
  std::set<std::tuple<std::string, std::string, std::size_t>> secret_places;  // (commit or "", path, line)
  std::vector<std::string> warnings;                                          // "FILE:LINE: why"
  bool empty() const { return fingerprints.empty() && secret_places.empty(); }
};

// Parses the text of a .readygateignore / .gitleaksignore (`name` for messages).
void read_readygate_ignore(std::string_view text, const std::string& name, IgnoreList& into);
void read_gitleaks_ignore(std::string_view text, const std::string& name, IgnoreList& into);

// Both files from `folder`, when present.
IgnoreList read_ignore_files(const std::string& folder, const std::vector<std::string>& more_files = {});

// Marks the findings the list names as suppressed; returns how many it newly suppressed.
std::size_t apply_ignore_list(std::vector<Finding>& findings, const std::vector<Rule>& rules, const IgnoreList& list);

}  // namespace readygate::scan
