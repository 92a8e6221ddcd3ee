#include "staged.hpp"

#include <algorithm>

#include "common/error.hpp"
#include "common/glob.hpp"
#include "common/process.hpp"
#include "common/walk.hpp"
#include "diff_filter.hpp"
#include "role.hpp"

namespace readygate::scan {

ScanResult scan_staged(const RuleEngine& engine, const ScanOptions& options) {
  const ProcessResult inside = run_process({"git", "rev-parse", "--is-inside-work-tree"});
  if (inside.exit_code != 0 || inside.out.rfind("true", 0) != 0) {
    throw_input_error("--staged: not inside a git work tree (the index is git's)");
  }
  const ProcessResult diff =
      run_process({"git", "-c", "core.quotePath=false", "diff", "--cached", "--no-color", "--no-ext-diff",
                   "--no-prefix", "--relative", "--no-renames", "-U0", "--diff-filter=ACMRT", "--"});
  if (diff.exit_code != 0) {
    const std::string why = diff.err.substr(0, diff.err.find('\n'));
    throw_input_error("--staged: git diff --cached failed: " +
                      (why.empty() ? "exit code " + std::to_string(diff.exit_code) : why));
  }
  const ChangedLines changed = parse_unified_diff(diff.out, "");
  ScanResult result;
  const ListOptions& listing = options.listing;
  // The same selection as a scan of the work tree: --include, --exclude, the default excludes.
  const auto selected = [&](const std::string& path) {
    const auto excluded_by = [&](const std::vector<std::string>& globs) {
      return std::any_of(globs.begin(), globs.end(), [&](const std::string& g) { return path_matches(g, path); });
    };
    if (listing.default_excludes && excluded_by(default_exclude_patterns())) return false;
    if (excluded_by(listing.exclude)) return false;
    return listing.include.empty() || std::any_of(listing.include.begin(), listing.include.end(),
                                                  [&](const std::string& g) { return file_matches(g, path); });
  };
  for (const auto& [path, ranges] : changed) {
    if (ranges.empty()) continue;  // only a mode change, or a binary file
    if (!selected(path)) {
      ++result.stats.excluded;
      continue;
    }
    const ProcessResult blob = run_process({"git", "show", ":./" + path});
    if (blob.exit_code != 0) {
      result.stats.unreadable.push_back(path + ": git show failed");
      continue;
    }
    if (blob.out.size() > options.max_file_size) {
      ++result.stats.skipped_too_large;
      continue;
    }
    if (blob.out.find('\0') != std::string::npos) {
      ++result.stats.skipped_binary;
      continue;
    }
    const Role role = role_of(path, std::string_view(blob.out).substr(0, 4096), options.roles);
    if ((role == Role::vendored || role == Role::generated) &&
        std::find(options.include_roles.begin(), options.include_roles.end(), role) == options.include_roles.end()) {
      ++(role == Role::vendored ? result.stats.vendored : result.stats.generated);
      continue;
    }
    ++result.stats.files;
    result.stats.bytes += blob.out.size();
    FileScan scanned = engine.scan_file(path, blob.out, role);
    for (auto& f : scanned.findings) result.findings.push_back(std::move(f));
    for (auto& w : scanned.warnings) result.stats.warnings.push_back(std::move(w));
  }
  keep_changed(result.findings, changed);
  return result;
}

}  // namespace readygate::scan
