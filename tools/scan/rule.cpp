#include "rule.hpp"

#include <algorithm>
#include <set>

#include "common/error.hpp"
#include "common/json_stream.hpp"
#include "language.hpp"

namespace readygate::scan {

std::string_view builtin_rules_json();  // generated from builtin_rules.json

namespace {

using nlohmann::json;

class FieldReader {
public:
  FieldReader(const json& object, std::string where) : m_object(object), m_where(std::move(where)) {}

  [[noreturn]] void fail(std::string_view field, const std::string& problem) const {
    throw_input_error(m_where + ": field \"" + std::string(field) + "\": " + problem);
  }

  const json* find(std::string_view field) const {
    const auto it = m_object.find(field);
    return it == m_object.end() || it->is_null() ? nullptr : &*it;
  }

  std::string string(std::string_view field, bool required) const {
    const json* value = find(field);
    if (!value) {
      if (required) fail(field, "is required");
      return {};
    }
    if (!value->is_string()) fail(field, "expected a string, got " + std::string(value->type_name()));
    std::string text = value->get<std::string>();
    if (required && text.empty()) fail(field, "must not be empty");
    return text;
  }

  std::vector<std::string> strings(std::string_view field) const {
    const json* value = find(field);
    if (!value) return {};
    if (!value->is_array()) fail(field, "expected an array of strings, got " + std::string(value->type_name()));
    std::vector<std::string> out;
    for (const auto& item : *value) {
      if (!item.is_string() || item.get<std::string>().empty()) {
        fail(field, "expected non-empty strings, got " + item.dump());
      }
      out.push_back(item.get<std::string>());
    }
    return out;
  }

  std::optional<double> number(std::string_view field, double low, double high) const {
    const json* value = find(field);
    if (!value) return std::nullopt;
    if (!value->is_number()) fail(field, "expected a number, got " + std::string(value->type_name()));
    const double n = value->get<double>();
    if (n < low || n > high) {
      fail(field, "must be between " + std::to_string(low) + " and " + std::to_string(high));
    }
    return n;
  }

