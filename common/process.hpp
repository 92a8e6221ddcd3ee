#pragma once
// Running a helper program (git) without a shell: arguments are passed as they are, so a ref
// or a path can never be interpreted as shell syntax.
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace readygate {

struct ProcessResult {
  int exit_code = -1;  // 127 when the program could not be started
  std::string out;     // everything it wrote to stdout
  std::string err;     // everything it wrote to stderr
};

// Runs argv[0] (looked up in PATH) with stdin from /dev/null and waits for it.
ProcessResult run_process(const std::vector<std::string>& argv);

// The same, handing stdout to `on_output` in chunks as it arrives instead of keeping it
// (for outputs as large as a big repository's file list). ProcessResult::out stays empty.
ProcessResult run_process(const std::vector<std::string>& argv, const std::function<void(std::string_view)>& on_output);

}  // namespace readygate
