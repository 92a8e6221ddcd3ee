#include <doctest/doctest.h>

#include "block_context.hpp"
#include "common/error.hpp"
#include "engine.hpp"
#include "secret_value.hpp"
#include "snippet.hpp"
#include "suppression.hpp"

using namespace readygate;
using namespace readygate::scan;

namespace {
Rule rule(std::string id, std::string pattern) {
  Rule r;
  r.id = std::move(id);
  r.title = r.id;
  r.category = "security";
  r.severity = Severity::high;
  r.pattern = std::move(pattern);
  r.message = "m";
  return r;
}

std::vector<std::size_t> lines_of(const std::vector<scan::Finding>& findings) {
  std::vector<std::size_t> lines;
  lines.reserve(findings.size());
  for (const auto& f : findings) lines.push_back(f.line);
  return lines;
}
}  // namespace

TEST_CASE("positions are 1-based, columns count characters, end_column is exclusive") {
  const RuleEngine engine({rule("t", "danger\\(\\)")});
  const auto findings = engine.scan("a.py", "x = 1\n  é danger()\n");
  REQUIRE(findings.size() == 1);
  CHECK(findings[0].line == 2);
  CHECK(findings[0].column == 5);
  CHECK(findings[0].end_line == 2);
  CHECK(findings[0].end_column == 13);
  CHECK(findings[0].snippet == "é danger()");
}

TEST_CASE("the keyword prefilter keeps a rule off files without its keywords, in smart case") {
  Rule r = rule("t", "\\bcall\\(");
  r.keywords = {"trigger"};
  Rule exact = rule("u", "\\bcall\\(");
  exact.keywords = {"Trigger"};
  const RuleEngine engine({r, exact});
  CHECK(engine.scan("a.py", "call(1)\n").empty());
  const auto ids = [&](const std::string& text) {
    std::vector<std::string> out;
    for (const auto& f : engine.scan("a.py", text)) out.push_back(engine.rules()[f.rule].id);
    return out;
  };
  CHECK(ids("# TRIGGER\ncall(1)\n") == std::vector<std::string>{"t"});       // lower case: any case
  CHECK(ids("# Trigger\ncall(1)\n") == std::vector<std::string>{"t", "u"});  // upper case: exact
}

TEST_CASE("languages and path globs select files") {
  Rule py = rule("py", "x");
  py.languages = {"python"};
  Rule env = rule("env", "x");
  env.paths = {"*.env", "Dockerfile"};
  Rule not_tests = rule("nt", "x");
  not_tests.exclude_paths = {"tests/**"};
  const RuleEngine engine({py, env, not_tests});
  const auto rules_at = [&](const std::string& path) {
    std::vector<std::string> ids;
    for (const auto& f : engine.scan(path, "x")) ids.push_back(engine.rules()[f.rule].id);
    std::sort(ids.begin(), ids.end());
    return ids;
  };
  CHECK(rules_at("src/a.py") == std::vector<std::string>{"nt", "py"});
  CHECK(rules_at("deploy/prod.env") == std::vector<std::string>{"env", "nt"});
  CHECK(rules_at("Dockerfile") == std::vector<std::string>{"env", "nt"});
  CHECK(rules_at("tests/a.js").empty());
}

TEST_CASE("an exclusion on the matched lines drops the match") {
  Rule r = rule("t", "yaml\\.load\\(");
  r.exclude = "SafeLoader";
  const RuleEngine engine({r});
  CHECK(lines_of(engine.scan("a.py", "yaml.load(f, Loader=SafeLoader)\nyaml.load(f)\n")) ==
        std::vector<std::size_t>{2});
}

