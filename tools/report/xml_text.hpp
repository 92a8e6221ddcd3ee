#pragma once
// Text that XML 1.0 can hold: valid UTF-8, with the control characters XML forbids replaced
// and the non-characters U+FFFE and U+FFFF replaced by U+FFFD. (pugixml escapes markup
// characters itself, but writes control bytes as they are.)
#include <string>
#include <string_view>

namespace readygate::report {

std::string xml_safe(std::string_view text);

}  // namespace readygate::report
