#include "rule.hpp"

#include <algorithm>
#include <array>
#include <map>
#include <set>

#include "analyzers.hpp"
#include "builtin_rule_files.hpp"
#include "common/error.hpp"
#include "common/json_fields.hpp"
#include "common/json_stream.hpp"
#include "language.hpp"

namespace readygate::scan {

namespace {

using nlohmann::json;

constexpr std::array all_kinds{TextKind::code, TextKind::comment, TextKind::string, TextKind::docstring};

bool valid_id(std::string_view id) {
  if (id.empty() || !(std::isalnum(static_cast<unsigned char>(id[0])))) return false;
  return std::all_of(id.begin(), id.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '_' || c == '-';
  });
}

AbsentContext parse_one_absent(const json& value, const std::string& where, const std::string& field) {
  if (!value.is_object())
    throw_input_error(where + ": field \"" + field + "\": expected an object or a list of objects");
  JsonFields r(value, where + ": field \"" + field + "\"");
  r.only({"pattern", "before", "after", "scope"});
  AbsentContext absent;
  absent.pattern = r.text("pattern", Presence::required);
  absent.before = static_cast<int>(r.number("before", 0, 1000).value_or(0));
  absent.after = static_cast<int>(r.number("after", 0, 1000).value_or(0));
  const std::string scope = r.text("scope");
  if (!scope.empty() && scope != "lines" && scope != "file" && scope != "function") {
    r.fail("scope", "expected \"lines\", \"file\" or \"function\", got \"" + scope + "\"");
  }
  absent.whole_file = scope == "file";
  absent.in_function = scope == "function";
  return absent;
}

std::vector<AbsentContext> parse_absent(const json& value, const std::string& where, const std::string& field) {
  std::vector<AbsentContext> contexts;
  if (value.is_array()) {
    for (const auto& item : value) contexts.push_back(parse_one_absent(item, where, field));
  } else {
    contexts.push_back(parse_one_absent(value, where, field));
  }
  return contexts;
}

InsideContext parse_inside(const json& value, const std::string& where, const std::string& field) {
  if (!value.is_object()) throw_input_error(where + ": field \"" + field + "\": expected an object");
  JsonFields r(value, where + ": field \"" + field + "\"");
  r.only({"pattern", "skip", "stop", "max_lines", "comprehension"});
  InsideContext inside;
  inside.pattern = r.text("pattern", Presence::required);
  inside.skip = r.text("skip");
  inside.stop = r.text("stop");
  inside.max_lines = static_cast<int>(r.number("max_lines", 1, 100000).value_or(200));
  inside.comprehension = r.flag("comprehension");
  return inside;
}

Rule parse_rule(const json& object, const std::string& where) {
  if (!object.is_object())
    throw_input_error(where + ": expected a rule object, got " + std::string(object.type_name()));
  JsonFields r(object, where);
  r.only({"id",       "title",   "category",   "severity", "pattern",       "message",      "fix",         "help",
          "cwe",      "tags",    "languages",  "paths",    "exclude_paths", "keywords",     "exclude",     "absent",
          "requires", "inside",  "not_inside", "fallback", "entropy",       "allow_values", "allow_names", "in",
          "group",    "aliases", "in_tests",   "calls",    "arguments",     "analyzer",     "body_absent"});
  Rule rule;
  rule.id = r.text("id", Presence::required);
  if (!valid_id(rule.id)) {
    r.fail("id", "\"" + rule.id + "\" must be lower-case letters, digits, '.', '_' or '-'");
  }
  JsonFields named(object, where + " (\"" + rule.id + "\")");
  rule.title = named.text("title", Presence::required);
  rule.category = named.text("category", Presence::required);
  const std::string severity = named.text("severity", Presence::required);
  const auto parsed = parse_severity(severity);
  if (!parsed) named.fail("severity", "expected info, low, medium, high or critical, got \"" + severity + "\"");
  rule.severity = *parsed;
  rule.calls = named.texts("calls");
  rule.analyzer = named.text("analyzer");
  const int matchers = !rule.calls.empty() + !rule.analyzer.empty() + (named.find("pattern") != nullptr);
  if (matchers != 1) named.fail("pattern", "a rule has exactly one of \"pattern\", \"calls\" and \"analyzer\"");
  rule.pattern = named.text("pattern");
  if (!rule.analyzer.empty() && !find_analyzer(rule.analyzer)) {
    std::string list;
    for (const auto name : analyzer_names()) list += (list.empty() ? "" : ", ") + std::string(name);
    named.fail("analyzer", "unknown analyzer \"" + rule.analyzer + "\" (known: " + list + ")");
  }
  if (const json* arguments = named.object("arguments")) {
    if (rule.calls.empty()) named.fail("arguments", "only a rule with \"calls\" has conditions on arguments");
    const JsonFields a(*arguments, named.where() + ": field \"arguments\"");
    a.only({"match", "absent", "first", "first_match", "any_non_literal", "from", "first_from", "at_least", "at_most"});
    rule.arguments = {a.text("match"),
                      a.text("absent"),
                      a.text("first_match"),
                      a.text("first"),
                      a.text("from"),
                      a.text("first_from"),
                      a.flag("any_non_literal"),
                      static_cast<int>(a.whole("at_least", 0, 64).value_or(0)),
                      static_cast<int>(a.whole("at_most", 0, 64).value_or(-1))};
    for (const char* field : {"from", "first_from"}) {
      const std::string value = a.text(field);
      if (!value.empty() && value != "outside" && value != "inside" && value != "input" && value != "parameter") {
        a.fail(field, "expected \"outside\", \"inside\", \"input\" or \"parameter\", got \"" + value + "\"");
      }
    }
    if (!rule.arguments.first.empty() && rule.arguments.first != "literal" && rule.arguments.first != "non-literal") {
      a.fail("first", "expected \"literal\" or \"non-literal\", got \"" + rule.arguments.first + "\"");
    }
  }
  rule.message = named.text("message", Presence::required);
  rule.fix = named.text("fix");
  rule.help = named.text("help");
  rule.cwe = named.texts("cwe");
  for (const auto& cwe : rule.cwe) {
    if (cwe.rfind("CWE-", 0) != 0 || cwe.size() == 4 ||
        !std::all_of(cwe.begin() + 4, cwe.end(), [](char c) { return c >= '0' && c <= '9'; })) {
      named.fail("cwe", "expected ids like \"CWE-95\", got \"" + cwe + "\"");
    }
  }
  rule.tags = named.texts("tags");
  rule.languages = named.texts("languages");
  for (const auto& language : rule.languages) {
    const auto& known = known_languages();
    if (std::find(known.begin(), known.end(), language) == known.end()) {
      std::string list;
      for (const auto& k : known) list += (list.empty() ? "" : ", ") + std::string(k);
      named.fail("languages", "unknown language \"" + language + "\" (known: " + list + ")");
    }
  }
  rule.paths = named.texts("paths");
  rule.exclude_paths = named.texts("exclude_paths");
  rule.keywords = named.texts("keywords");
  if (rule.keywords.empty()) {
    // Every part of a call's name is written in the file (at the call, or in the import that
    // renames it). The module is usually the rarest (subprocess, hashlib); a short or common
    // one (os, vm, window, code) gives way to the next part (system, runInNewContext, eval).
    static const std::set<std::string> common{"window", "globalThis", "global", "self", "this",  "code",    "util",
                                              "path",   "time",       "json",   "http", "https", "request", "parse"};
    for (const auto& call : rule.calls) {
      std::vector<std::string> parts;
      std::size_t start = 0;
      while (start <= call.size()) {
        const std::size_t dot = call.find('.', start);
        std::string part = call.substr(start, dot == std::string::npos ? std::string::npos : dot - start);
        std::erase(part, '(');
        std::erase(part, ')');
        if (!part.empty() && part != "*") parts.push_back(part);
        if (dot == std::string::npos) break;
        start = dot + 1;
      }
      std::string best;
      for (const auto& part : parts) {
        if (part.size() >= 4 && !common.count(part)) {
          best = part;
          break;
        }
      }
      if (best.empty()) {
        for (const auto& part : parts) {
          if (part.size() > best.size()) best = part;
        }
      }
      if (!best.empty() && std::find(rule.keywords.begin(), rule.keywords.end(), best) == rule.keywords.end()) {
        rule.keywords.push_back(best);
      }
    }
  }
  rule.exclude = named.text("exclude");
  if (const json* absent = named.find("absent")) {
    rule.absent = parse_absent(*absent, where + " (\"" + rule.id + "\")", "absent");
  }
  if (const json* required = named.find("requires")) {
    rule.required = parse_absent(*required, where + " (\"" + rule.id + "\")", "requires");
  }
  rule.entropy = named.number("entropy", 0.0, 8.0);
  if (const json* inside = named.find("inside"))
    rule.inside = parse_inside(*inside, where + " (\"" + rule.id + "\")", "inside");
  if (const json* outside = named.find("not_inside")) {
    rule.not_inside = parse_inside(*outside, where + " (\"" + rule.id + "\")", "not_inside");
  }
  rule.allow_values = named.texts("allow_values");
  rule.allow_names = named.texts("allow_names");
  for (const auto& name : named.texts("in")) {
    const auto kind =
        std::find_if(all_kinds.begin(), all_kinds.end(), [&](TextKind k) { return to_string(k) == name; });
    if (kind == all_kinds.end()) named.fail("in", "expected code, comment, string or docstring, got \"" + name + "\"");
    if (std::find(rule.in.begin(), rule.in.end(), *kind) == rule.in.end()) rule.in.push_back(*kind);
  }
  if (rule.in.empty() && named.find("in")) named.fail("in", "must name at least one kind of text");
  if (const json* in_tests = named.object("in_tests")) {
    const JsonFields t(*in_tests, named.where() + ": field \"in_tests\"");
    t.only({"severity", "when"});
    const std::string level = t.text("severity", Presence::required);
    const auto s = parse_severity(level);
    if (!s) t.fail("severity", "expected info, low, medium, high or critical, got \"" + level + "\"");
    rule.in_tests = InTests{*s, t.text("when")};
  }
  rule.body_absent = named.text("body_absent");
  rule.fallback = named.flag("fallback");
  rule.group = named.text("group");
  rule.aliases = named.texts("aliases");
  for (const auto& alias : rule.aliases) {
    const std::size_t colon = alias.find(':');
    if (colon == std::string::npos || colon == 0 || colon + 1 == alias.size()) {
      named.fail("aliases", "expected TOOL:ID (bandit:B602), got \"" + alias + "\"");
    }
  }
  return rule;
}

}  // namespace