TEST_CASE("absent-within-N-lines: report only when the context is missing") {
  Rule r = rule("t", "^@app\\.get");
  r.absent = {AbsentContext{"Depends\\(", 0, 2, false}};
  const RuleEngine engine({r});
  const std::string text =
      "@app.get('/a')\n"
      "def a(user=Depends(auth)):\n"
      "    pass\n"
      "@app.get('/b')\n"
      "def b():\n"
      "    pass\n"
      "\n"
      "\n"
      "x = Depends(auth)\n";
  CHECK(lines_of(engine.scan("a.py", text)) == std::vector<std::size_t>{4});

  Rule whole = rule("w", "app\\.get");
  whole.absent = {AbsentContext{"router\\.use\\(auth\\)", 0, 0, true}};
  const RuleEngine file_engine({whole});
  CHECK(file_engine.scan("a.js", "app.get('/x')\n").size() == 1);
  CHECK(file_engine.scan("a.js", "router.use(auth)\n\n\napp.get('/x')\n").empty());
}

TEST_CASE("secrets: entropy threshold, placeholders and allowed values") {
  Rule r = rule("s", "key = \"(?P<secret>[^\"]+)\"");
  r.entropy = 3.0;
  r.allow_values = {"[a-z]+(?:-[a-z]+)*"};
  const RuleEngine engine({r});
  CHECK(engine.scan("a.py", "key = \"Zx8#kQ2!mW9v\"\n").size() == 1);
  CHECK(engine.scan("a.py", "key = \"aaaaaaaaaaaa\"\n").empty());         // low entropy
  CHECK(engine.scan("a.py", "key = \"${API_KEY}\"\n").empty());           // placeholder
  CHECK(engine.scan("a.py", "key = \"<your-key>\"\n").empty());           // placeholder
  CHECK(engine.scan("a.py", "key = \"reset-password-link\"\n").empty());  // allowed value
}

TEST_CASE("secrets are redacted in every snippet of their line, by whichever rule found them") {
  Rule secret = rule("s", "token=(?P<secret>[A-Za-z0-9]{20})");
  secret.category = "secrets";  // secrets are looked for in strings too
  Rule other = rule("o", "print\\(");
  const RuleEngine engine({secret, other});
  const auto findings = engine.scan("a.py", "print(\"token=Zx8kQ2mW9vAb7Cd3Ef1G\")\n");
  REQUIRE(findings.size() == 2);
  for (const auto& f : findings) {
    CHECK(f.snippet.find("Zx8kQ2mW9vAb7Cd3Ef1G") == std::string::npos);
    CHECK(f.snippet.find("Zx8k****") != std::string::npos);
  }
}

TEST_CASE("two rules flagging one secret give one finding, the more severe") {
  Rule generic = rule("generic", "KEY = \"(?P<secret>[^\"]+)\"");
  generic.severity = Severity::high;
  Rule provider = rule("provider", "(?P<secret>sk_live_[A-Za-z0-9]{10})");
  provider.severity = Severity::critical;
  generic.category = provider.category = "secrets";
  const RuleEngine engine({generic, provider});
  const auto findings = engine.scan("a.py", "KEY = \"sk_live_Ab3De6Gh9K\"\n");
  REQUIRE(findings.size() == 1);
  CHECK(engine.rules()[findings[0].rule].id == "provider");
}

TEST_CASE("a (?P<loc>) group moves the reported location") {
  const RuleEngine engine({rule("t", "for x in y:\\n[ \\t]+(?P<loc>db\\.query\\()")});
  const auto findings = engine.scan("a.py", "for x in y:\n    db.query(x)\n");
  REQUIRE(findings.size() == 1);
  CHECK(findings[0].line == 2);
  CHECK(findings[0].column == 5);
  CHECK(findings[0].snippet == "db.query(x)");
}

TEST_CASE("a match starting with the previous line's newline is reported on its own line") {
  const RuleEngine engine({rule("t", "(?:^|[^\\w])secret_call")});
  const auto findings = engine.scan("a.py", "first line\nsecret_call()\n");
  REQUIRE(findings.size() == 1);
  CHECK(findings[0].line == 2);
  CHECK(findings[0].column == 1);
}

