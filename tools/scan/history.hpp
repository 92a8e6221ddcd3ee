#pragma once
// --history: the secrets in every line that a commit added, read from `git log -p` as it
// streams (memory holds one file's added lines and the findings, never the history).
//
// Each (commit, file) with added lines is scanned as one text made of those lines, so a secret
// spanning added lines (a private key block) is found; a finding is placed at its line in the
// file as of that commit. Commits come oldest first, so a secret added in several commits (or
// copied between files) is one finding: the rule and the secret identify it, and it carries the
// first commit that added it and how many did. Its fingerprint is the usual one (rule, path,
// line text), stable across runs.
#include <string>
#include <vector>

#include "engine.hpp"
#include "role.hpp"
#include "scanner.hpp"

namespace readygate::scan {

struct HistoryOptions {
  std::vector<std::string> revisions;  // what `git log` is given: a range ("main..HEAD"), refs, or --all
  std::string directory = ".";         // the repository (paths are relative to its root)
  std::vector<RoleOverride> roles;
  std::uint64_t max_file_size = 5ULL * 1024 * 1024;  // added lines of one file in one commit
};

// Throws Error (exit 2) when git fails (not a repository, an unknown revision).
ScanResult scan_history(const RuleEngine& engine, const HistoryOptions& options);

// The streaming parser, for tests: feed `git log -p --format=…` output (the format
// history.cpp asks for) in any chunks; `on_file(commit, path, added text, line numbers)`.
struct HistoryCommit {
  std::string id, author, date;
};
class LogPatchReader {
 public:
  using OnFile = std::function<void(const HistoryCommit&, const std::string& path, const std::string& added,
                                    const std::vector<std::size_t>& lines)>;
  explicit LogPatchReader(OnFile on_file) : m_on_file(std::move(on_file)) {}
  void feed(std::string_view chunk);
  void finish();

 private:
  void line(std::string_view text);
  void flush();

  OnFile m_on_file;
  std::string m_partial;  // an unfinished line from the last chunk
  HistoryCommit m_commit;
  std::string m_path;
  bool m_in_hunk = false;
  std::size_t m_next_line = 0;
  std::string m_added;
  std::vector<std::size_t> m_lines;
};

}  // namespace readygate::scan
