#include "cli.hpp"

#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <iostream>
#include <new>
#include <system_error>

#include "log.hpp"
#include "redact.hpp"
#include "version.hpp"

namespace readygate {

namespace {

// The settings of the running program, so that an error about a setting from the file can
// say where it was set (a copy: the program's own is gone when its error reaches run_main).
std::optional<SettingOrigins> current_origins;

// Stores the program's section of the configuration file under the flags; returns what
// --print-config says about the file.
std::string read_config_file(const std::string& program, const po::options_description& tool_options,
                             po::variables_map& values, SettingOrigins& origins) {
  const bool no_config = values.count("no-config") && values["no-config"].as<bool>();
  std::optional<std::filesystem::path> file;
  if (values.count("config")) {
    if (no_config) throw_input_error("--config and --no-config exclude each other");
    file = values["config"].as<std::string>();
    std::error_code error;
    if (!std::filesystem::is_regular_file(*file, error))
      throw_input_error("--config: cannot read '" + file->string() + "'");
  } else if (no_config) {
    return "none (--no-config)";
  } else {
    file = find_config_file(".");
    if (!file) return "none found";
  }
  po::parsed_options settings = read_config_section(*file, program, tool_options, origins);
  try {
    po::store(settings, values);
  } catch (const po::error_with_option_name& e) {
    std::string name = e.get_option_name();
    name.erase(0, std::min(name.size(), name.find_first_not_of('-')));
    const auto position = origins.in_file.find(name);
    if (position == origins.in_file.end()) throw;
    throw_input_error(position->second + ": " + e.what());
  }
  return file->generic_string();
}

// "--min-severity: …" about a setting the file made: where in the file.
std::string with_origin(const std::string& message) {
  if (!current_origins || message.rfind("--", 0) != 0) return message;
  const std::string name = message.substr(2, message.find_first_of(": =", 2) - 2);
  if (current_origins->from_flag(name)) return message;
  const auto position = current_origins->in_file.find(name);
  return position == current_origins->in_file.end() ? message : message + " (set at " + position->second + ")";
}

}  // namespace

std::optional<po::variables_map> parse_command_line(int argc, const char* const argv[], const ToolSpec& spec,
                                                    const po::options_description& tool_options,
                                                    const po::positional_options_description& positional,
                                                    CommonOptions& common) {
  configure_log(spec.program, Verbosity::normal);
  po::options_description shared("Common options");
  shared.add_options()("help,h", "show this help and exit")("version", "show the version and exit")(
      "output,o", po::value(&common.output)->value_name("FILE"), "write the result to FILE instead of standard output")(
      "pretty", po::bool_switch(&common.pretty), "indent the JSON output")("quiet,q", po::bool_switch(&common.quiet),
                                                                           "print only errors on stderr")(
      "verbose,v", po::bool_switch(&common.verbose), "print debugging detail on stderr")(
      "progress", po::value(&common.progress)->value_name("WHEN"),
      "progress display on stderr: auto (only on a terminal), always, never")(
      "config", po::value(&common.config)->value_name("FILE"),
      "read settings from FILE instead of readygate.toml (found in the working folder or above it, "
      "up to the repository's root)")("no-config", po::bool_switch(&common.no_config), "read no configuration file")(
      "print-config", po::bool_switch(&common.print_config),
      "show the effective settings and where each came from (default, file, flag), then exit");
  if (common.offers_text) {
    shared.add_options()("format", po::value(&common.format)->value_name("FORMAT"),
                         "auto (a report for people on a terminal, the JSON envelope otherwise), text or json");
  }
  po::options_description all;
  all.add(tool_options).add(shared);
  po::options_description hidden;
  hidden.add_options()("help-man", "the help page as roff, for man(1)");
  po::options_description parsed;
  parsed.add(all).add(hidden);

  po::variables_map values;
  try {
    const po::parsed_options flags = po::command_line_parser(argc, argv)
                                         .options(parsed)
                                         .positional(positional)
                                         .style(po::command_line_style::unix_style)
                                         .run();
    po::store(flags, values);
    if (values.count("help")) {
      write_help(std::cout, spec, all);
      return std::nullopt;
    }
    if (values.count("help-man")) {
      write_man_page(std::cout, spec, all);
      return std::nullopt;
    }
    if (values.count("version")) {
      std::cout << spec.program << ' ' << readygate_version << '\n';
      return std::nullopt;
    }
    for (const auto& option : flags.options) common.origins.from_flags.insert(option.string_key);
    const std::string file_status = read_config_file(spec.program, tool_options, values, common.origins);
    po::notify(values);
    if (common.print_config) {
      write_effective_settings(std::cout, spec.program, tool_options, values, common.origins, file_status);
      return std::nullopt;
    }
  } catch (const po::error& e) {
    throw_input_error(std::string(e.what()) + " (see " + spec.program + " --help)");
  }
  current_origins = common.origins;
  if (common.quiet && common.verbose) throw_input_error("--quiet and --verbose exclude each other");
  configure_log(spec.program, common.quiet     ? Verbosity::quiet
                              : common.verbose ? Verbosity::verbose
                                               : Verbosity::normal);
  common.progress_mode();  // validate now, before any work starts
  common.output_format();
  return values;
}

std::vector<std::string> program_arguments(int argc, const char* const argv[]) {
  return redact_arguments(std::vector<std::string>(argv + (argc > 0 ? 1 : 0), argv + argc));
}

namespace {

// Out of memory anywhere (our code, RE2, nlohmann, any thread, a destructor): operator new
// calls this before it would throw. Throwing is not safe everywhere (RE2 is built without
// exceptions, an exception may meet a noexcept destructor), so say so without allocating and
// end with the runtime exit code.
char oom_message[160] = "readygate: error: out of memory\n";
std::size_t oom_length = std::char_traits<char>::length(oom_message);

std::atomic_flag oom_reported = ATOMIC_FLAG_INIT;

[[noreturn]] void out_of_memory() {
  if (!oom_reported.test_and_set()) {  // one message, however many threads run out at once
    ssize_t ignored = ::write(2, oom_message, oom_length);
    (void)ignored;
    std::_Exit(static_cast<int>(ExitCode::runtime));
  }
  while (true) pause();  // the first thread is ending the process
}

}  // namespace

int run_main(const std::string& program, const std::function<ExitCode()>& body) {
  const std::string message = program.substr(0, 100) + ": error: out of memory (exit 3)\n";
  // NOLINTNEXTLINE(bugprone-not-null-terminated-result): written with its length (write(2))
  std::memcpy(oom_message, message.data(), message.size());
  oom_length = message.size();
  std::set_new_handler(&out_of_memory);
  configure_log(program, Verbosity::normal);
  try {
    return static_cast<int>(body());
  } catch (const Error& e) {
    log_error(with_origin(e.what()));
    return static_cast<int>(e.code());
  } catch (const std::bad_alloc&) {
    log_error("out of memory");
    return static_cast<int>(ExitCode::runtime);
  } catch (const std::system_error& e) {
    // Threads that cannot start, a clock or a mutex failing: the system, not the input.
    log_error(std::string("out of resources: ") + e.what());
    return static_cast<int>(ExitCode::runtime);
  } catch (const std::exception& e) {
    log_error(std::string("internal error: ") + e.what());
    return static_cast<int>(ExitCode::runtime);
  }
}

}  // namespace readygate
