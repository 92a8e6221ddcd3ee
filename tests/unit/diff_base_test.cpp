// --diff-base auto|none|REF and --history auto: the request's base from the CI's environment and
// the clone (diff_base.hpp), against real temporary repositories.
#include "diff_base.hpp"

#include <doctest/doctest.h>

#include <map>

#include "common/error.hpp"
#include "common/process.hpp"
#include "temp_dir.hpp"

using namespace readygate;
using namespace readygate::scan;

namespace {

Environment env_of(std::map<std::string, std::string> values) {
  return [values = std::move(values)](const std::string& name) {
    const auto it = values.find(name);
    return it == values.end() ? std::string() : it->second;
  };
}

std::string git(const std::filesystem::path& directory, std::vector<std::string> args) {
  args.insert(args.begin(),
              {"git", "-C", directory.string(), "-c", "user.email=t@example.invalid", "-c", "user.name=t"});
  const ProcessResult r = run_process(args);
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  return r.out.substr(0, r.out.find('\n'));
}

std::string commit(const test::TempDir& repo, const std::string& file) {
  repo.write(file, file + "\n");
  git(repo.path(), {"add", file});
  git(repo.path(), {"commit", "-qm", file});
  return git(repo.path(), {"rev-parse", "HEAD"});
}

const BaseUse use{"--diff-base", "scanning only lines changed since", "scanning every line"};

// origin: main with a, b; a clone on branch feature (c) off b; then main moves on to d.
struct Repos {
  test::TempDir origin, clone_dir;
  std::string b, d;
  std::filesystem::path clone;
  explicit Repos(bool shallow) {
    git(origin.path(), {"init", "-q", "-b", "main"});
    commit(origin, "a");
    b = commit(origin, "b");
    git(origin.path(), {"checkout", "-q", "-b", "feature"});
    commit(origin, "c");
    git(origin.path(), {"checkout", "-q", "main"});
    d = commit(origin, "d");
    clone = clone_dir.path() / "clone";
    if (shallow) {
      git(clone_dir.path(),
          {"clone", "-q", "--depth=1", "--branch", "feature", "file://" + origin.path().string(), "clone"});
    } else {
      git(clone_dir.path(), {"clone", "-q", "--branch", "feature", origin.path().string(), "clone"});
    }
  }
};

}  // namespace

TEST_CASE("--diff-base auto outside a request, and none: no base, and no git needed") {
  const test::TempDir not_a_repo;
  CHECK_FALSE(resolve_diff_base("auto", env_of({}), not_a_repo.path().string(), use));
  CHECK_FALSE(resolve_diff_base("none", env_of({{"GITHUB_BASE_REF", "main"}}), not_a_repo.path().string(), use));
  CHECK(request_base(env_of({})).empty());
  CHECK(request_base(env_of({{"GITHUB_BASE_REF", "main"}, {"CI_MERGE_REQUEST_DIFF_BASE_SHA", "abc"}})) ==
        "origin/main");
  CHECK(request_base(env_of({{"CI_MERGE_REQUEST_DIFF_BASE_SHA", "abc"}})) == "abc");
}

TEST_CASE("GitHub pull request: the merge base of origin/$GITHUB_BASE_REF and HEAD") {
  const Repos repos(false);
  // The clone's origin/main is d; the branch left main at b.
  CHECK(resolve_diff_base("auto", env_of({{"GITHUB_BASE_REF", "main"}}), repos.clone.string(), use) == repos.b);
  CHECK(resolve_diff_base("origin/main", env_of({}), repos.clone.string(), use) == repos.b);
}

TEST_CASE("GitLab merge request: $CI_MERGE_REQUEST_DIFF_BASE_SHA") {
  const Repos repos(false);
  CHECK(resolve_diff_base("auto", env_of({{"CI_MERGE_REQUEST_DIFF_BASE_SHA", repos.b}}), repos.clone.string(), use) ==
        repos.b);
}

TEST_CASE("a shallow clone: the base is fetched, and without a merge base it is the base itself") {
  const Repos repos(true);
  const std::string dir = repos.clone.string();
  CHECK(run_process({"git", "-C", dir, "rev-parse", "-q", "--verify", "origin/main"}).exit_code != 0);
  CHECK(resolve_diff_base("auto", env_of({{"GITHUB_BASE_REF", "main"}}), dir, use) == repos.d);
  const Repos gitlab(true);
  CHECK(resolve_diff_base("auto", env_of({{"CI_MERGE_REQUEST_DIFF_BASE_SHA", gitlab.d}}), gitlab.clone.string(), use) ==
        gitlab.d);
}

TEST_CASE("a base the clone does not have: auto scans every line, an explicit REF is an error") {
  const Repos repos(true);
  const std::string dir = repos.clone.string();
  const std::string missing = "0123456789abcdef0123456789abcdef01234567";
  CHECK_FALSE(resolve_diff_base("auto", env_of({{"CI_MERGE_REQUEST_DIFF_BASE_SHA", missing}}), dir, use));
  CHECK_FALSE(resolve_diff_base("auto", env_of({{"GITHUB_BASE_REF", "no-such-branch"}}), dir, use));
  try {
    resolve_diff_base("no-such-ref", env_of({}), dir, use);
    FAIL("an unknown REF was accepted");
  } catch (const Error& e) {
    CHECK(std::string(e.what()).find("--diff-base no-such-ref: not a commit in this clone") != std::string::npos);
    CHECK(std::string(e.what()).find("(a shallow clone?") != std::string::npos);
  }
  CHECK_THROWS_AS(resolve_diff_base("--output=x", env_of({}), dir, use), Error);
}

TEST_CASE("a base outside any checkout says so, not 'a shallow clone'") {
  const test::TempDir plain;
  try {
    resolve_diff_base("main", env_of({}), plain.path().string(), use);
    FAIL("a REF outside a checkout was accepted");
  } catch (const Error& e) {
    CHECK(std::string(e.what()).find("is not in a git checkout)") != std::string::npos);
  }
}