std::vector<Rule> parse_rules(const json& document, const std::string& source) {
  const json* list = &document;
  if (document.is_object()) {
    JsonFields(document, source).only({"rules"});
    const auto it = document.find("rules");
    if (it == document.end()) throw_input_error(source + ": expected {\"rules\": [...]}");
    list = &*it;
  }
  if (!list->is_array()) throw_input_error(source + ": \"rules\" must be an array of rules");
  std::vector<Rule> rules;
  std::set<std::string> seen;
  for (std::size_t i = 0; i < list->size(); ++i) {
    Rule rule = parse_rule((*list)[i], source + ": rule " + std::to_string(i + 1));
    if (!seen.insert(rule.id).second) {
      throw_input_error(source + ": rule " + std::to_string(i + 1) + ": duplicate id \"" + rule.id + "\"");
    }
    rules.push_back(std::move(rule));
  }
  return rules;
}

const std::vector<Rule>& builtin_rules() {
  static const std::vector<Rule> rules = [] {
    std::vector<Rule> all;
    for (const auto& file : builtin_rule_files()) {
      const std::string source = "rules/" + std::string(file.name);
      for (const auto& document : parse_json_documents(file.text, source)) {
        for (auto& rule : parse_rules(document, source)) {
          if (std::any_of(all.begin(), all.end(), [&](const Rule& r) { return r.id == rule.id; })) {
            throw_input_error(source + ": rule \"" + rule.id + "\" is defined twice in the built-in rules");
          }
          all.push_back(std::move(rule));
        }
      }
    }
    return all;
  }();
  return rules;
}

