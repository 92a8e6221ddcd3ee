#pragma once
// Numbers as people write them in messages and reports: "10.3", "0.1", "1200" — at most three
// decimals, no trailing zeros.
#include <string>

namespace readygate {

std::string format_number(double value);

}  // namespace readygate
