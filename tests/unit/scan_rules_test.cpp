#include <doctest/doctest.h>

#include "common/error.hpp"
#include "engine.hpp"
#include "language.hpp"
#include "rule.hpp"

using namespace readygate;
using namespace readygate::scan;
using nlohmann::json;

namespace {
json minimal_rule() {
  return {{"id", "x.test"},     {"title", "T"},           {"category", "security"},
          {"severity", "high"}, {"pattern", "danger\\("}, {"message", "m"}};
}

std::string error_of(const json& document) {
  try {
    const RuleEngine engine(parse_rules(document, "rules.json"));
    engine.compile_all();  // what ready-scan does for a user's rules file
    return "";
  } catch (const Error& e) {
    CHECK(e.code() == ExitCode::usage);
    return e.what();
  }
}
}  // namespace

TEST_CASE("the built-in rules load and compile") {
  const auto& rules = builtin_rules();
  CHECK(rules.size() >= 40);
  CHECK_NOTHROW(RuleEngine{rules});
  for (const auto& rule : rules) {
    CAPTURE(rule.id);
    CHECK_FALSE(rule.fix.empty());
    CHECK_FALSE(rule.cwe.empty());
    CHECK_FALSE(rule.keywords.empty());  // every built-in rule is prefiltered
  }
  const auto count = [&](const std::string& category) {
    return std::count_if(rules.begin(), rules.end(), [&](const Rule& r) { return r.category == category; });
  };
  CHECK(count("performance") >= 6);
  CHECK(count("secrets") >= 10);
}

TEST_CASE("rules files are validated field by field") {
  json r = minimal_rule();
  CHECK(error_of(json{{"rules", {r}}}).empty());
  CHECK(error_of(json::array({r})).empty());

  auto with = [&](const char* key, json value) {
    json copy = minimal_rule();
    copy[key] = std::move(value);
    return error_of(json{{"rules", {copy}}});
  };
  CHECK(with("severity", "hihg").find("field \"severity\"") != std::string::npos);
  CHECK(with("pattern", "a(b").find("invalid regular expression") != std::string::npos);
  CHECK(with("pattern", "(?<!x)y").find("rule \"x.test\": field \"pattern\"") != std::string::npos);
  CHECK(with("exclude", "[z-a]").find("field \"exclude\"") != std::string::npos);
  CHECK(with("languages", json::array({"cobol"})).find("unknown language") != std::string::npos);
  CHECK(with("cwe", json::array({"95"})).find("CWE-95") != std::string::npos);
  CHECK(with("entropy", 3.0).find("(?P<secret>") != std::string::npos);
  CHECK(with("entropy", 9).find("between") != std::string::npos);
  CHECK(with("paterns", "x").find("unknown field \"paterns\"") != std::string::npos);
  CHECK(with("id", "Bad Id").find("field \"id\"") != std::string::npos);
  CHECK(with("keywords", "eval").find("array of strings") != std::string::npos);
  CHECK(with("absent", json{{"pattern", "x"}, {"scope", "module"}}).find("scope") != std::string::npos);
  json missing = minimal_rule();
  missing.erase("message");
  CHECK(error_of(json{{"rules", {missing}}}).find("\"message\": is required") != std::string::npos);
  CHECK(error_of(json{{"rules", {r, r}}}).find("duplicate id") != std::string::npos);
  CHECK(error_of(json{{"rulez", json::array()}}).find("unknown field") != std::string::npos);
  CHECK(error_of(json{{"rules", {"x"}}}).find("expected a rule object") != std::string::npos);
}

TEST_CASE("an absent or requires context may span the function around the match") {
  json r = minimal_rule();
  r["absent"] = json{{"pattern", "verify\\("}, {"scope", "function"}};
  r["requires"] = json::array({json{{"pattern", "jwt"}, {"scope", "file"}}});
  const std::vector<Rule> rules = parse_rules(json{{"rules", {r}}}, "test");
  REQUIRE(rules.size() == 1);
  REQUIRE(rules[0].absent.size() == 1);
  CHECK(rules[0].absent[0].in_function);
  CHECK_FALSE(rules[0].absent[0].whole_file);
  CHECK(rules[0].required[0].whole_file);
  CHECK_FALSE(rules[0].required[0].in_function);
  const json back = to_json(rules[0]);
  CHECK(back.dump().find("\"scope\":\"function\"") != std::string::npos);
  CHECK(parse_rules(json{{"rules", {back}}}, "round trip")[0].absent[0].in_function);
}

TEST_CASE("extra rules replace built-ins by id; selection by id or category") {
  Rule replacement = builtin_rules().front();
  replacement.severity = Severity::low;
  const auto merged = merge_rules(builtin_rules(), {replacement});
  CHECK(merged.size() == builtin_rules().size());
  CHECK(merged.front().severity == Severity::low);

  const auto secrets = select_rules(builtin_rules(), {"secrets"}, {});
  CHECK_FALSE(secrets.empty());
  CHECK(std::all_of(secrets.begin(), secrets.end(), [](const Rule& r) { return r.category == "secrets"; }));
  const auto no_eval = select_rules(builtin_rules(), {}, {"py.eval"});
  CHECK(no_eval.size() == builtin_rules().size() - 1);
  CHECK_THROWS_AS(select_rules(builtin_rules(), {"no-such-rule"}, {}), Error);
}

TEST_CASE("languages come from file names") {
  CHECK(language_of("src/app.py") == "python");
  CHECK(language_of("web/App.TSX") == "typescript");
  CHECK(language_of("x/index.mjs") == "javascript");
  CHECK(language_of("deploy/Dockerfile") == "dockerfile");
  CHECK(language_of("Dockerfile.prod") == "dockerfile");
  CHECK(language_of(".env.production") == "env");
  CHECK(language_of("README") == "");
}

TEST_CASE("severities are ordered and parsed strictly") {
  CHECK(Severity::critical > Severity::high);
  CHECK(parse_severity("medium") == Severity::medium);
  CHECK_FALSE(parse_severity("Medium"));
  CHECK(to_string(Severity::info) == "info");
  CHECK_THROWS_AS(severity_flag("--fail-on", "severe"), Error);
}
