#pragma once
// A program's manual, written once (ToolSpec) and rendered two ways: --help as a man-style
// page on the terminal, and --help-man as roff for the man pages the .deb installs.
#include <boost/program_options/options_description.hpp>
#include <ostream>
#include <string>
#include <utility>
#include <vector>

namespace readygate {

struct ToolSpec {
  std::string program;                                        // "ready-scan"
  std::string summary;                                        // NAME line: "find hard-coded secrets, …"
  std::string usage;                                          // SYNOPSIS: "ready-scan [PATH...] [OPTIONS]"
  std::string description;                                    // DESCRIPTION; paragraphs separated by "\n\n"
  std::vector<std::pair<int, std::string>> exit_status;       // code, meaning
  std::vector<std::pair<std::string, std::string>> examples;  // command, what it does
};

// The man-style help page, wrapped to `width` columns.
void write_help(std::ostream& out, const ToolSpec& spec, const boost::program_options::options_description& options,
                unsigned width = 80);

// The same page as roff (man(7)), section 1.
void write_man_page(std::ostream& out, const ToolSpec& spec,
                    const boost::program_options::options_description& options);

// Words of `text` filled into lines of at most `width` columns, each starting with `indent`.
std::string wrap(const std::string& text, unsigned width, const std::string& indent);

}  // namespace readygate
