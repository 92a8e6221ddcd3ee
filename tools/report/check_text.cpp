#include "check_text.hpp"

#include <cstdio>

namespace readygate::report {

std::string format_number(double value) {
  char text[64];
  std::snprintf(text, sizeof text, "%.3f", value);
  std::string s = text;
  while (!s.empty() && s.back() == '0') s.pop_back();
  if (!s.empty() && s.back() == '.') s.pop_back();
  return s == "-0" ? "0" : s;
}

std::string describe_check(const Check& check) {
  std::string text = check.message.empty() ? check.title : check.message;
  if (check.value && check.limit) {
    const std::string unit = check.unit.empty() ? "" : " " + check.unit;
    const std::string measured = "value " + format_number(*check.value) + unit + ", limit " +
                                 (check.op.empty() ? "" : check.op + " ") + format_number(*check.limit) + unit;
    text += text.empty() ? measured : " (" + measured + ")";
  }
  return text;
}

}  // namespace readygate::report
