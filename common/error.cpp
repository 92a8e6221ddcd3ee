#include "error.hpp"

namespace readygate {

void throw_input_error(const std::string& message) { throw Error(ExitCode::usage, message); }

void throw_runtime_error(const std::string& message) { throw Error(ExitCode::runtime, message); }

}  // namespace readygate
