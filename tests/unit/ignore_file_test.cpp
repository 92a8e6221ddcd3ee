// .readygateignore and .gitleaksignore (ignore_file.hpp).
#include "ignore_file.hpp"

#include <doctest/doctest.h>

using namespace readygate::scan;

TEST_CASE(".readygateignore: fingerprints, comments and blank lines; anything else is warned about") {
  IgnoreList list;
  read_readygate_ignore(
      "# accepted after review\nA6F4A46F97F5D27D316ECC585305F98E\n\n3b8ad38bbddf9495  # old key\nnot-a-fingerprint\n",
      ".readygateignore", list);
  CHECK(list.fingerprints == std::set<std::string>{"a6f4a46f97f5d27d316ecc585305f98e", "3b8ad38bbddf9495"});
  REQUIRE(list.warnings.size() == 1);
  CHECK(list.warnings[0].find(".readygateignore:5:") == 0);
}

TEST_CASE(".gitleaksignore: FILE:RULE:LINE and COMMIT:FILE:RULE:LINE, paths with ':'") {
  IgnoreList list;
  const std::string commit(40, 'a');
  read_gitleaks_ignore("config/.env:generic-api-key:3\n" + commit +
                           ":src/app.py:aws-access-token:12\n"
                           "./c:/odd/path.txt:slack-bot-token:7\ngarbage\nfile:rule:notanumber\n",
                       ".gitleaksignore", list);
  CHECK(list.secret_places.count({"", "config/.env", 3}) == 1);
  CHECK(list.secret_places.count({commit, "src/app.py", 12}) == 1);
  CHECK(list.secret_places.count({"", "c:/odd/path.txt", 7}) == 1);
  CHECK(list.warnings.size() == 2);
}

TEST_CASE("an ignore list suppresses by fingerprint, and gitleaks places only for secrets rules") {
  Rule secret;
  secret.id = "secret.x";
  secret.category = "secrets";
  Rule code;
  code.id = "py.eval";
  code.category = "security";
  std::vector<Finding> findings(3);
  findings[0].rule = 0, findings[0].path = "./config/.env", findings[0].line = 3, findings[0].fingerprint = "f0";
  findings[1].rule = 1, findings[1].path = "config/.env", findings[1].line = 3, findings[1].fingerprint = "f1";
  findings[2].rule = 1, findings[2].path = "src/a.py", findings[2].line = 9,
  findings[2].fingerprint = "abcdef0123456789";
  IgnoreList list;
  list.secret_places.insert({"", "config/.env", 3});
  list.fingerprints.insert("abcdef0123456789");
  CHECK(apply_ignore_list(findings, {secret, code}, list) == 2);
  CHECK(findings[0].suppressed);
  CHECK_FALSE(findings[1].suppressed);  // not a secrets rule: a gitleaks entry does not name it
  CHECK(findings[2].suppressed);

  // A commit-scoped entry names a --history finding of that commit only.
  const std::string commit(40, 'b');
  std::vector<Finding> history(2);
  history[0].rule = 0, history[0].path = "a.env", history[0].line = 1,
  history[0].commit = Finding::Commit{commit, "", "", 1};
  history[1].rule = 0, history[1].path = "a.env", history[1].line = 1,
  history[1].commit = Finding::Commit{std::string(40, 'c'), "", "", 1};
  IgnoreList scoped;
  scoped.secret_places.insert({commit, "a.env", 1});
  CHECK(apply_ignore_list(history, {secret, code}, scoped) == 1);
  CHECK(history[0].suppressed);
  CHECK_FALSE(history[1].suppressed);
}
