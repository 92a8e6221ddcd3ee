#include "diff_base.hpp"

#include <cstdlib>
#include <vector>

#include "common/error.hpp"
#include "common/log.hpp"
#include "common/process.hpp"

namespace readygate::scan {
namespace {

ProcessResult git(const std::string& directory, std::vector<std::string> args) {
  args.insert(args.begin(), {"git", "-C", directory});
  return run_process(args);
}

std::string first_line(const std::string& text) {
  std::string line = text.substr(0, text.find('\n'));
  while (!line.empty() && line.back() == '\r') line.pop_back();
  return line;
}

std::optional<std::string> commit_of(const std::string& directory, const std::string& ref) {
  const ProcessResult r = git(directory, {"rev-parse", "-q", "--verify", "--end-of-options", ref + "^{commit}"});
  if (r.exit_code != 0) return std::nullopt;
  return first_line(r.out);
}

// A shallow CI checkout may lack the base: fetch just that branch tip or commit (quietly; when
// it fails, the base is simply not there).
void fetch_base(const std::string& directory, const std::string& base) {
  const std::string branch = base.rfind("origin/", 0) == 0 ? base.substr(7) : "";
  const std::string refspec = branch.empty() ? base : "+refs/heads/" + branch + ":refs/remotes/" + base;
  git(directory, {"fetch", "-q", "--no-tags", "--depth=1", "origin", refspec});
}

// Why a base cannot be found, as a hint for the message: git missing, no checkout, or (most
// often in CI) a shallow clone.
std::string missing_base_hint(const std::string& directory) {
  const ProcessResult inside = git(directory, {"rev-parse", "--git-dir"});
  if (inside.exit_code == 127) return " (git is not installed)";
  if (inside.exit_code != 0) return " (" + directory + " is not in a git checkout)";
  return " (a shallow clone? fetch it, e.g. fetch-depth: 0)";
}

}  // namespace

Environment process_environment() {
  return [](const std::string& name) {
    const char* value = std::getenv(name.c_str());
    return std::string(value ? value : "");
  };
}

std::string request_base(const Environment& env) {
  if (const std::string ref = env("GITHUB_BASE_REF"); !ref.empty()) return "origin/" + ref;
  return env("CI_MERGE_REQUEST_DIFF_BASE_SHA");
}

std::optional<std::string> resolve_diff_base(const std::string& value, const Environment& env,
                                             const std::string& directory, const BaseUse& use) {
  if (value == "none") return std::nullopt;
  const bool automatic = value == "auto";
  const std::string base = automatic ? request_base(env) : value;
  if (base.empty()) {
    log_info(use.flag +
             " auto: not in a pull or merge request (neither GITHUB_BASE_REF nor "
             "CI_MERGE_REQUEST_DIFF_BASE_SHA is set): " +
             use.otherwise);
    return std::nullopt;
  }
  if (base.front() == '-') throw_input_error(use.flag + ": '" + base + "' is not a git ref");
  std::optional<std::string> commit = commit_of(directory, base);
  if (!commit) {
    fetch_base(directory, base);
    commit = commit_of(directory, base);
  }
  if (!commit) {
    const std::string hint = missing_base_hint(directory);
    if (!automatic)
      throw_input_error(use.flag + " " + base + ": not a commit in this clone, nor one origin has" + hint);
    log_warning(use.flag + " auto: the request's base '" + base + "' is not in this clone and cannot be fetched" +
                hint + ": " + use.otherwise);
    return std::nullopt;
  }
  const ProcessResult merge_base = git(directory, {"merge-base", *commit, "HEAD"});
  const std::string point = merge_base.exit_code == 0 ? first_line(merge_base.out) : *commit;
  log_info(use.flag + " " + value + ": " + use.with + " " + base + " (" + point.substr(0, 12) + ")");
  return point;
}

}  // namespace readygate::scan
