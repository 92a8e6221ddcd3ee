#pragma once
// One line that says what a check measured: "p95: 10.3 ms < 100 ms (pass)".
#include <string>

#include "common/envelope_model.hpp"

namespace readygate::report {

// "10.3", "0.1", "1200": a number as people write it (no trailing zeros).
std::string format_number(double value);

// The check's message, and its value against its limit when it has them.
std::string describe_check(const Check& check);

}  // namespace readygate::report
