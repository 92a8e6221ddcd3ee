#pragma once
// A scan rule is data: the built-in set (tools/scan/rules/*.json, compiled in) and --rules files
// share one JSON schema, validated field by field:
//
// {"rules": [{
//   "id": "py.eval",                  required; [a-z0-9][a-z0-9._-]*
//   "title": "Use of eval()",         required
//   "category": "security",           required: secrets, security, performance, quality, …
//   "severity": "high",               required: info, low, medium, high, critical
//   "pattern": "RE2 syntax",          required unless "calls"; ^ and $ match at line boundaries; a named group
//                                     (?P<secret>…) is redacted and checked for entropy and
//                                     placeholders; (?P<loc>…) (or loc2, loc_x…: the first that
//                                     took part) moves the reported location; (?P<name>…) is
//                                     checked against allow_names
//   "calls": ["subprocess.run", "requests.Session().get", "child_process.*"]
//                                     instead of a pattern: calls to these, by what the file's
//                                     imports make of their names (names.hpp); a final * is
//                                     any one last name
//   "analyzer": "sql-formatting"      instead of a pattern: a matcher written in C++
//                                     (analyzers.hpp lists them)
//   "arguments": {"match": "RE2", "absent": "RE2", "first": "non-literal" | "literal",
//                 "first_match": "RE2", "any_non_literal": true,
//                 "from": "outside" | "inside" | "input" | "parameter", "first_from": (same),
//                 "at_least": 2, "at_most": 1}
//                                     with "calls": conditions on the arguments' text, on the
//                                     first argument, on all of them, or on their number
//                                     (call_sites.hpp says what is literal; provenance.hpp
//                                     where a value is from)
//   "message": "…",                   required
//   "cwe": ["CWE-95"], "tags": [],    optional
//   "languages": ["python"],          optional; a file qualifies by language or by "paths"
//   "paths": ["*.env"],               optional globs (file name, or whole path when it has '/')
//   "exclude_paths": ["tests/**"],    optional globs
//   "keywords": ["eval"],             optional literal prefilter: the rule only runs on files
//                                     containing one of them (smart case: case-insensitive
//                                     unless the keyword has an upper-case letter)
//   "exclude": "RE2",                 optional: drop a match when the lines it spans match
//   "absent": {"pattern": "RE2", "before": 2, "after": 6}  or  {"pattern": …, "scope": "file"}
//                                     or {"pattern": …, "scope": "function"} (the body of the
//                                     innermost function around the match, provenance.hpp; the
//                                     whole file outside any function), or a list of them:
//                                     report only when every one is absent
//   "requires": same shapes as "absent": report only when every one is present
//   "inside": {"pattern": "RE2", "skip": "RE2", "stop": "RE2", "max_lines": 200,
//              "comprehension": false}
//                                     optional: report only inside a block (found by indentation,
//                                     see block_context.hpp) whose header matches "pattern"
//   "not_inside": {…}                 optional, the same shape: report only outside such a block
//                                     (a branch taken when the caller asked for no verification)
//   "body_absent": "RE2",             optional: report only when the block the match opens (Python:
//                                     the indented lines below its last line; JavaScript: the
//                                     { … } after it) does not match (a bare except that re-raises,
//                                     a route whose body checks the login)
//   "entropy": 3.0,                   optional: minimum Shannon entropy (bits/char) of the secret
//   "allow_values": ["RE2"],          optional: a secret fully matching one is not reported
//   "allow_names": ["RE2"],           optional: a (?P<name>…) fully matching one is not reported
//   "in": ["code"],                   optional: the kinds of text a match may start in (code,
//                                     comment, string, docstring; source_layout.hpp). Default:
//                                     every kind for category "secrets", code for the rest
//   "group": "py-except",             optional: of the rules of a group reporting one line, only
//                                     the first (in rule order) keeps its finding
//   "fallback": true,                 optional (secrets): a generic rule (a credential known by its
//                                     name, any private key, any password in a URL); a provider rule
//                                     that finds the same secret wins, whatever the severities
//   "in_tests": {"severity": "low", "when": "RE2"}
//                                     optional: in test and example files, the finding has this
//                                     severity (when the match matches "when", or always)
//   "aliases": ["bandit:B307"],       optional: the same check in other tools, TOOL:ID; a
//                                     "# nosec B307" or "# nosemgrep: ID" names the rule by them
//   "fix": "…", "help": "…"           optional
// }]}
// A bare array of rules is accepted too.
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/severity.hpp"
#include "source_layout.hpp"

namespace readygate::scan {

struct AbsentContext {
  std::string pattern;
  int before = 0;
  int after = 0;
  bool whole_file = false;
  bool in_function = false;  // the innermost function around the match (the file outside one)
};

struct InsideContext {
  std::string pattern, skip, stop;
  int max_lines = 200;
  bool comprehension = false;
};

struct InTests {
  Severity severity = Severity::low;
  std::string when;  // empty: always
};

struct ArgumentConditions {
  std::string match, absent, first_match;
  std::string first;  // "", "literal" or "non-literal"
  // "", "outside" (some argument's value is: a parameter or input), "inside" (none is),
  // "input" (some argument's is request or process input), "parameter" (some argument's is a
  // parameter, none's input) (provenance.hpp)
  std::string from;
  std::string first_from;  // the same, for the first argument only
  bool any_non_literal = false;
  int at_least = 0;  // the call has at least this many arguments (0: any)
  int at_most = -1;  // and at most this many (-1: any)
};

struct Rule {
  std::string id, title, category;
  Severity severity = Severity::medium;
  std::string pattern;
  std::string message, fix, help;
  std::vector<std::string> cwe, tags;
  std::vector<std::string> languages, paths, exclude_paths;
  std::vector<std::string> keywords;
  std::string exclude;
  std::vector<AbsentContext> absent;
  std::vector<AbsentContext> required;  // same shape as absent: report only when each is present
  std::optional<InsideContext> inside;
  std::optional<InsideContext> not_inside;
  std::string body_absent;
  std::optional<double> entropy;
  std::vector<std::string> allow_values, allow_names;
  std::vector<TextKind> in;  // empty: the default for the category (may_start_in)
  std::string group;
  std::vector<std::string> aliases;
  std::optional<InTests> in_tests;
  bool fallback = false;
  std::vector<std::string> calls;  // non-empty: a call rule (no pattern)
  std::string analyzer;            // non-empty: an analyzer rule (no pattern)
  ArgumentConditions arguments;

  bool may_start_in(TextKind kind) const;
  bool looks_everywhere() const;  // every kind of text
};

// Validates every field; throws Error (exit 2) naming the source, the rule and the field.
// Regular expressions are checked when the rules are compiled (RuleEngine).
std::vector<Rule> parse_rules(const nlohmann::json& document, const std::string& source);

// The rules compiled into the binary.
const std::vector<Rule>& builtin_rules();

// `extra` rules replace built-in ones with the same id and are appended otherwise.
std::vector<Rule> merge_rules(std::vector<Rule> base, const std::vector<Rule>& extra);

// --enable-only and --disable: each name is a rule id or a category. An unknown name is an
// input error (a typo must not silently disable nothing).
std::vector<Rule> select_rules(std::vector<Rule> rules, const std::vector<std::string>& enable_only,
                               const std::vector<std::string>& disable);

nlohmann::json to_json(const Rule& rule);

}  // namespace readygate::scan
