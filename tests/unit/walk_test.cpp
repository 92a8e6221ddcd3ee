#include "common/walk.hpp"

#include <doctest/doctest.h>

#include <algorithm>

#include "common/error.hpp"
#include "common/process.hpp"
#include "temp_dir.hpp"

using namespace readygate;
namespace fs = std::filesystem;

namespace {
std::vector<std::string> displays(const std::vector<ListedFile>& files) {
  std::vector<std::string> out;
  out.reserve(files.size());
  for (const auto& f : files) out.push_back(f.display);
  return out;
}
}  // namespace

TEST_CASE("a directory walk skips default excludes, links and special files") {
  test::TempDir dir;
  dir.write("app.py", "x");
  dir.write("src/lib.js", "x");
  dir.write("node_modules/pkg/index.js", "x");
  dir.write("build/out.js", "x");
  dir.write("static/app.min.js", "x");
  dir.write(".git/config", "x");
  fs::create_symlink(dir.path(), dir.path() / "loop");  // a link back up: never followed
  fs::create_symlink(dir.path() / "app.py", dir.path() / "alias.py");
  const std::string root = dir.path().string();

  ListingStats stats;
  CHECK(displays(collect_files(root, {}, &stats)) == std::vector<std::string>{root + "/app.py", root + "/src/lib.js"});
  CHECK(stats.symlinks == 2);
  CHECK(stats.excluded == 4);
  CHECK_FALSE(stats.from_git);

  ListOptions all;
  all.default_excludes = false;
  CHECK(collect_files(root, all).size() == 6);
}

TEST_CASE("include and exclude globs") {
  test::TempDir dir;
  dir.write("a.py", "x");
  dir.write("tests/test_a.py", "x");
  dir.write("web/a.js", "x");
  const std::string root = dir.path().string();
  ListOptions only_py;
  only_py.include = {"*.py"};
  CHECK(collect_files(root, only_py).size() == 2);
  ListOptions no_tests;
  no_tests.exclude = {"tests"};
  CHECK(collect_files(root, no_tests).size() == 2);
  // Naming an excluded folder explicitly still scans it.
  CHECK(collect_files((dir.path() / "tests").string(), no_tests).size() == 1);
}

TEST_CASE("display paths join the root as the user wrote it") {
  CHECK(join_display(".", "a.py") == "a.py");
  CHECK(join_display("./src/", "a.py") == "src/a.py");
  CHECK(join_display("src", "") == "src");
  CHECK(join_display("/", "etc/x") == "/etc/x");
}

TEST_CASE("a missing root is an input error; a file root lists itself") {
  test::TempDir dir;
  CHECK_THROWS_AS(collect_files((dir.path() / "nope").string(), {}), Error);
  const auto file = dir.write("one.py", "x");
  CHECK(collect_files(file.string(), {}).size() == 1);
}

TEST_CASE("inside a git work tree, .gitignore is respected") {
  if (run_process({"git", "--version"}).exit_code != 0) {
    MESSAGE("git is not installed: skipped");
    return;
  }
  test::TempDir dir;
  const std::string root = dir.path().string();
  REQUIRE(run_process({"git", "-C", root, "init", "-q"}).exit_code == 0);
  dir.write(".gitignore", "secret.env\nlogs/\n");
  dir.write("app.py", "x");
  dir.write("secret.env", "x");
  dir.write("logs/a.log", "x");
  dir.write("new/untracked.py", "x");
  ListingStats stats;
  const auto files = collect_files(root, {}, &stats);
  CHECK(stats.from_git);
  CHECK(displays(files) ==
        std::vector<std::string>{root + "/.gitignore", root + "/app.py", root + "/new/untracked.py"});
  ListOptions no_git;
  no_git.use_git = false;
  CHECK(collect_files(root, no_git).size() == 5);
}

TEST_CASE("files are handed on one by one as they are found") {
  test::TempDir dir;
  for (int i = 0; i < 50; ++i) dir.write("d" + std::to_string(i % 5) + "/f" + std::to_string(i) + ".py", "x");
  std::size_t calls = 0;
  const ListingStats stats = list_files(dir.path().string(), {}, [&](ListedFile&& f) {
    CHECK(f.path.rfind(dir.path().string(), 0) == 0);
    ++calls;
  });
  CHECK(calls == 50);
  CHECK(stats.unreadable.empty());
}
