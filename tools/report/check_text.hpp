#pragma once
// One line that says what a check measured: "p95: 10.3 ms < 100 ms (pass)".
#include <string>

#include "common/envelope_model.hpp"
#include "common/number_format.hpp"

namespace readygate::report {

// The check's message, and its value against its limit when it has them.
std::string describe_check(const Check& check);

}  // namespace readygate::report
