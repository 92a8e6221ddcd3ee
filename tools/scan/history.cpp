#include "history.hpp"

#include <map>
#include <tuple>

#include "common/error.hpp"
#include "common/process.hpp"

namespace readygate::scan {
namespace {

// Each commit starts with this line: \x01commit HASH\0AUTHOR <EMAIL>\0DATE.
constexpr std::string_view commit_mark =
    "\x01"
    "commit ";
constexpr const char* log_format = "--format=%x01commit %H%x00%an <%ae>%x00%aI";

std::size_t number_at(std::string_view text, std::size_t& pos) {
  std::size_t value = 0;
  while (pos < text.size() && text[pos] >= '0' && text[pos] <= '9')
    value = value * 10 + static_cast<std::size_t>(text[pos++] - '0');
  return value;
}

}  // namespace

void LogPatchReader::feed(std::string_view chunk) {
  while (!chunk.empty()) {
    const std::size_t newline = chunk.find('\n');
    if (newline == std::string_view::npos) {
      m_partial.append(chunk);
      return;
    }
    if (m_partial.empty()) {
      line(chunk.substr(0, newline));
    } else {
      m_partial.append(chunk.substr(0, newline));
      line(m_partial);
      m_partial.clear();
    }
    chunk.remove_prefix(newline + 1);
  }
}

void LogPatchReader::finish() {
  if (!m_partial.empty()) {
    line(m_partial);
    m_partial.clear();
  }
  flush();
}

void LogPatchReader::flush() {
  if (!m_added.empty() && !m_path.empty()) m_on_file(m_commit, m_path, m_added, m_lines);
  m_added.clear();
  m_lines.clear();
}

void LogPatchReader::line(std::string_view text) {
  if (!text.empty() && text.back() == '\r') text.remove_suffix(1);
  if (text.substr(0, commit_mark.size()) == commit_mark) {
    flush();
    m_path.clear();
    m_in_hunk = false;
    text.remove_prefix(commit_mark.size());
    const std::size_t a = text.find('\0');
    const std::size_t b = a == std::string_view::npos ? a : text.find('\0', a + 1);
    m_commit.id = std::string(text.substr(0, a));
    m_commit.author =
        a == std::string_view::npos ? "" : std::string(text.substr(a + 1, b == std::string_view::npos ? b : b - a - 1));
    m_commit.date = b == std::string_view::npos ? "" : std::string(text.substr(b + 1));
    return;
  }
  if (text.substr(0, 11) == "diff --git ") {
    flush();
    m_path.clear();
    m_in_hunk = false;
    return;
  }
  if (!m_in_hunk) {
    if (text.substr(0, 4) == "+++ ") {
      const std::string_view path = text.substr(4);
      m_path = path == "/dev/null" ? std::string() : std::string(path);
      return;
    } else if (text.substr(0, 3) == "@@ ") {
      m_in_hunk = true;
    } else {
      return;
    }
  }
  if (text.substr(0, 3) == "@@ ") {
    const std::size_t plus = text.find(" +");
    std::size_t pos = plus == std::string_view::npos ? text.size() : plus + 2;
    m_next_line = number_at(text, pos);
    return;
  }
  if (!text.empty() && text.front() == '+') {
    m_added.append(text.substr(1));
    m_added.push_back('\n');
    m_lines.push_back(m_next_line++);
  }
  // '-' removed, ' ' context (none at -U0), '\' "no newline at end of file": nothing to add.
}

ScanResult scan_history(const RuleEngine& engine, const HistoryOptions& options) {
  ScanResult result;
  // One finding per (rule, secret) — or (rule, line text) for a rule that names no secret.
  std::map<std::tuple<std::size_t, std::string>, std::size_t> seen;
  // A history meets the same few paths thousands of times: which rules apply to a path, and its
  // role by path, are worked out once per path.
  std::map<std::string, std::vector<bool>, std::less<>> applicable_by_path;
  LogPatchReader reader([&](const HistoryCommit& commit, const std::string& path, const std::string& added,
                            const std::vector<std::size_t>& lines) {
    if (added.size() > options.max_file_size) {
      ++result.stats.skipped_too_large;
      return;
    }
    if (added.find('\0') != std::string::npos) {
      ++result.stats.skipped_binary;
      return;
    }
    ++result.stats.files;
    result.stats.bytes += added.size();
    const Role role = role_of(path, std::string_view(added).substr(0, 4096), options.roles);
    auto known = applicable_by_path.find(path);
    if (known == applicable_by_path.end()) {
      if (applicable_by_path.size() >= 65536) applicable_by_path.clear();  // bounded, whatever the history
      known = applicable_by_path.emplace(path, engine.applicable_rules(path)).first;
    }
    FileScan scanned = engine.scan_file(path, added, role, &known->second);
    for (Finding& f : scanned.findings) {
      const std::string key = f.secret_digest.empty() ? f.line_digest : f.secret_digest;
      const auto [it, inserted] = seen.try_emplace({f.rule, key}, result.findings.size());
      if (!inserted) {
        ++result.findings[it->second].commit->count;
        continue;
      }
      const auto at = [&](std::size_t n) { return n >= 1 && n <= lines.size() ? lines[n - 1] : n; };
      f.end_line = at(f.end_line);
      f.line = at(f.line);
      f.commit = Finding::Commit{commit.id, commit.author, commit.date, 1};
      result.findings.push_back(std::move(f));
    }
  });
  std::vector<std::string> argv{"git",         "-C",          options.directory, "-c",         "core.quotePath=false",
                                "log",         "-p",          "--reverse",       "--no-color", "--no-ext-diff",
                                "--no-prefix", "--unified=0", "--no-textconv",   log_format};
  for (const auto& revision : options.revisions) argv.push_back(revision);
  argv.emplace_back("--");
  const ProcessResult git = run_process(argv, [&](std::string_view chunk) { reader.feed(chunk); });
  reader.finish();
  if (git.exit_code != 0) {
    std::string why = git.err.substr(0, git.err.find('\n'));
    throw_input_error("--history: git log failed" + (why.empty() ? std::string() : ": " + why));
  }
  std::sort(result.findings.begin(), result.findings.end(), [&](const Finding& a, const Finding& b) {
    return std::tie(a.path, a.line, a.column, a.rule) < std::tie(b.path, b.line, b.column, b.rule);
  });
  return result;
}

}  // namespace readygate::scan
