#include "xml_text.hpp"

#include "common/utf8.hpp"

namespace readygate::report {

std::string xml_safe(std::string_view text) {
  std::string out = repair_utf8(text);
  std::string clean;
  clean.reserve(out.size());
  for (const char c : out) {
    const auto byte = static_cast<unsigned char>(c);
    if (byte < 0x20 && byte != '\t' && byte != '\n' && byte != '\r') {
      clean += "\xEF\xBF\xBD";
    } else {
      clean += c;
    }
  }
  return clean;
}

}  // namespace readygate::report
