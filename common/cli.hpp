#pragma once
// The command-line conventions every readygate program shares (DESIGN.md, "Common conventions"):
// --help, --version, -o/--output, --format, --pretty, -q/--quiet, -v/--verbose, --progress, and the one
// place where errors become exit codes.
#include <boost/program_options.hpp>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "config_file.hpp"
#include "error.hpp"
#include "help.hpp"
#include "progress.hpp"
#include "text_style.hpp"

namespace readygate {

namespace po = boost::program_options;

struct CommonOptions {
  std::string output = "-";
  bool pretty = false;
  bool quiet = false;
  bool verbose = false;
  std::string progress = "auto";
  bool offers_text = false;     // set before parsing by a program with a report for people
  std::string format = "auto";  // --format auto|text|json (text_style.hpp), when offers_text
  std::string config;           // --config FILE
  bool no_config = false;       // --no-config
  bool print_config = false;
  SettingOrigins origins;  // where each of the program's settings came from

  ProgressMode progress_mode() const { return parse_progress_mode(progress); }
  OutputFormat output_format() const {
    return offers_text ? resolve_output_format(format, output, pretty) : OutputFormat::envelope;
  }
};

// Parses argv against `tool_options` plus the common options, then the program's section of
// readygate.toml (config_file.hpp) under them, and configures logging.
// Returns nothing when --help, --help-man (the page as roff), --version or --print-config was
// printed (the program then exits 0).
// Throws Error (exit 2) for unknown flags, missing values and malformed values.
std::optional<po::variables_map> parse_command_line(int argc, const char* const argv[], const ToolSpec& spec,
                                                    const po::options_description& tool_options,
                                                    const po::positional_options_description& positional,
                                                    CommonOptions& common);

// argv[1..] with credentials redacted, for the envelope's run.args.
std::vector<std::string> program_arguments(int argc, const char* const argv[]);

// The one catch site: runs `body` and turns what it throws into "program: error: …" on stderr
// and the exit code of DESIGN.md.
int run_main(const std::string& program, const std::function<ExitCode()>& body);

}  // namespace readygate