  void only(std::initializer_list<std::string_view> allowed) const {
    for (const auto& [key, value] : m_object.items()) {
      if (std::find(allowed.begin(), allowed.end(), key) == allowed.end()) {
        std::string list;
        for (const auto& a : allowed) list += (list.empty() ? "" : ", ") + std::string(a);
        throw_input_error(m_where + ": unknown field \"" + key + "\" (known: " + list + ")");
      }
    }
  }

private:
  const json& m_object;
  std::string m_where;
};

bool valid_id(std::string_view id) {
  if (id.empty() || !(std::isalnum(static_cast<unsigned char>(id[0])))) return false;
  return std::all_of(id.begin(), id.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '_' || c == '-';
  });
}

AbsentContext parse_one_absent(const json& value, const std::string& where, const std::string& field) {
  if (!value.is_object()) throw_input_error(where + ": field \"" + field + "\": expected an object or a list of objects");
  FieldReader r(value, where + ": field \"" + field + "\"");
  r.only({"pattern", "before", "after", "scope"});
  AbsentContext absent;
  absent.pattern = r.string("pattern", true);
  absent.before = static_cast<int>(r.number("before", 0, 1000).value_or(0));
  absent.after = static_cast<int>(r.number("after", 0, 1000).value_or(0));
  const std::string scope = r.string("scope", false);
  if (!scope.empty() && scope != "lines" && scope != "file") {
    r.fail("scope", "expected \"lines\" or \"file\", got \"" + scope + "\"");
  }
  absent.whole_file = scope == "file";
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

InsideContext parse_inside(const json& value, const std::string& where) {
  if (!value.is_object()) throw_input_error(where + ": field \"inside\": expected an object");
  FieldReader r(value, where + ": field \"inside\"");
  r.only({"pattern", "skip", "stop", "max_lines", "comprehension"});
  InsideContext inside;
  inside.pattern = r.string("pattern", true);
  inside.skip = r.string("skip", false);
  inside.stop = r.string("stop", false);
  inside.max_lines = static_cast<int>(r.number("max_lines", 1, 100000).value_or(200));
  if (const json* comprehension = r.find("comprehension")) {
    if (!comprehension->is_boolean()) r.fail("comprehension", "expected true or false");
    inside.comprehension = comprehension->get<bool>();
  }
  return inside;
}

Rule parse_rule(const json& object, const std::string& where) {
  if (!object.is_object()) throw_input_error(where + ": expected a rule object, got " + std::string(object.type_name()));
  FieldReader r(object, where);
  r.only({"id", "title", "category", "severity", "pattern", "message", "fix", "help", "cwe", "tags",
          "languages", "paths", "exclude_paths", "keywords", "exclude", "absent", "requires", "inside", "entropy",
          "allow_values", "allow_names"});
  Rule rule;
  rule.id = r.string("id", true);
  if (!valid_id(rule.id)) {
    r.fail("id", "\"" + rule.id + "\" must be lower-case letters, digits, '.', '_' or '-'");
  }
  FieldReader named(object, where + " (\"" + rule.id + "\")");
  rule.title = named.string("title", true);
  rule.category = named.string("category", true);
  const std::string severity = named.string("severity", true);
  const auto parsed = parse_severity(severity);
  if (!parsed) named.fail("severity", "expected info, low, medium, high or critical, got \"" + severity + "\"");
  rule.severity = *parsed;
  rule.pattern = named.string("pattern", true);
  rule.message = named.string("message", true);
  rule.fix = named.string("fix", false);
  rule.help = named.string("help", false);
  rule.cwe = named.strings("cwe");
  for (const auto& cwe : rule.cwe) {
    if (cwe.rfind("CWE-", 0) != 0 || cwe.size() == 4 ||
        !std::all_of(cwe.begin() + 4, cwe.end(), [](char c) { return c >= '0' && c <= '9'; })) {
      named.fail("cwe", "expected ids like \"CWE-95\", got \"" + cwe + "\"");
    }
  }
  rule.tags = named.strings("tags");
  rule.languages = named.strings("languages");
  for (const auto& language : rule.languages) {
    const auto& known = known_languages();
    if (std::find(known.begin(), known.end(), language) == known.end()) {
      std::string list;
      for (const auto& k : known) list += (list.empty() ? "" : ", ") + std::string(k);
      named.fail("languages", "unknown language \"" + language + "\" (known: " + list + ")");
    }
  }
  rule.paths = named.strings("paths");
  rule.exclude_paths = named.strings("exclude_paths");
  rule.keywords = named.strings("keywords");
  rule.exclude = named.string("exclude", false);
  if (const json* absent = named.find("absent")) {
    rule.absent = parse_absent(*absent, where + " (\"" + rule.id + "\")", "absent");
  }
  if (const json* required = named.find("requires")) {
    rule.required = parse_absent(*required, where + " (\"" + rule.id + "\")", "requires");
  }
  rule.entropy = named.number("entropy", 0.0, 8.0);
  if (const json* inside = named.find("inside")) rule.inside = parse_inside(*inside, where + " (\"" + rule.id + "\")");
  rule.allow_values = named.strings("allow_values");
  rule.allow_names = named.strings("allow_names");
  return rule;
}

}  // namespace

std::vector<Rule> parse_rules(const json& document, const std::string& source) {
  const json* list = &document;
  if (document.is_object()) {
    FieldReader(document, source).only({"rules"});
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
    const auto documents = parse_json_documents(builtin_rules_json(), "builtin_rules.json");
    return parse_rules(documents.at(0), "builtin_rules.json");
  }();
  return rules;
}

std::vector<Rule> merge_rules(std::vector<Rule> base, const std::vector<Rule>& extra) {
  for (const auto& rule : extra) {
    const auto same = std::find_if(base.begin(), base.end(), [&](const Rule& r) { return r.id == rule.id; });
    if (same != base.end()) {
      *same = rule;
    } else {
      base.push_back(rule);
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

nlohmann::json to_json(const Rule& rule) {
  json out{{"id", rule.id},         {"title", rule.title},     {"category", rule.category},
           {"severity", to_string(rule.severity)}, {"pattern", rule.pattern},
           {"message", rule.message}, {"cwe", rule.cwe},         {"tags", rule.tags},
           {"languages", rule.languages}, {"paths", rule.paths}, {"exclude_paths", rule.exclude_paths},
           {"keywords", rule.keywords}, {"allow_values", rule.allow_values},
           {"allow_names", rule.allow_names}};
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
  if (rule.inside) {
    out["inside"] = {{"pattern", rule.inside->pattern}, {"max_lines", rule.inside->max_lines}};
    if (!rule.inside->skip.empty()) out["inside"]["skip"] = rule.inside->skip;
    if (!rule.inside->stop.empty()) out["inside"]["stop"] = rule.inside->stop;
    if (rule.inside->comprehension) out["inside"]["comprehension"] = true;
  }
  return out;
}

}  // namespace readygate::scan
