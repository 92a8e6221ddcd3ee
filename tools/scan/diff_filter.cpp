#include "diff_filter.hpp"

#include <algorithm>
#include <limits>

#include "common/error.hpp"
#include "common/process.hpp"

namespace readygate::scan {
namespace {

std::size_t parse_number(std::string_view text, std::size_t& pos) {
  std::size_t value = 0;
  while (pos < text.size() && text[pos] >= '0' && text[pos] <= '9')
    value = value * 10 + static_cast<std::size_t>(text[pos++] - '0');
  return value;
}

}  // namespace

ChangedLines parse_unified_diff(std::string_view diff, const std::string& prefix) {
  ChangedLines changed;
  std::string current;
  std::size_t start = 0;
  while (start < diff.size()) {
    std::size_t end = diff.find('\n', start);
    if (end == std::string_view::npos) end = diff.size();
    const std::string_view line = diff.substr(start, end - start);
    start = end + 1;
    if (line.rfind("+++ ", 0) == 0) {
      std::string_view path = line.substr(4);
      if (!path.empty() && path.back() == '\r') path.remove_suffix(1);
      current = path == "/dev/null" ? std::string() : prefix + std::string(path);
      if (!current.empty()) changed[current];
    } else if (line.rfind("@@ ", 0) == 0 && !current.empty()) {
      const std::size_t plus = line.find(" +");
      if (plus == std::string_view::npos) continue;
      std::size_t pos = plus + 2;
      const std::size_t first = parse_number(line, pos);
      std::size_t count = 1;
      if (pos < line.size() && line[pos] == ',') {
        ++pos;
        count = parse_number(line, pos);
      }
      if (count > 0) changed[current].emplace_back(first, first + count - 1);
    }
  }
  return changed;
}

ChangedLines changed_lines_since(const std::string& ref, const std::string& directory) {
  if (ref.empty() || ref.front() == '-') throw_input_error("--diff-base: '" + ref + "' is not a git ref");
  const ProcessResult diff = run_process({"git", "-C", directory, "-c", "core.quotePath=false", "diff", "--no-color",
                                          "--no-ext-diff", "--no-prefix", "--relative", "-U0", ref, "--"});
  if (diff.exit_code != 0) {
    throw_input_error("--diff-base " + ref + ": git diff failed: " +
                      (diff.err.empty() ? "exit code " + std::to_string(diff.exit_code) : diff.err));
  }
  ChangedLines changed = parse_unified_diff(diff.out, "");
  const ProcessResult untracked =
      run_process({"git", "-C", directory, "ls-files", "-z", "--others", "--exclude-standard"});
  for (std::size_t start = 0; start < untracked.out.size();) {
    std::size_t end = untracked.out.find('\0', start);
    if (end == std::string::npos) end = untracked.out.size();
    changed[untracked.out.substr(start, end - start)] = {{1, std::numeric_limits<std::size_t>::max()}};
    start = end + 1;
  }
  return changed;
}

void keep_changed(std::vector<Finding>& findings, const ChangedLines& changed) {
  std::erase_if(findings, [&](const Finding& f) {
    const auto file = changed.find(f.path);
    if (file == changed.end()) return true;
    return std::none_of(file->second.begin(), file->second.end(),
                        [&](const auto& range) { return f.line >= range.first && f.line <= range.second; });
  });
}

}  // namespace readygate::scan