TEST_CASE("entropy and placeholders") {
  CHECK(shannon_entropy("") == 0.0);
  CHECK(shannon_entropy("aaaa") == 0.0);
  CHECK(shannon_entropy("abcd") == doctest::Approx(2.0));
  for (const char* placeholder : {"<your-key>", "${DB_PASSWORD}", "{{ token }}", "%(pw)s", "$DB_PASS", "changeme",
                                  "xxxxxxxx", "********", "your_api_key_here", "AKIAIOSFODNN7EXAMPLE", "password"}) {
    CAPTURE(placeholder);
    CHECK(is_placeholder(placeholder));
  }
  CHECK_FALSE(is_placeholder("Zx8kQ2mW9vAb7Cd3"));
}

TEST_CASE("snippets are bounded, valid UTF-8, and never show a secret even when cut") {
  const std::string secret = "S3cr3tV4lu3S3cr3tV4lu3";
  const std::string line = std::string(300, 'a') + secret + std::string(300, 'b') + "\xff";
  const std::string snippet = make_snippet(line, 300, {secret});
  CHECK(snippet.size() <= max_snippet_bytes + 6);
  CHECK(snippet.find("S3cr3tV4lu3") == std::string::npos);
  CHECK(snippet.find("S3cr****") != std::string::npos);
  CHECK(normalize_line("  a \t b  ") == "a b");
}

TEST_CASE("nothing of a token survives past its first characters, where its rule's capture stops") {
  // A Slack token's random part may hold '_', which the built-in rule does not take: the
  // capture stops there, and the tail used to print in clear.
  const std::string line = "SLACK_BOT_TOKEN = \"xoxb-2048193756-40961827354-Zq8_vL-k2mWx7T_rB4n-YpD9sF5hJ0cG2aE7uRk\"";
  CHECK(make_snippet(line, 0, {"xoxb-2048193756-40961827354-Zq8"}) == "SLACK_BOT_TOKEN = \"xoxb****\"");
  // Base64 padding, '.', ':', '%', '~' and JSON's escaped slash continue a token; a quote, a
  // space, '@', ',', ';', '&' and '\\n' (an escaped newline) end it.
  CHECK(make_snippet("k=Zx8kQ2mW9vAb7Cd3+/x=.y:z%2B~w\\/v;next", 0, {"Zx8kQ2mW9vAb7Cd3"}) == "k=Zx8k****;next");
  CHECK(make_snippet("mongodb://u:Zx8kQ2mW9vAb7Cd3@db.host/x", 0, {"Zx8kQ2mW9vAb7Cd3"}) ==
        "mongodb://u:Zx8k****@db.host/x");
  CHECK(make_snippet("\"key\": \"Zx8kQ2mW9vAb\\nrest\"", 0, {"Zx8kQ2mW9vAb"}) == "\"key\": \"Zx8k****\\nrest\"");
  CHECK(make_snippet("a=Zx8kQ2mW9vAb&b=2", 0, {"Zx8kQ2mW9vAb"}) == "a=Zx8k****&b=2");

  // The same through the engine, with a rule that captures less than the token.
  Rule slack = rule("slack", "\\b(?P<secret>xox[bp]-[0-9A-Za-z][0-9A-Za-z-]{8,70}[0-9A-Za-z])\\b");
  slack.category = "secrets";
  const RuleEngine engine({slack});
  const auto findings = engine.scan("a.py", line + "\n");
  REQUIRE(findings.size() == 1);
  CHECK(findings[0].snippet == "SLACK_BOT_TOKEN = \"xoxb****\"");
}

