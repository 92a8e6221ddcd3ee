#include "compiled_rule.hpp"

#include <algorithm>
#include <cctype>

#include "call_sites.hpp"
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
  if (!rule.pattern.empty()) pattern = compile(rule, "pattern", rule.pattern);
  const auto optional = [&](const char* field, const std::string& text) {
    return text.empty() ? nullptr : compile(rule, field, text);
  };
  body_absent = optional("body_absent", rule.body_absent);
  arguments_match = optional("arguments.match", rule.arguments.match);
  arguments_absent = optional("arguments.absent", rule.arguments.absent);
  first_argument_match = optional("arguments.first_match", rule.arguments.first_match);
  if (!rule.exclude.empty()) exclude = compile(rule, "exclude", rule.exclude);
  for (const auto& context : rule.absent) absent.push_back(compile(rule, "absent.pattern", context.pattern));
  for (const auto& context : rule.required) required.push_back(compile(rule, "requires.pattern", context.pattern));
  const auto block = [&](const std::optional<InsideContext>& spec, const std::string& field) {
    std::optional<CompiledBlock> out;
    if (!spec) return out;
    out.emplace();
    out->spec = &*spec;
    out->header = compile(rule, field + ".pattern", spec->pattern);
    if (!spec->skip.empty()) out->skip = compile(rule, field + ".skip", spec->skip);
    if (!spec->stop.empty()) out->stop = compile(rule, field + ".stop", spec->stop);
    return out;
  };
  inside = block(rule.inside, "inside");
  not_inside = block(rule.not_inside, "not_inside");
  for (const auto& value : rule.allow_values) allow_values.push_back(compile(rule, "allow_values", value));
  for (const auto& value : rule.allow_names) allow_names.push_back(compile(rule, "allow_names", value));
  if (rule.in_tests && !rule.in_tests->when.empty())
    in_tests_when = compile(rule, "in_tests.when", rule.in_tests->when);
  if (pattern) {
    secret_group = group_index(*pattern, "secret");
    name_group = group_index(*pattern, "name");
    for (const auto& [name, index] : pattern->NamedCapturingGroups()) {
      if (name.rfind("loc", 0) == 0) location_groups.push_back(index);
    }
    std::sort(location_groups.begin(), location_groups.end());
    group_count = pattern->NumberOfCapturingGroups() + 1;
  }
  for (const auto& call : rule.calls) {
    if (call.size() > 1 && call.back() == '*' && call[call.size() - 2] == '.') {
      call_prefixes.push_back(call.substr(0, call.size() - 1));  // "child_process."
    } else {
      call_names.insert(call);
    }
  }
  if (!rule.allow_names.empty() && name_group < 0) {
    throw_input_error("rule \"" + rule.id + "\": field \"allow_names\" needs a (?P<name>…) group in the pattern");
  }
  if (rule.entropy && secret_group < 0) {
    throw_input_error("rule \"" + rule.id + "\": field \"entropy\" needs a (?P<secret>…) group in the pattern");
  }
}

BlockContext CompiledBlock::context() const {
  BlockContext context;
  context.header = header.get();
  context.skip = skip.get();
  context.stop = stop.get();
  context.max_lines = static_cast<std::size_t>(spec->max_lines);
  context.comprehension = spec->comprehension;
  return context;
}

bool CompiledRule::names_call(const std::string& resolved) const {
  if (call_names.count(resolved)) return true;
  return std::any_of(call_prefixes.begin(), call_prefixes.end(), [&](const std::string& prefix) {
    return resolved.size() > prefix.size() && resolved.compare(0, prefix.size(), prefix) == 0 &&
           resolved.find('.', prefix.size()) == std::string::npos;
  });
}

bool CompiledRule::name_is_reportable(std::string_view name) const {
  const re2::StringPiece piece(name.data(), name.size());
  return std::none_of(allow_names.begin(), allow_names.end(),
                      [&](const auto& allow) { return RE2::FullMatch(piece, *allow); });
}

bool CompiledRule::is_allowed_value(std::string_view secret) const {
  const re2::StringPiece piece(secret.data(), secret.size());
  return std::any_of(allow_values.begin(), allow_values.end(),
                     [&](const auto& allow) { return RE2::FullMatch(piece, *allow); });
}

bool CompiledRule::secret_is_credible(std::string_view secret) const {
  if (is_placeholder(secret) || is_allowed_value(secret)) return false;
  return !rule.entropy || shannon_entropy(secret) >= *rule.entropy;
}

}  // namespace readygate::scan
