#include "common/help.hpp"

#include <doctest/doctest.h>

#include <boost/program_options.hpp>
#include <sstream>

using namespace readygate;
namespace po = boost::program_options;

namespace {
ToolSpec sample() {
  return {"ready-test",
          "test the help page",
          "ready-test [OPTIONS]",
          "First paragraph, long enough that it has to be wrapped onto a second line at eighty columns.\n\n"
          ".dotted second paragraph with a \\ backslash and an ellipsis …",
          {{0, "done"}, {1, "failed"}},
          {{"ready-test --count 3", "three times"}}};
}
po::options_description sample_options() {
  po::options_description options("Test options");
  options.add_options()("count,n", po::value<int>()->value_name("N"), "how many times")("dry-run", po::bool_switch(),
                                                                                        "do nothing");
  return options;
}
std::size_t position(const std::string& text, const std::string& part) {
  const auto at = text.find(part);
  REQUIRE_MESSAGE(at != std::string::npos, "missing: " << part);
  return at;
}
}  // namespace

TEST_CASE("wrap fills words into lines of at most the width, with the indent") {
  CHECK(wrap("a bb ccc dddd", 8, "  ") == "  a bb\n  ccc\n  dddd\n");
  CHECK(wrap("", 80, "  ") == "");
  CHECK(wrap("averyveryverylongword x", 6, "") == "averyveryverylongword\nx\n");  // never splits a word
}

TEST_CASE("--help is a man-style page: sections in order, options, exit codes, examples") {
  std::ostringstream out;
  write_help(out, sample(), sample_options());
  const std::string page = out.str();
  const auto name = position(page, "NAME\n    ready-test - test the help page\n");
  const auto synopsis = position(page, "SYNOPSIS\n    ready-test [OPTIONS]\n");
  const auto description = position(page, "DESCRIPTION\n    First paragraph");
  const auto options = position(page, "OPTIONS\n");
  const auto exit_status = position(page, "EXIT STATUS\n    0   done\n    1   failed\n");
  const auto examples = position(page, "EXAMPLES\n    ready-test --count 3\n        three times\n");
  const auto see_also = position(page, "SEE ALSO\n");
  CHECK(name < synopsis);
  CHECK(synopsis < description);
  CHECK(description < options);
  CHECK(options < exit_status);
  CHECK(exit_status < examples);
  CHECK(examples < see_also);
  CHECK(page.find("-n [ --count ] N") != std::string::npos);
  CHECK(page.find("ready-scan(1)") != std::string::npos);
  CHECK(page.find("ready-test(1)") == std::string::npos);  // not its own SEE ALSO
  std::istringstream lines(page);
  for (std::string line; std::getline(lines, line);) {
    CHECK_MESSAGE(line.size() <= 82, line);
    CHECK_MESSAGE((line.empty() || line.back() != ' '), "trailing space: " << line);
  }
}

TEST_CASE("--help-man writes roff: escaped hyphens, backslashes, leading dots and UTF-8") {
  std::ostringstream out;
  write_man_page(out, sample(), sample_options());
  const std::string page = out.str();
  CHECK(page.rfind(".TH ready\\-test 1 ", 0) == 0);
  CHECK(page.find(".SH NAME\nready\\-test \\- test the help page\n") != std::string::npos);
  CHECK(page.find(".TP\n.B \\-n, \\-\\-count N\nhow many times\n") != std::string::npos);
  CHECK(page.find(".TP\n.B \\-\\-dry\\-run\n") != std::string::npos);
  CHECK(page.find(".PP\n\\&.dotted second paragraph with a \\e backslash") != std::string::npos);
  CHECK(page.find("\\[u2026]") != std::string::npos);
  CHECK(page.find("…") == std::string::npos);
  CHECK(page.find(".SH EXIT STATUS\n.TP\n.B 0\ndone\n") != std::string::npos);
  CHECK(page.find(".BR ready\\-gate (1)\n") != std::string::npos);
}
