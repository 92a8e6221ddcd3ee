#include "cli.hpp"

#include <iostream>
#include <new>

#include "log.hpp"
#include "redact.hpp"
#include "version.hpp"

namespace readygate {

std::optional<po::variables_map> parse_command_line(
    int argc, const char* const argv[], const ToolSpec& spec,
    const po::options_description& tool_options,
    const po::positional_options_description& positional, CommonOptions& common) {
  configure_log(spec.program, Verbosity::normal);
  po::options_description shared("Common options");
  shared.add_options()
      ("help,h", "show this help and exit")
      ("version", "show the version and exit")
      ("output,o", po::value(&common.output)->value_name("FILE"),
       "write the JSON result to FILE instead of standard output")
      ("pretty", po::bool_switch(&common.pretty), "indent the JSON output")
      ("quiet,q", po::bool_switch(&common.quiet), "print only errors on stderr")
      ("verbose,v", po::bool_switch(&common.verbose), "print debugging detail on stderr")
      ("progress", po::value(&common.progress)->value_name("WHEN"),
       "progress display on stderr: auto (only on a terminal), always, never");
  po::options_description all;
  all.add(tool_options).add(shared);
  po::options_description hidden;
  hidden.add_options()("help-man", "the help page as roff, for man(1)");
  po::options_description parsed;
  parsed.add(all).add(hidden);

  po::variables_map values;
  try {
    po::store(po::command_line_parser(argc, argv)
                  .options(parsed)
                  .positional(positional)
                  .style(po::command_line_style::unix_style)
                  .run(),
              values);
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
    po::notify(values);
  } catch (const po::error& e) {
    throw_input_error(std::string(e.what()) + " (see " + spec.program + " --help)");
  }
  if (common.quiet && common.verbose) throw_input_error("--quiet and --verbose exclude each other");
  configure_log(spec.program, common.quiet     ? Verbosity::quiet
                              : common.verbose ? Verbosity::verbose
                                               : Verbosity::normal);
  common.progress_mode();  // validate now, before any work starts
  return values;
}

std::vector<std::string> program_arguments(int argc, const char* const argv[]) {
  return redact_arguments(std::vector<std::string>(argv + (argc > 0 ? 1 : 0), argv + argc));
}

int run_main(const std::string& program, const std::function<ExitCode()>& body) {
  configure_log(program, Verbosity::normal);
  try {
    return static_cast<int>(body());
  } catch (const Error& e) {
    log_error(e.what());
    return static_cast<int>(e.code());
  } catch (const std::bad_alloc&) {
    log_error("out of memory");
    return static_cast<int>(ExitCode::runtime);
  } catch (const std::exception& e) {
    log_error(std::string("internal error: ") + e.what());
    return static_cast<int>(ExitCode::runtime);
  }
}

}  // namespace readygate
