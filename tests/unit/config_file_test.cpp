#include "common/config_file.hpp"

#include <doctest/doctest.h>

#include <nlohmann/json.hpp>
#include <sstream>

#include "common/cli.hpp"
#include "temp_dir.hpp"

using namespace readygate;
using readygate::test::TempDir;

namespace {

// A program with one option of each kind the configuration file maps.
struct Program {
  std::vector<std::string> paths, excludes, roles, rules;
  std::string severity, baseline;
  unsigned jobs = 0;
  bool no_git = false;
  std::optional<po::variables_map> values;
  CommonOptions common;

  po::options_description options() {
    po::options_description options("Test");
    options.add_options()("path", po::value(&paths)->value_name("PATH"), "paths")(
        "exclude", po::value(&excludes)->value_name("GLOB")->composing(), "globs")(
        "role", po::value(&roles)->value_name("ROLE=GLOB"), "roles")("rules", po::value(&rules)->value_name("FILE"),
                                                                     "rule files")(
        "min-severity", po::value(&severity)->value_name("S"), "a severity")(
        "baseline", po::value(&baseline)->value_name("FILE"), "a file")(
        "policy", po::value<std::string>()->value_name("FILE"), "a file or a table")(
        "jobs,j", po::value(&jobs)->value_name("N"), "a number")(
        "base-url", po::value<std::string>()->value_name("URL"), "a URL")("no-git", po::bool_switch(&no_git),
                                                                          "a switch");
    return options;
  }

  void parse(std::vector<std::string> arguments) {
    arguments.insert(arguments.begin(), "ready-scan");
    std::vector<const char*> argv;
    argv.reserve(arguments.size());
    for (const auto& argument : arguments) argv.push_back(argument.c_str());
    const auto described = options();
    po::positional_options_description positional;
    positional.add("path", -1);
    values = parse_command_line(static_cast<int>(argv.size()), argv.data(),
                                {"ready-scan", "test", "ready-scan", "A test.", {{0, "done"}}, {}}, described,
                                positional, common);
  }
};

std::string error_of(const std::function<void()>& body) {
  try {
    body();
  } catch (const Error& e) {
    CHECK(e.code() == ExitCode::usage);
    return e.what();
  }
  return "(no error)";
}

std::string relative_to_here(const std::filesystem::path& path) {
  return path.lexically_normal().lexically_proximate(std::filesystem::current_path()).generic_string();
}

}  // namespace

TEST_CASE("the configuration file is found from the working folder up to the repository's root") {
  TempDir dir;
  dir.write("repo/.git/HEAD", "ref: refs/heads/main\n");
  dir.write("repo/readygate.toml", "[scan]\n");
  dir.write("repo/src/deep/file.py", "");
  dir.write("readygate.toml", "[scan]\n");  // above the repository: someone else's
  const auto found = find_config_file(dir.path() / "repo/src/deep");
  REQUIRE(found);
  CHECK(std::filesystem::equivalent(*found, dir.path() / "repo/readygate.toml"));

  dir.write("other/.git/HEAD", "");
  dir.write("other/sub/x", "");
  CHECK_FALSE(find_config_file(dir.path() / "other/sub"));  // stops at the root, not above it

  dir.write("plain/sub/x", "");
  dir.write("plain/.readygate.toml", "[scan]\n");
  CHECK_FALSE(find_config_file(dir.path() / "plain/sub"));  // outside a work tree: only here
  CHECK(find_config_file(dir.path() / "plain"));

  dir.write("plain/readygate.toml", "[scan]\n");
  CHECK(error_of([&] { find_config_file(dir.path() / "plain"); }).find("two configuration files") != std::string::npos);
}

