#include "common/cli.hpp"

#include <doctest/doctest.h>

using namespace readygate;

namespace {
struct Parsed {
  std::optional<po::variables_map> values;
  CommonOptions common;
  int count = 0;
};

Parsed parse(std::vector<const char*> args) {
  args.insert(args.begin(), "ready-test");
  Parsed p;
  po::options_description options("Test");
  options.add_options()("count,n", po::value(&p.count), "a number")("path", po::value<std::vector<std::string>>(),
                                                                    "paths");
  po::positional_options_description positional;
  positional.add("path", -1);
  p.values =
      parse_command_line(static_cast<int>(args.size()), args.data(),
                         {"ready-test", "test the shared flags", "ready-test [OPTIONS]", "A test.", {{0, "done"}}, {}},
                         options, positional, p.common);
  return p;
}
}  // namespace

TEST_CASE("the shared flags are known to every program") {
  const auto p = parse({"-o", "out.json", "--pretty", "-v", "--progress", "never", "-n", "3", "a", "b"});
  REQUIRE(p.values);
  CHECK(p.common.output == "out.json");
  CHECK(p.common.pretty);
  CHECK(p.common.verbose);
  CHECK(p.common.progress_mode() == ProgressMode::never);
  CHECK(p.count == 3);
  CHECK((*p.values)["path"].as<std::vector<std::string>>().size() == 2);
}

TEST_CASE("--help and --version are answered, not run") {
  CHECK_FALSE(parse({"--help"}).values);
  CHECK_FALSE(parse({"--version"}).values);
}

TEST_CASE("usage errors are exit code 2") {
  for (std::vector<const char*> bad : {std::vector<const char*>{"--no-such-flag"},
                                       {"-n"},
                                       {"-n", "three"},
                                       {"--progress", "sometimes"},
                                       {"-q", "-v"}}) {
    try {
      parse(bad);
      FAIL("accepted " << bad.front());
    } catch (const Error& e) {
      CHECK(e.code() == ExitCode::usage);
    }
  }
}

TEST_CASE("run_main maps errors to exit codes") {
  CHECK(run_main("t", [] { return ExitCode::check_failed; }) == 1);
  CHECK(run_main("t", []() -> ExitCode { throw_input_error("bad"); }) == 2);
  CHECK(run_main("t", []() -> ExitCode { throw_runtime_error("disk full"); }) == 3);
  CHECK(run_main("t", []() -> ExitCode { throw std::bad_alloc(); }) == 3);
  CHECK(run_main("t", []() -> ExitCode { throw std::logic_error("bug"); }) == 3);
}

TEST_CASE("echoed arguments never carry credentials") {
  const char* argv[] = {"ready-bench", "--url", "https://u:hunter2hunter2@h/", "-H",
                        "Authorization: Bearer abcdefgh1234"};
  const auto args = program_arguments(5, argv);
  CHECK(args[1] == "https://****:****@h/");
  CHECK(args[3] == "Authorization: ****");
}