std::vector<Rule> merge_rules(std::vector<Rule> base, const std::vector<Rule>& extra) {
  std::map<std::string, std::size_t> index;  // id -> position in base: linear in rules, not quadratic
  for (std::size_t i = 0; i < base.size(); ++i) index.emplace(base[i].id, i);
  for (const auto& rule : extra) {
    const auto [at, added] = index.emplace(rule.id, base.size());
    if (added) {
      base.push_back(rule);
    } else {
      base[at->second] = rule;
    }
  }
  return base;
}

std::vector<Rule> select_rules(std::vector<Rule> rules, const std::vector<std::string>& enable_only,
                               const std::vector<std::string>& disable) {
  const auto names = [](const Rule& r, const std::string& name) { return r.id == name || r.category == name; };
  for (const auto* list : {&enable_only, &disable}) {
    for (const auto& name : *list) {
      if (std::none_of(rules.begin(), rules.end(), [&](const Rule& r) { return names(r, name); })) {
        throw_input_error("no rule or category named \"" + name + "\" (see --list-rules)");
      }
    }
  }
  std::erase_if(rules, [&](const Rule& r) {
    const auto named_by = [&](const std::vector<std::string>& list) {
      return std::any_of(list.begin(), list.end(), [&](const std::string& n) { return names(r, n); });
    };
    return (!enable_only.empty() && !named_by(enable_only)) || named_by(disable);
  });
  return rules;
}