TEST_CASE("every value of a tuple or list assignment is redacted when one of them is reported") {
  const std::string first = "ghp_R7tK2mX9qL4vB8nZ3wY6pD1sF5hJ0cG2aE7u";
  const std::string second = "Qm7Lx2Rk9TzW4nVb8Hc3Jd6Ps1Fg5Ya0";
  CHECK(make_snippet("PRIMARY, SECONDARY = \"" + first + "\", \"" + second + "\"", 0, {first}) ==
        "PRIMARY, SECONDARY = \"ghp_****\", \"Qm7L****\"");
  CHECK(make_snippet("KEYS = ['" + first + "','" + second + "', `" + second + "`]", 0, {first}) ==
        "KEYS = ['ghp_****','Qm7L****', `Qm7L****`]");
  // Words, short strings and text with spaces stay: they are not credentials, and the snippet
  // must still say what the line is.
  CHECK(make_snippet(
            "h = {\"Content-Type\": \"application/json\", \"X-Key\": \"" + first + "\", \"a\": \"two words here\"}", 0,
            {first}) ==
        "h = {\"Content-Type\": \"application/json\", \"X-Key\": \"ghp_****\", \"a\": \"two words here\"}");
  // A line without a secret is shown as it is, random-looking strings and all.
  CHECK(make_snippet("eval(\"" + second + "\")", 0, {}) == "eval(\"" + second + "\")");

  // Through the engine: the rule reports the first value of each line only.
  Rule keys = rule("keys", "(?:KEYS = \\[|, SECONDARY = )\"(?P<secret>[A-Za-z0-9_]{20,})\"");
  keys.category = "secrets";
  const RuleEngine engine({keys, rule("print", "print\\(")});
  const auto findings = engine.scan("a.py", "KEYS = [\"" + first + "\", \"" + second +
                                                "\"]; print(KEYS)\n"
                                                "PRIMARY, SECONDARY = \"" +
                                                first + "\", \"" + second + "\"\n");
  REQUIRE(findings.size() == 3);
  for (const auto& f : findings) {
    CAPTURE(f.snippet);
    CHECK(f.snippet.find(second) == std::string::npos);
    CHECK(f.snippet.find(first) == std::string::npos);
    CHECK(f.snippet.find("\"Qm7L****\"") != std::string::npos);
  }
}

TEST_CASE("a secret over several lines is redacted from the snippets of each of its lines") {
  Rule key = rule("key", "BEGIN KEY\\n(?P<secret>[A-Za-z0-9+/\\r\\n]{40,})\\nEND KEY");
  key.category = "secrets";
  Rule other = rule("other", "Zx8kQ2mW9vAb7Cd3Ef1G");
  other.category = "secrets";  // looks in any text
  const RuleEngine engine({key, other});
  const auto findings =
      engine.scan("a.txt", "BEGIN KEY\nAb3De6Gh9KZx8kQ2mW9vAb7Cd3Ef1G\r\nLm4No7Pq0RsT5uV8wX1yZ2\nEND KEY\n");
  REQUIRE(findings.size() == 2);
  CHECK(findings[0].line == 1);
  CHECK(findings[1].line == 2);  // "other" reports the key's first line: the key is hidden there too
  CHECK(findings[1].snippet == "Ab3D****");
}

TEST_CASE("a 20 MB single line scans in linear time with a bounded snippet") {
  std::string huge(std::size_t{20} * 1024 * 1024, 'x');
  huge += " eval(data)";
  const RuleEngine engine({rule("t", "eval\\(")});
  const auto findings = engine.scan("a.py", huge);
  REQUIRE(findings.size() == 1);
  CHECK(findings[0].column == 20 * 1024 * 1024 + 2);
  CHECK(findings[0].snippet.size() <= max_snippet_bytes + 6);
}

TEST_CASE("several absent contexts: reported only when every one is absent") {
  Rule r = rule("t", "^@app\\.get");
  r.absent = {AbsentContext{"Depends\\(auth", 0, 1, false}, AbsentContext{"dependencies=", 0, 0, true}};
  const RuleEngine engine({r});
  CHECK(engine.scan("a.py", "@app.get('/a')\ndef a(): pass\n").size() == 1);
  CHECK(engine.scan("a.py", "@app.get('/a')\ndef a(u=Depends(auth)): pass\n").empty());
  CHECK(engine.scan("a.py", "router = APIRouter(dependencies=[x])\n@app.get('/a')\ndef a(): pass\n").empty());
}

