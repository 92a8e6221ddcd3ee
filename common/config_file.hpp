#pragma once
// readygate.toml: the repository's settings for every program (docs/CONFIG.md). Each program
// reads its own section ([scan], [bench], …) whose keys are its long option names, so the file
// and the command line are one set of settings: a flag wins over the file, except for the
// options declared composing (exclude, disable, …), whose entries from both are kept.
#include <boost/program_options.hpp>
#include <filesystem>
#include <map>
#include <optional>
#include <ostream>
#include <set>
#include <string>

namespace readygate {

inline constexpr const char* config_file_names[] = {"readygate.toml", ".readygate.toml"};

// Where each setting came from, for --print-config and for error messages.
struct SettingOrigins {
  std::optional<std::filesystem::path> file;         // the configuration file read, if any
  std::map<std::string, std::string> in_file;        // option -> "readygate.toml:3:1"
  std::set<std::string> from_flags;                  // options given on the command line
  std::map<std::string, std::string> inline_tables;  // FILE option given as a table -> its JSON

  bool from_file(const std::string& option) const { return in_file.count(option) > 0; }
  bool from_flag(const std::string& option) const { return from_flags.count(option) > 0; }
};

// The configuration file that applies in `start`: readygate.toml or .readygate.toml in `start`
// or a folder above it, up to the git work tree's root (the folder holding .git); outside a
// work tree only `start` itself. Throws Error (exit 2) when one folder holds both names.
std::optional<std::filesystem::path> find_config_file(const std::filesystem::path& start);

// The section of `program` ("ready-scan" reads [scan]) in `file`, as options of `options`.
// Relative paths in FILE, DIR and PATH options are relative to the file's folder. Records
// where each came from in `origins`. Throws Error (exit 2), "file:line:column: …", on a TOML
// syntax error, an unknown section or key (listing the known ones) or a value of the wrong type.
boost::program_options::parsed_options read_config_section(const std::filesystem::path& file,
                                                           const std::string& program,
                                                           const boost::program_options::options_description& options,
                                                           SettingOrigins& origins);

// The section name of a program: "ready-scan" -> "scan".
std::string config_section_of(const std::string& program);

}  // namespace readygate

namespace readygate {

// --print-config: every option of `options` with its effective value and where it came from
// (default, the file's line, flag), as TOML a configuration file could take. Secrets redacted.
void write_effective_settings(std::ostream& out, const std::string& program,
                              const boost::program_options::options_description& options,
                              const boost::program_options::variables_map& values, const SettingOrigins& origins,
                              const std::string& file_status);

}  // namespace readygate
