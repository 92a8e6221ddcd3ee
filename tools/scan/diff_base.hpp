#pragma once
// --diff-base auto|none|REF and --history auto: the pull or merge request's base, found from the
// CI's environment and the git clone. What gate scripts used to work out in shell:
//   auto  origin/$GITHUB_BASE_REF in a GitHub pull request, $CI_MERGE_REQUEST_DIFF_BASE_SHA in a
//         GitLab merge request, otherwise nothing (said once on stderr)
//   none  nothing
//   REF   that ref or commit
// A base missing from a shallow clone is fetched (git fetch --no-tags --depth=1 origin …). The
// comparison point is the merge base of the base and HEAD, where the branch left its base, or
// the base commit itself when there is none (a shallow clone; GitHub's pull-request merge
// commit sits right on the base's tip).
#include <functional>
#include <optional>
#include <string>

namespace readygate::scan {

// An environment variable's value, "" when it is not set.
using Environment = std::function<std::string(const std::string& name)>;
Environment process_environment();

// The base the CI names for the current request, "" outside a request.
std::string request_base(const Environment& env);

// For the messages: the flag, what is done with a base ("scanning only lines changed since")
// and without one ("scanning every line").
struct BaseUse {
  std::string flag, with, otherwise;
};

// The commit to compare with, in the git work tree `directory`, or nullopt: none, or auto outside
// a request (a note) or with a base the clone does not have and cannot fetch (a warning). Throws
// Error (exit 2) for a REF that is not a commit, fetched or not.
std::optional<std::string> resolve_diff_base(const std::string& value, const Environment& env,
                                             const std::string& directory, const BaseUse& use);

}  // namespace readygate::scan
