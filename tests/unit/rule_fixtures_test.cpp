// Every built-in rule against its fixtures in tests/fixtures/rules/<rule-id>/:
//   bad*.<ext>   every finding of the rule must be announced by a comment "ruleid: <rule-id>"
//                on the line above it, and every announcement must be found;
//   good*.<ext>  the rule must report nothing (the false positives it must not produce);
//   gap*.<ext>   known misses, announced like bad ones: they must still be missed, so that
//                the day a rule learns one, the test says to move it to a bad* file.
// The file extension chooses the language, as it does for real files.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include "engine.hpp"
#include "rule.hpp"

namespace fs = std::filesystem;
using namespace readygate::scan;

namespace {

std::string read_text(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

std::set<std::size_t> announced_lines(const std::string& text, const std::string& rule_id) {
  std::set<std::size_t> lines;
  std::istringstream in(text);
  std::string line;
  for (std::size_t number = 1; std::getline(in, line); ++number) {
    if (line.find("ruleid: " + rule_id) != std::string::npos) lines.insert(number + 1);
  }
  return lines;
}

// "missing 12, 14; unexpected 30" — what differs, so a failure says where to look.
std::string difference(const std::set<std::size_t>& expected, const std::set<std::size_t>& found) {
  std::string missing, unexpected;
  for (const auto line : expected) {
    if (!found.count(line)) missing += " " + std::to_string(line);
  }
  for (const auto line : found) {
    if (!expected.count(line)) unexpected += " " + std::to_string(line);
  }
  return "missing:" + missing + "; unexpected:" + unexpected;
}

}  // namespace

TEST_CASE("every built-in rule finds its bad samples and stays quiet on its good ones") {
  const fs::path root = fs::path(READYGATE_FIXTURES) / "rules";
  for (const Rule& rule : builtin_rules()) {
    CAPTURE(rule.id);
    const fs::path dir = root / rule.id;
    CHECK_MESSAGE(fs::is_directory(dir), "no fixtures for " << rule.id);
    if (!fs::is_directory(dir)) continue;
    const RuleEngine engine({rule});
    int bad = 0, good = 0;
    for (const auto& entry : fs::directory_iterator(dir)) {
      const std::string name = entry.path().filename().string();
      const std::string text = read_text(entry.path());
      std::set<std::size_t> found;
      for (const auto& f : engine.scan(name, text)) {
        if (!f.suppressed) found.insert(f.line);
      }
      CAPTURE(name);
      if (name.rfind("bad", 0) == 0) {
        ++bad;
        const auto expected = announced_lines(text, rule.id);
        CHECK_FALSE(expected.empty());
        CHECK_MESSAGE(found == expected, difference(expected, found));
      } else if (name.rfind("gap", 0) == 0) {
        for (const auto line : announced_lines(text, rule.id)) {
          CHECK_MESSAGE(!found.count(line), "known gap at line " << line << " is found now: move it to a bad* file");
        }
      } else if (name.rfind("good", 0) == 0) {
        ++good;
        CHECK_MESSAGE(found.empty(), difference({}, found));
      }
    }
    CHECK_MESSAGE(bad > 0, rule.id << " has no bad* fixture");
    CHECK_MESSAGE(good > 0, rule.id << " has no good* fixture");
  }
}
