#include "config_file.hpp"

#define TOML_HEADER_ONLY 1
#define TOML_ENABLE_FORMATTERS 1
#include <toml++/toml.h>

#include <algorithm>
#include <nlohmann/json.hpp>
#include <sstream>
#include <system_error>

#include "error.hpp"
#include "json_stream.hpp"
#include "redact.hpp"

namespace readygate {

namespace fs = std::filesystem;
namespace po = boost::program_options;

namespace {

constexpr const char* known_sections[] = {"scan", "bench", "healthcheck", "score", "report"};

// What an option takes, as far as the file is concerned.
enum class Kind { on_off, boolean, text, list, number };

Kind kind_of(const po::option_description& option) {
  const po::value_semantic* semantic = option.semantic().get();
  if (const auto* flag = dynamic_cast<const po::typed_value<bool>*>(semantic)) {
    return flag->max_tokens() == 0 ? Kind::on_off : Kind::boolean;
  }
  if (dynamic_cast<const po::typed_value<std::vector<std::string>>*>(semantic)) return Kind::list;
  if (dynamic_cast<const po::typed_value<std::string>*>(semantic)) return Kind::text;
  if (semantic->max_tokens() == 0) return Kind::on_off;
  return Kind::number;
}

// The option's value name as --help shows it ("FILE", "ROLE=GLOB"), without a default.
std::string value_name(const po::option_description& option) {
  const std::string name = option.semantic()->name();
  return name.substr(0, name.find(' '));
}

bool is_path(const po::option_description& option) {
  const std::string name = value_name(option);
  return name == "FILE" || name == "DIR" || name == "PATH";
}

std::string where(const std::string& file, const toml::source_region& region) {
  return file + ":" + std::to_string(region.begin.line) + ":" + std::to_string(region.begin.column);
}

[[noreturn]] void fail_at(const std::string& file, const toml::source_region& region, const std::string& message) {
  throw_input_error(where(file, region) + ": " + message);
}

std::string type_name(const toml::node& node) {
  switch (node.type()) {
    case toml::node_type::table:
      return "a table";
    case toml::node_type::array:
      return "an array";
    case toml::node_type::string:
      return "a string";
    case toml::node_type::integer:
      return "an integer";
    case toml::node_type::floating_point:
      return "a number";
    case toml::node_type::boolean:
      return "a boolean";
    default:
      return "a date or time";
  }
}

std::string joined(const std::vector<std::string>& words) {
  std::string text;
  for (const auto& word : words) text += (text.empty() ? "" : ", ") + word;
  return text;
}

// A scalar as the text a flag would carry; nothing for tables, arrays and dates.
std::optional<std::string> scalar_text(const toml::node& node) {
  if (const auto* text = node.as_string()) return text->get();
  if (const auto* number = node.as_integer()) return std::to_string(number->get());
  if (const auto* number = node.as_floating_point()) {
    std::ostringstream out;
    out.precision(17);
    out << number->get();
    return out.str();
  }
  return std::nullopt;
}

struct SectionReader {
  std::string file;  // as shown in messages
  fs::path folder;   // where relative paths start
  const po::options_description& options;
  std::string section;

  const po::option_description* find(const std::string& key) const {
    if (const auto* option = options.find_nothrow(key, false, false, false)) return option;
    // A list reads as a plural too: paths = [...] for --path, roles for --role.
    if (key.size() > 1 && key.back() == 's') {
      const auto* option = options.find_nothrow(key.substr(0, key.size() - 1), false, false, false);
      if (option && kind_of(*option) == Kind::list) return option;
    }
    return nullptr;
  }

  [[noreturn]] void unknown_key(const toml::key& key) const {
    std::vector<std::string> names;
    for (const auto& option : options.options()) names.push_back(option->long_name());
    fail_at(file, key.source(),
            "unknown key '" + std::string(key.str()) + "' in [" + section + "]; known keys: " + joined(names));
  }

  std::string resolved(const po::option_description& option, const std::string& value) const {
    if (!is_path(option) || value.empty() || value == "-" || fs::path(value).is_absolute() ||
        value.find("://") != std::string::npos) {
      return value;
    }
    std::error_code error;
    const fs::path here = fs::current_path(error);
    if (error) return (folder / value).lexically_normal().generic_string();
    const fs::path target = (fs::absolute(folder, error) / value).lexically_normal();
    return target.lexically_proximate(here).generic_string();
  }