TEST_CASE("settings from the file, under the flags") {
  TempDir dir;
  const auto file = dir.write("cfg/readygate.toml",
                              "[scan]\n"
                              "paths = [\"src\", \"lib\"]\n"
                              "exclude = [\"tests/**\"]\n"
                              "min-severity = \"medium\"\n"
                              "jobs = 3\n"
                              "no-git = true\n"
                              "rules = [\"rules/extra.json\"]\n"
                              "roles = { test = [\"spec/**\", \"qa/**\"], example = \"demo/**\" }\n"
                              "[score]\n"
                              "anything = 1  # another program's section is its own business\n");
  Program program;
  program.parse({"--config", file.string(), "--exclude", "build/**", "-j", "1"});
  REQUIRE(program.values);
  CHECK(program.paths ==
        std::vector<std::string>{relative_to_here(dir.path() / "cfg/src"), relative_to_here(dir.path() / "cfg/lib")});
  CHECK(program.rules == std::vector<std::string>{relative_to_here(dir.path() / "cfg/rules/extra.json")});
  CHECK(program.severity == "medium");
  CHECK(program.jobs == 1);  // the flag wins
  CHECK(program.no_git);
  // A composing list keeps both: the flag's first.
  CHECK(program.excludes == std::vector<std::string>{"build/**", "tests/**"});
  // A table's keys come in alphabetical order (an array of "ROLE=GLOB" keeps its own).
  CHECK(program.roles == std::vector<std::string>{"example=demo/**", "test=spec/**", "test=qa/**"});
  CHECK(program.common.origins.from_file("jobs"));
  CHECK(program.common.origins.from_flag("jobs"));
  CHECK(program.common.origins.in_file.at("min-severity") == file.generic_string() + ":4:1");

  Program positional;  // positional arguments are flags too
  positional.parse({"--config", file.string(), "only"});
  CHECK(positional.paths == std::vector<std::string>{"only"});

  Program ignored;
  ignored.parse({"--no-config", "-j", "2"});
  CHECK(ignored.severity.empty());
  CHECK(error_of([&] {
          Program().parse({"--no-config", "--config", file.string()});
        }).find("exclude each other") != std::string::npos);
  CHECK(error_of([&] {
          Program().parse({"--config", (dir.path() / "missing.toml").string()});
        }).find("cannot read") != std::string::npos);
}

TEST_CASE("a table for a FILE option is an inline document") {
  TempDir dir;
  const auto file = dir.write("readygate.toml", "[scan]\n[scan.policy]\nmin_score = 70\n");
  Program program;
  program.parse({"--config", file.string()});
  REQUIRE(program.values);
  CHECK(nlohmann::json::parse(program.common.origins.inline_tables.at("policy")) == nlohmann::json{{"min_score", 70}});
  CHECK_FALSE(program.values->count("policy"));
}

TEST_CASE("a bad file is exit 2 with file:line:column") {
  TempDir dir;
  const auto check = [&](const std::string& text, const std::string& expected) {
    const auto file = dir.write("bad.toml", text);
    const std::string message = error_of([&] { Program().parse({"--config", file.string()}); });
    INFO(message);
    CHECK(message.rfind(file.generic_string() + ":", 0) == 0);
    CHECK(message.find(expected) != std::string::npos);
  };
  check("[scan]\nexlude = [\"x\"]\n", ":2:1: unknown key 'exlude' in [scan]; known keys: path, exclude, role, rules");
  check("[scan]\njobs = \"four\"\n", ":2:8: [scan] jobs: expected a number, got a string");
  check("[scan]\nno-git = \"yes\"\n", "no-git: expected true or false, got a string");
  check("[scan]\nexclude = [1, {a = 2}]\n", "exclude: expected a string, got an integer");
  check("[scan]\nexclude = {a = \"b\"}\n", "exclude: expected an array of strings, got a table");
  check("[scan]\nmin-severity = [\"high\"]\n", "min-severity: expected a string, got an array");
  check("[scna]\n", ":1:2: unknown section [scna]; known sections: scan, bench, healthcheck, score, report");
  check("jobs = 3\n", "key 'jobs' is outside a section");
  check("scan = 3\n", "[scan] must be a table, got an integer");
  check("[scan]\npaths = [\"a\"]\npath = [\"b\"]\n", "[scan] path is set twice");
  check("[scan\n", ":1:6: ");
  check("[scan]\njobs = 1\njobs = 2\n", ":3:");  // TOML itself refuses a key twice
}

TEST_CASE("--print-config shows every setting and where it came from") {
  TempDir dir;
  const auto file = dir.write("readygate.toml",
                              "[scan]\nmin-severity = \"low\"\nexclude = [\"a/**\"]\n"
                              "base-url = \"https://user:hunter2@example.com/b.json\"\n");
  Program program;
  program.parse({"--config", file.string(), "--exclude", "b/**", "-j", "2", "--print-config"});
  CHECK_FALSE(program.values);  // printed, not run
  std::ostringstream out;
  Program again;
  again.parse({"--config", file.string(), "--exclude", "b/**", "-j", "2"});
  write_effective_settings(out, "ready-scan", again.options(), *again.values, again.common.origins, "readygate.toml");
  const std::string text = out.str();
  INFO(text);
  CHECK(text.find("[scan]\n") != std::string::npos);
  CHECK(text.find("min-severity = \"low\"  # " + file.generic_string() + ":2:1\n") != std::string::npos);
  CHECK(text.find("exclude = [\"b/**\", \"a/**\"]  # " + file.generic_string() + ":3:1 + flag\n") != std::string::npos);
  CHECK(text.find("jobs = 2  # flag\n") != std::string::npos);
  CHECK(text.find("no-git = false  # default\n") != std::string::npos);
  CHECK(text.find("# path: not set\n") != std::string::npos);
  CHECK(text.find("hunter2") == std::string::npos);
}
