#include "xml_text.hpp"

#include "common/utf8.hpp"

namespace readygate::report {

std::string xml_safe(std::string_view text) {
  const std::string valid = repair_utf8(text);
  std::string clean;
  clean.reserve(valid.size());
  for (std::size_t i = 0; i < valid.size(); ++i) {
    const auto byte = static_cast<unsigned char>(valid[i]);
    // XML 1.0 allows tab, LF, CR, U+0020–U+D7FF, U+E000–U+FFFD and above U+FFFF: the C0
    // controls and the non-characters U+FFFE (EF BF BE) and U+FFFF (EF BF BF) must go.
    const bool control = byte < 0x20 && byte != '\t' && byte != '\n' && byte != '\r';
    const bool nonchar =
        byte == 0xEF && i + 2 < valid.size() && static_cast<unsigned char>(valid[i + 1]) == 0xBF &&
        (static_cast<unsigned char>(valid[i + 2]) == 0xBE || static_cast<unsigned char>(valid[i + 2]) == 0xBF);
    if (control || nonchar) {
      clean += "\xEF\xBF\xBD";
      if (nonchar) i += 2;
    } else {
      clean += valid[i];
    }
  }
  return clean;
}

}  // namespace readygate::report
