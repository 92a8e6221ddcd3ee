#pragma once
// --diff-base REF (pull-request mode): keep only findings on lines added or changed since REF.
// The changed lines come from `git diff -U0 REF`; files git does not track yet count as new.
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "finding.hpp"

namespace readygate::scan {

// Inclusive line ranges per path, in the new version of each file.
using ChangedLines = std::map<std::string, std::vector<std::pair<std::size_t, std::size_t>>>;

// Parses `git diff -U0 --no-prefix`-style unified diff output ("+++ path", "@@ -a,b +c,d @@").
// `prefix` is prepended to each path (the scanned directory, as findings report it).
ChangedLines parse_unified_diff(std::string_view diff, const std::string& prefix);

// Runs git in `directory` (the current one: findings' paths are relative to it). Throws Error
// (exit 2) when git fails, for example on an unknown ref or outside a repository.
ChangedLines changed_lines_since(const std::string& ref, const std::string& directory);

// Findings on lines that did not change, or in files that did not change, are removed.
void keep_changed(std::vector<Finding>& findings, const ChangedLines& changed);

}  // namespace readygate::scan
