#include "compiled_rule.hpp"

#include <algorithm>
#include <cctype>

#include "common/error.hpp"
#include "secret_value.hpp"

namespace readygate::scan {
namespace {

std::unique_ptr<RE2> compile(const Rule& rule, std::string_view field, const std::string& pattern) {
  auto regex = std::make_unique<RE2>(multiline(pattern), rule_regex_options());
  if (!regex->ok()) {
    throw_input_error("rule \"" + rule.id + "\": field \"" + std::string(field) +
                      "\": invalid regular expression: " + regex->error());
  }
  return regex;
}

int group_index(const RE2& regex, const std::string& name) {
  const auto& groups = regex.NamedCapturingGroups();
  const auto it = groups.find(name);
  return it == groups.end() ? -1 : it->second;
}

}  // namespace

RE2::Options rule_regex_options() {
  RE2::Options options;
  options.set_log_errors(false);
  options.set_max_mem(64 << 20);
  return options;
}

std::string multiline(const std::string& pattern) { return "(?m)" + pattern; }

CompiledRule::CompiledRule(const Rule& r) : rule(r) {
  pattern = compile(rule, "pattern", rule.pattern);
  if (!rule.exclude.empty()) exclude = compile(rule, "exclude", rule.exclude);
  if (rule.absent) absent = compile(rule, "absent.pattern", rule.absent->pattern);
  for (const auto& value : rule.allow_values) allow_values.push_back(compile(rule, "allow_values", value));
  secret_group = group_index(*pattern, "secret");
  location_group = group_index(*pattern, "loc");
  group_count = pattern->NumberOfCapturingGroups() + 1;
  if (rule.entropy && secret_group < 0) {
    throw_input_error("rule \"" + rule.id +
                      "\": field \"entropy\" needs a (?P<secret>…) group in the pattern");
  }
}

bool CompiledRule::secret_is_credible(std::string_view secret) const {
  if (is_placeholder(secret)) return false;
  const re2::StringPiece piece(secret.data(), secret.size());
  if (std::any_of(allow_values.begin(), allow_values.end(),
                  [&](const auto& allow) { return RE2::FullMatch(piece, *allow); })) {
    return false;
  }
  return !rule.entropy || shannon_entropy(secret) >= *rule.entropy;
}

}  // namespace readygate::scan
