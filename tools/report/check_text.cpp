#include "check_text.hpp"

namespace readygate::report {

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