TEST_CASE("allow_names drops matches whose (?P<name>) is allowed") {
  Rule r = rule("t", "(?P<name>\\w+) = \"(?P<secret>[^\"]+)\"");
  r.allow_names = {"(?i).*_header"};
  const RuleEngine engine({r});
  CHECK(engine.scan("a.py", "AUTH_TOKEN = \"Zx8kQ2mW9vAb\"\n").size() == 1);
  CHECK(engine.scan("a.py", "AUTH_TOKEN_HEADER = \"Zx8kQ2mW9vAb\"\n").empty());
  Rule no_group = rule("u", "x");
  no_group.allow_names = {"y"};
  CHECK_THROWS_AS(RuleEngine({no_group}).compile_all(), readygate::Error);
}

TEST_CASE("every built-in rule compiles (they are compiled lazily when scanning)") {
  const RuleEngine engine(builtin_rules());
  CHECK_NOTHROW(engine.compile_all());
}

TEST_CASE("the first loc group that took part is the location") {
  const RuleEngine engine({rule("t", "(?P<loc>alpha\\()|\\[(?P<loc2>beta\\()[^\\]]*\\bfor\\b")});
  const auto findings = engine.scan("a.py", "  alpha(1)\nx = [beta(i) for i in y]\n");
  REQUIRE(findings.size() == 2);
  CHECK(findings[0].column == 3);
  CHECK(findings[1].line == 2);
  CHECK(findings[1].column == 6);
}

TEST_CASE("inside: every target in a block is reported, nothing outside it") {
  Rule r = rule("t", "time\\.sleep\\(");
  r.inside = InsideContext{"^[ \\t]*async[ \\t]+def\\b", "", "^[ \\t]*(?:def|class)\\b", 200, false};
  const RuleEngine engine({r});
  const std::string text =
      "async def handler(\n"      // 1
      "    request,\n"            // 2
      "):\n"                      // 3
      "    time.sleep(1)\n"       // 4  inside
      "    if x:\n"               // 5
      "        # a comment\n"     // 6
      "        time.sleep(2)\n"   // 7  inside, nested deeper
      "\n"                        // 8
      "    def sync_helper():\n"  // 9
      "        time.sleep(3)\n"   // 10 a plain def stops the search
      "\n"                        // 11
      "def other():\n"            // 12
      "    time.sleep(4)\n"       // 13 not async
      "time.sleep(5)\n";          // 14 top level
  CHECK(lines_of(engine.scan("a.py", text)) == std::vector<std::size_t>{4, 7});
}

TEST_CASE("inside: a header on the target's own line counts, a skipped header does not") {
  Rule r = rule("t", "db\\.query\\(");
  // Python loop headers end with a colon; JavaScript ones open a parenthesis.
  r.inside = InsideContext{"^[ \\t]*for\\b[^\\n]*:|\\bfor\\s*\\(", "retry|attempt", "", 200, true};
  const RuleEngine engine({r});
  CHECK(engine.scan("a.js", "for (const id of ids) await db.query(id);\n").size() == 1);
  CHECK(engine.scan("a.py", "rows = [db.query(i) for i in ids]\n").size() == 1);
  CHECK(engine.scan("a.py", "total = sum(db.query(i).n for i in ids)\n").size() == 1);
  CHECK(engine.scan("a.py", "for attempt in range(3):\n    db.query(x)\n").empty());
  CHECK(engine.scan("a.py", "for x in y:\n    pass\ndb.query(x)\n").empty());
  // The iterable of a loop runs once: not inside it.
  CHECK(engine.scan("a.py", "def f():\n    for o in db.query(x):\n        print(o)\n").empty());
  CHECK(engine.scan("a.py", "m = {c.id: c for c in db.query(ids=[o.id for o in orders])}\n").empty());
  // A lone opening brace (Allman style) belongs to the header above it.
  CHECK(engine.scan("a.js", "function f() {\n  for (const id of ids)\n  {\n    db.query(id);\n  }\n}\n").size() == 1);
}