  // A string; for a single-valued option a number too (max-file-size = 5000000).
  std::string text(const po::option_description& option, const toml::node& node, bool numbers = false) const {
    const auto value = node.is_string() || numbers ? scalar_text(node) : std::nullopt;
    if (!value) {
      fail_at(file, node.source(),
              "[" + section + "] " + option.long_name() + ": expected a string, got " + type_name(node));
    }
    return resolved(option, *value);
  }

  std::vector<std::string> list(const po::option_description& option, const toml::node& node) const {
    std::vector<std::string> values;
    if (const auto* array = node.as_array()) {
      for (const auto& element : *array) values.push_back(text(option, element));
    } else if (const auto* table = node.as_table(); table && value_name(option).find('=') != std::string::npos) {
      // role = {test = ["spec/**"]} for --role test=spec/**; check = {api = "http://…"}.
      for (const auto& [key, element] : *table) {
        const std::string prefix = std::string(key.str()) + "=";
        if (const auto* entries = element.as_array()) {
          for (const auto& item : *entries) values.push_back(prefix + text(option, item));
        } else {
          values.push_back(prefix + text(option, element));
        }
      }
    } else if (node.is_table()) {
      fail_at(file, node.source(),
              "[" + section + "] " + option.long_name() + ": expected an array of strings, got a table");
    } else {
      values.push_back(text(option, node));
    }
    return values;
  }

