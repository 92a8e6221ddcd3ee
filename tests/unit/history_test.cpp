// The git log -p reader behind --history (history.hpp).
#include "history.hpp"

#include <doctest/doctest.h>

using namespace readygate::scan;

namespace {

struct Seen {
  std::string commit, author, date, path, added;
  std::vector<std::size_t> lines;
};

std::vector<Seen> read(const std::string& log, std::size_t chunk) {
  std::vector<Seen> seen;
  LogPatchReader reader([&](const HistoryCommit& c, const std::string& path, const std::string& added,
                            const std::vector<std::size_t>& lines) {
    seen.push_back({c.id, c.author, c.date, path, added, lines});
  });
  for (std::size_t i = 0; i < log.size(); i += chunk) reader.feed(std::string_view(log).substr(i, chunk));
  reader.finish();
  return seen;
}

}  // namespace

TEST_CASE("added lines per commit and file, with their line numbers, whatever the chunking") {
  using namespace std::string_literals;
  const std::string log =
      "\x01"s + "commit 1111\0Ann <a@x>\0"s + "2026-01-01T00:00:00Z\n" +
      "\ndiff --git app.py app.py\nindex 1..2 100644\n--- app.py\n+++ app.py\n"
      "@@ -1,0 +2,2 @@\n+KEY = 1\n++++ not a header: an added line\n"
      "@@ -9 +11 @@\n-old\n+new\n\\ No newline at end of file\n"
      "diff --git gone.py gone.py\ndeleted file mode 100644\n--- gone.py\n+++ /dev/null\n@@ -1 +0,0 @@\n-x\n" +
      "\x01"s + "commit 2222\0Bob <b@x>\0"s + "2026-01-02T00:00:00Z\n" +
      "\ndiff --git n.txt n.txt\nnew file mode 100644\n--- /dev/null\n+++ n.txt\n@@ -0,0 +1 @@\n+t\n";
  for (const std::size_t chunk : {std::size_t{1}, std::size_t{7}, log.size()}) {
    const auto seen = read(log, chunk);
    REQUIRE(seen.size() == 2);
    CHECK(seen[0].commit == "1111");
    CHECK(seen[0].author == "Ann <a@x>");
    CHECK(seen[0].date == "2026-01-01T00:00:00Z");
    CHECK(seen[0].path == "app.py");
    CHECK(seen[0].added == "KEY = 1\n+++ not a header: an added line\nnew\n");
    CHECK(seen[0].lines == std::vector<std::size_t>{2, 3, 11});
    CHECK(seen[1].commit == "2222");
    CHECK(seen[1].path == "n.txt");
    CHECK(seen[1].lines == std::vector<std::size_t>{1});
  }
}