bool Rule::may_start_in(TextKind kind) const {
  // By default secrets leak wherever they are written, and code rules are about code.
  if (in.empty()) return category == "secrets" || kind == TextKind::code;
  return std::find(in.begin(), in.end(), kind) != in.end();
}

bool Rule::looks_everywhere() const {
  return std::all_of(all_kinds.begin(), all_kinds.end(), [&](TextKind k) { return may_start_in(k); });
}

nlohmann::json to_json(const Rule& rule) {
  json out{{"id", rule.id},
           {"title", rule.title},
           {"category", rule.category},
           {"severity", to_string(rule.severity)},
           {"message", rule.message},
           {"cwe", rule.cwe},
           {"tags", rule.tags},
           {"languages", rule.languages},
           {"paths", rule.paths},
           {"exclude_paths", rule.exclude_paths},
           {"keywords", rule.keywords},
           {"allow_values", rule.allow_values},
           {"allow_names", rule.allow_names},
           {"aliases", rule.aliases}};
  out["in"] = json::array();
  for (const TextKind kind : all_kinds) {
    if (rule.may_start_in(kind)) out["in"].push_back(to_string(kind));
  }
  if (!rule.group.empty()) out["group"] = rule.group;
  if (!rule.body_absent.empty()) out["body_absent"] = rule.body_absent;
  if (!rule.analyzer.empty()) {
    out["analyzer"] = rule.analyzer;
  } else if (rule.calls.empty()) {
    out["pattern"] = rule.pattern;
  } else {
    out["calls"] = rule.calls;
    json a = json::object();
    if (!rule.arguments.match.empty()) a["match"] = rule.arguments.match;
    if (!rule.arguments.absent.empty()) a["absent"] = rule.arguments.absent;
    if (!rule.arguments.first.empty()) a["first"] = rule.arguments.first;
    if (!rule.arguments.first_match.empty()) a["first_match"] = rule.arguments.first_match;
    if (rule.arguments.any_non_literal) a["any_non_literal"] = true;
    if (!rule.arguments.from.empty()) a["from"] = rule.arguments.from;
    if (!rule.arguments.first_from.empty()) a["first_from"] = rule.arguments.first_from;
    if (rule.arguments.at_least > 0) a["at_least"] = rule.arguments.at_least;
    if (rule.arguments.at_most >= 0) a["at_most"] = rule.arguments.at_most;
    if (!a.empty()) out["arguments"] = a;
  }
  if (rule.fallback) out["fallback"] = true;
  if (rule.in_tests) {
    out["in_tests"] = {{"severity", to_string(rule.in_tests->severity)}};
    if (!rule.in_tests->when.empty()) out["in_tests"]["when"] = rule.in_tests->when;
  }
  if (!rule.fix.empty()) out["fix"] = rule.fix;
  if (!rule.help.empty()) out["help"] = rule.help;
  if (!rule.exclude.empty()) out["exclude"] = rule.exclude;
  if (rule.entropy) out["entropy"] = *rule.entropy;
  const auto contexts = [](const std::vector<AbsentContext>& list) {
    json array = json::array();
    for (const auto& c : list) {
      json context{{"pattern", c.pattern}};
      if (c.whole_file) {
        context["scope"] = "file";
      } else if (c.in_function) {
        context["scope"] = "function";
      } else {
        context["before"] = c.before;
        context["after"] = c.after;
      }
      array.push_back(context);
    }
    return array;
  };
  if (!rule.absent.empty()) out["absent"] = contexts(rule.absent);
  if (!rule.required.empty()) out["requires"] = contexts(rule.required);
  const auto block = [&](const std::optional<InsideContext>& spec, const char* field) {
    if (!spec) return;
    json& o = out[field];
    o = {{"pattern", spec->pattern}, {"max_lines", spec->max_lines}};
    if (!spec->skip.empty()) o["skip"] = spec->skip;
    if (!spec->stop.empty()) o["stop"] = spec->stop;
    if (spec->comprehension) o["comprehension"] = true;
  };
  block(rule.inside, "inside");
  block(rule.not_inside, "not_inside");
  return out;
}

}  // namespace readygate::scan