  // One key of the section as the option a flag would give, or nothing (a false on/off flag).
  std::optional<po::option> option_for(const po::option_description& option, const toml::node& node,
                                       SettingOrigins& origins) const {
    const std::string& name = option.long_name();
    const auto wrong = [&](const std::string& expected) {
      fail_at(file, node.source(), "[" + section + "] " + name + ": expected " + expected + ", got " + type_name(node));
    };
    po::option parsed;
    parsed.string_key = name;
    parsed.original_tokens = {"--" + name};
    switch (kind_of(option)) {
      case Kind::on_off:
        if (!node.is_boolean()) wrong("true or false");
        if (!node.as_boolean()->get()) return std::nullopt;
        break;
      case Kind::boolean:
        if (!node.is_boolean()) wrong("true or false");
        parsed.value = {node.as_boolean()->get() ? "true" : "false"};
        break;
      case Kind::number:
        if (!node.is_integer() && !node.is_floating_point()) wrong("a number");
        parsed.value = {*scalar_text(node)};
        break;
      case Kind::text:
        if (const auto* table = node.as_table(); table && value_name(option) == "FILE") {
          // An inline document instead of a file: [score.policy] for --policy FILE.
          std::ostringstream json;
          json << toml::json_formatter{*table};
          origins.inline_tables[name] = json.str();
          return std::nullopt;
        }
        parsed.value = {text(option, node, true)};
        break;
      case Kind::list:
        parsed.value = list(option, node);
        break;
    }
    return parsed;
  }
};

}  // namespace

std::string config_section_of(const std::string& program) {
  const std::string prefix = "ready-";
  return program.rfind(prefix, 0) == 0 ? program.substr(prefix.size()) : program;
}

std::optional<fs::path> find_config_file(const fs::path& start) {
  std::error_code error;
  fs::path folder = fs::canonical(start, error);
  if (error) return std::nullopt;
  fs::path shown = start;  // relative to start as the user sees it
  const auto in = [&](const fs::path& dir) -> std::optional<fs::path> {
    std::optional<fs::path> found;
    for (const char* name : config_file_names) {
      if (!fs::is_regular_file(dir / name, error)) continue;
      if (found) {
        throw_input_error((shown / name).lexically_normal().generic_string() + " and " + found->generic_string() +
                          ": two configuration files in one folder; keep one");
      }
      found = (shown / name).lexically_normal();
    }
    return found;
  };
  // Only look upward inside a git work tree: a readygate.toml in a parent folder that is not
  // part of the repository belongs to someone else.
  bool in_work_tree = false;
  for (fs::path dir = folder; !dir.empty(); dir = dir.parent_path()) {
    if (fs::exists(dir / ".git", error)) {
      in_work_tree = true;
      break;
    }
    if (dir == dir.parent_path()) break;
  }
  while (true) {
    if (auto found = in(folder)) return found;
    if (!in_work_tree || fs::exists(folder / ".git", error) || folder == folder.parent_path()) return std::nullopt;
    folder = folder.parent_path();
    shown /= "..";
  }
}

po::parsed_options read_config_section(const fs::path& file, const std::string& program,
                                       const po::options_description& options, SettingOrigins& origins) {
  std::string shown = file.lexically_normal().generic_string();
  if (shown.rfind("./", 0) == 0) shown = shown.substr(2);
  const std::string text = read_input(file.string());
  toml::table document;
  try {
    document = toml::parse(text, shown);
  } catch (const toml::parse_error& e) {
    fail_at(shown, e.source(), std::string(e.description()));
  }
  origins.file = file;

  const std::string section = config_section_of(program);
  std::vector<std::string> sections(std::begin(known_sections), std::end(known_sections));
  po::parsed_options parsed(&options);
  for (const auto& [key, node] : document) {
    const std::string name(key.str());
    if (std::find(sections.begin(), sections.end(), name) == sections.end()) {
      fail_at(shown, key.source(),
              node.is_table() ? "unknown section [" + name + "]; known sections: " + joined(sections)
                              : "key '" + name + "' is outside a section; settings go in one of " + joined(sections));
    }
    if (!node.is_table()) fail_at(shown, node.source(), "[" + name + "] must be a table, got " + type_name(node));
    if (name != section) continue;
    const SectionReader reader{shown, file.has_parent_path() ? file.parent_path() : fs::path("."), options, section};
    for (const auto& [setting, value] : *node.as_table()) {
      const po::option_description* option = reader.find(std::string(setting.str()));
      if (!option) reader.unknown_key(setting);
      if (origins.from_file(option->long_name())) {
        fail_at(shown, setting.source(), "[" + section + "] " + option->long_name() + " is set twice");
      }
      origins.in_file[option->long_name()] = where(shown, setting.source());
      if (auto parsed_option = reader.option_for(*option, value, origins)) parsed.options.push_back(*parsed_option);
    }
  }
  return parsed;
}

namespace {

// A value of the variables map as TOML; nothing for a type no option uses.
std::optional<std::string> toml_text(const std::string& option, const boost::any& value) {
  const auto quoted = [&](const std::string& text) {
    std::string shown = redact_url_credentials(text);
    if (option == "header") shown = redact_header(shown);
    if (option == "body") shown = "****";
    return nlohmann::json(shown).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  };
  if (const auto* text = boost::any_cast<std::string>(&value)) return quoted(*text);
  if (const auto* list = boost::any_cast<std::vector<std::string>>(&value)) {
    std::string text = "[";
    for (const auto& element : *list) text += (text.size() > 1 ? ", " : "") + quoted(element);
    return text + "]";
  }
  if (const auto* flag = boost::any_cast<bool>(&value)) return std::string(*flag ? "true" : "false");
  if (const auto* number = boost::any_cast<int>(&value)) return std::to_string(*number);
  if (const auto* number = boost::any_cast<unsigned>(&value)) return std::to_string(*number);
  if (const auto* number = boost::any_cast<long>(&value)) return std::to_string(*number);
  if (const auto* number = boost::any_cast<unsigned long>(&value)) return std::to_string(*number);
  if (const auto* number = boost::any_cast<long long>(&value)) return std::to_string(*number);
  if (const auto* number = boost::any_cast<unsigned long long>(&value)) return std::to_string(*number);
  if (const auto* number = boost::any_cast<double>(&value)) {
    std::ostringstream out;
    out.precision(17);
    out << *number;
    return out.str();
  }
  return std::nullopt;
}

}  // namespace

void write_effective_settings(std::ostream& out, const std::string& program, const po::options_description& options,
                              const po::variables_map& values, const SettingOrigins& origins,
                              const std::string& file_status) {
  out << "# " << program << ": effective settings; configuration file: " << file_status << "\n";
  out << "[" << config_section_of(program) << "]\n";
  for (const auto& option : options.options()) {
    const std::string& name = option->long_name();
    std::string source;
    const auto file_position = origins.in_file.find(name);
    if (file_position != origins.in_file.end()) source = file_position->second;
    if (origins.inline_tables.count(name)) source += " (an inline table)";
    if (origins.from_flag(name)) {
      source = source.empty()                       ? "flag"
               : option->semantic()->is_composing() ? source + " + flag"
                                                    : "flag, over " + source;
    }
    const auto entry = values.find(name);
    std::optional<std::string> shown;
    if (entry != values.end() && !entry->second.empty()) {
      shown = toml_text(name, entry->second.value());
      if (source.empty() && entry->second.defaulted()) source = "default";
    }
    if (origins.inline_tables.count(name) && !origins.from_flag(name)) {
      out << "# " << name << ": the table at " << file_position->second << "\n";
    } else if (shown) {
      out << name << " = " << *shown << "  # " << (source.empty() ? "default" : source) << "\n";
    } else {
      out << "# " << name << ": not set" << (source.empty() ? "" : " (" + source + ")") << "\n";
    }
  }
}

}  // namespace readygate