TEST_CASE("requires: report only when every required context is present") {
  Rule r = rule("t", "(?:^|[^\\w.])randint\\(");
  r.required = {AbsentContext{"from random import", 0, 0, true}};
  const RuleEngine engine({r});
  CHECK(engine.scan("a.py", "from random import randint\nx = randint(1, 2)\n").size() == 1);
  CHECK(engine.scan("a.py", "from numpy.random import randint\nx = randint(1, 2)\n").empty());
}

TEST_CASE("indentation counts tabs to the next multiple of 8") {
  CHECK(indentation("    x") == 4);
  CHECK(indentation("\tx") == 8);
  CHECK(indentation("  \tx") == 8);
  CHECK(indentation("x") == 0);
}

TEST_CASE("a secret repeated on a long line before the match is redacted and the window stays inside the line") {
  // Found by the scan_engine fuzz target: the offset moved once per secret, not per occurrence.
  const std::string secret = "Zx8kQ2mW9vAb7Cd3Ef1GZx8k";
  std::string line;
  for (int i = 0; i < 30; ++i) line += secret + " ";
  line += std::string(100, 'x') + "eval(data)";
  const std::size_t at = line.find("eval");
  const std::string snippet = make_snippet(line, at, {secret});
  CHECK(snippet.find(secret) == std::string::npos);
  CHECK(snippet.find("eval(data)") != std::string::npos);
  CHECK(snippet.size() <= max_snippet_bytes + 6);
  CHECK(make_snippet(std::string(300, 'a') + "\xff\xfe" + std::string(300, 'b'), 300, {}).size() <=
        max_snippet_bytes + 6);
}

TEST_CASE("a fallback secrets rule yields a secret to a provider rule, and to its documented example") {
  Rule generic = rule("secret.generic", "token = \"(?P<secret>[A-Za-z0-9_]{12,})\"");
  generic.category = "secrets";
  generic.severity = Severity::high;
  generic.fallback = true;
  Rule provider = rule("secret.provider-test-key", "(?P<secret>tk_test_[A-Za-z0-9]{8,})");
  provider.category = "secrets";
  provider.severity = Severity::low;  // less severe than the fallback, and still the one kept
  provider.allow_values = {"tk_test_EXAMPLE[0-9]+"};
  const RuleEngine engine({generic, provider});
  const auto found = engine.scan("a.py", "token = \"tk_test_Zq8vLk2mWp4R\"\n");
  REQUIRE(found.size() == 1);
  CHECK(engine.rules()[found[0].rule].id == "secret.provider-test-key");
  // The provider's documented example: neither rule reports it.
  CHECK(engine.scan("a.py", "token = \"tk_test_EXAMPLE12345\"\n").empty());
  // A value the provider rule does not know is still the fallback's.
  const auto other = engine.scan("a.py", "token = \"Zq8vLk2mWp4Rt7\"\n");
  REQUIRE(other.size() == 1);
  CHECK(engine.rules()[other[0].rule].id == "secret.generic");
}

TEST_CASE("rules with path globs are decided per path, the others per language") {
  Rule config = rule("cfg", "k=v");
  config.paths = {"*.cfg"};
  Rule py = rule("py", "k=v");
  py.languages = {"python"};
  Rule py_not_setup = rule("py-not-setup", "k=v");
  py_not_setup.languages = {"python"};
  py_not_setup.exclude_paths = {"setup.py"};
  const RuleEngine engine({config, py, py_not_setup});
  const auto ids = [&](const std::string& path) {
    std::vector<std::string> out;
    for (const auto& f : engine.scan(path, "k=v\n")) out.push_back(engine.rules()[f.rule].id);
    std::sort(out.begin(), out.end());
    return out;
  };
  CHECK(ids("app.cfg") == std::vector<std::string>{"cfg"});
  CHECK(ids("src/app.py") == std::vector<std::string>{"py", "py-not-setup"});
  CHECK(ids("setup.py") == std::vector<std::string>{"py"});
  CHECK(ids("notes.txt").empty());
}
