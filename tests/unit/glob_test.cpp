#include "common/glob.hpp"

#include <doctest/doctest.h>

using namespace readygate;

TEST_CASE("single-component wildcards") {
  CHECK(glob_match("*.py", "app.py"));
  CHECK_FALSE(glob_match("*.py", "src/app.py"));
  CHECK(glob_match("?.js", "a.js"));
  CHECK_FALSE(glob_match("?.js", "/.js"));
  CHECK(glob_match("file[0-9].txt", "file7.txt"));
  CHECK_FALSE(glob_match("file[!0-9].txt", "file7.txt"));
  CHECK(glob_match("a\\*b", "a*b"));
  CHECK(glob_match("[", "["));  // an unterminated class is a literal
}

TEST_CASE("double star spans folders") {
  CHECK(glob_match("**/*.py", "app.py"));
  CHECK(glob_match("**/*.py", "a/b/c/app.py"));
  CHECK(glob_match("src/**", "src/a/b"));
  CHECK(glob_match("src/**/test_*.py", "src/test_x.py"));
  CHECK(glob_match("src/**/test_*.py", "src/a/b/test_x.py"));
  CHECK_FALSE(glob_match("src/**/test_*.py", "lib/test_x.py"));
}

TEST_CASE("exclusion patterns match a component, or a leading path when they contain '/'") {
  CHECK(path_matches("node_modules", "web/node_modules/react/index.js"));
  CHECK(path_matches("*.min.js", "static/app.min.js"));
  CHECK_FALSE(path_matches("node_modules", "web/node_modules_backup.js"));
  CHECK(path_matches("src/vendor", "src/vendor/lib/x.py"));
  CHECK(path_matches("/src/vendor/", "src/vendor/lib/x.py"));
  CHECK_FALSE(path_matches("src/vendor", "other/src/vendor/x.py"));
  CHECK(path_matches("tests/**", "tests/unit/a.py"));
}

TEST_CASE("inclusion patterns match the file name, or the whole path when they contain '/'") {
  CHECK(file_matches("*.py", "deep/down/app.py"));
  CHECK_FALSE(file_matches("*.py", "deep/down/app.js"));
  CHECK(file_matches("src/**/*.ts", "src/a/b.ts"));
  CHECK_FALSE(file_matches("src/*.ts", "src/a/b.ts"));
}

TEST_CASE("patterns that backtracking matchers take exponential time on match in linear time") {
  const std::string name(200, 'a');
  CHECK_FALSE(glob_match("*a*a*a*a*a*a*a*a*a*a*ab", name));
  CHECK(glob_match("*a*a*a*a*a*a*a*a*a*a*a", name));
  std::string deep;
  for (int i = 0; i < 2000; ++i) deep += "d/";
  deep += "x.py";
  std::string stars;
  for (int i = 0; i < 200; ++i) stars += "**/";
  CHECK_FALSE(glob_match(stars + "y.py", deep));
  CHECK(glob_match(stars + "x.py", deep));
  CHECK_FALSE(path_matches(stars + "*/q", deep));
  CHECK(path_matches("d/**/d", deep));
}

TEST_CASE("classes, escapes and stars keep their meaning") {
  CHECK(glob_match("a]b", "a]b"));
  CHECK(glob_match("[]]", "]"));
  CHECK(glob_match("[!]]", "x"));
  CHECK_FALSE(glob_match("[a-c]", "/"));
  CHECK(glob_match("a/**/b", "a/b"));
  CHECK(glob_match("a/**/b", "a/x/y/b"));
  CHECK_FALSE(glob_match("a/**/b", "a/xb"));
  CHECK(glob_match("a**b", "a/x/b"));
  CHECK(glob_match("**", ""));
  CHECK_FALSE(glob_match("?", ""));
  CHECK(glob_match("**/", "a/"));
  CHECK(path_matches("src/*", "src/a/b.py"));
  CHECK_FALSE(path_matches("src/*.py", "src/a/b.py"));
}

TEST_CASE("the shapes matched without the automaton agree with it") {
  // Found by the glob fuzz target: a star before a literal that holds '/'.
  CHECK(glob_match("*/a", "x/a"));
  CHECK(glob_match("*/", "/"));
  CHECK_FALSE(glob_match("*/a", "x/y/a"));
  CHECK(glob_match("*.min.js", "app.min.js"));
  CHECK_FALSE(glob_match("*.min.js", "lib/app.min.js"));
  CHECK(glob_match("node_modules", "node_modules"));
  CHECK_FALSE(glob_match("node_modules", "node_modules2"));
}
