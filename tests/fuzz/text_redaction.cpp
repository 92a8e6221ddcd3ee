// text_redaction: the UTF-8 helpers, the redactors and XML text, with the properties their
// headers promise:
//   repair_utf8 gives valid UTF-8, and leaves valid UTF-8 as it is;
//   truncate_utf8 gives a prefix of at most max_bytes that cuts no sequence of valid text;
//   redact_header leaves no byte of a header's value;
//   redact_arguments keeps one argument per argument;
//   xml_safe gives valid UTF-8 with no C0 control but tab, LF and CR, and no U+FFFE/U+FFFF.
#include <string>
#include <vector>

#include "common/redact.hpp"
#include "common/utf8.hpp"
#include "fuzz_support.hpp"
#include "xml_text.hpp"

using namespace readygate;

namespace {

bool xml_chars_allowed(std::string_view text) {
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto byte = static_cast<unsigned char>(text[i]);
    if (byte < 0x20 && byte != '\t' && byte != '\n' && byte != '\r') return false;
    if (text.substr(i, 3) == "\xEF\xBF\xBE" || text.substr(i, 3) == "\xEF\xBF\xBF") return false;
  }
  return true;
}

// Every "scheme://" in `text` whose authority holds an '@' has nothing, "****" or "****:****"
// before it: what redact_url_credentials promises for every URL in the text.
bool userinfo_hidden(std::string_view text) {
  for (std::size_t scheme = text.find("://"); scheme != std::string_view::npos; scheme = text.find("://", scheme + 1)) {
    const std::string_view rest = text.substr(scheme + 3);
    const std::string_view authority = rest.substr(0, rest.find_first_of(" \t\r\n\"'<>`/?#"));
    const std::size_t at = authority.rfind('@');
    if (at == std::string_view::npos) continue;
    const std::string_view userinfo = authority.substr(0, at);
    if (!userinfo.empty() && userinfo != "****" && userinfo != "****:****") return false;
  }
  return true;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text = fuzz::text_of(data, size);

  const bool valid = is_valid_utf8(text);
  const std::string repaired = repair_utf8(text);
  FUZZ_CHECK(is_valid_utf8(repaired));
  FUZZ_CHECK(!valid || repaired == text);
  FUZZ_CHECK(count_code_points(text) <= text.size());
  FUZZ_CHECK(count_code_points(repaired) == count_code_points(text));
  const std::size_t max_bytes = size > 0 ? data[0] % 64 : 0;
  const std::string_view cut = truncate_utf8(repaired, max_bytes);
  FUZZ_CHECK(cut.size() <= max_bytes || cut.size() == repaired.size());
  FUZZ_CHECK(repaired.compare(0, cut.size(), cut) == 0);
  FUZZ_CHECK(is_valid_utf8(cut));

  const std::string secret = redact_secret(text);
  FUZZ_CHECK(secret.size() >= 4 && secret.compare(secret.size() - 4, 4, "****") == 0);

  const std::string url_redacted = redact_url_credentials(text);
  const std::string header = redact_header(text);
  FUZZ_CHECK(header.size() >= 4 && header.compare(header.size() - 4, 4, "****") == 0);
  if (const std::size_t colon = text.find(':'); colon != std::string_view::npos) {
    // Everything after the name and the blanks after its colon is the value: none of it stays.
    std::size_t value = colon + 1;
    while (value < text.size() && (text[value] == ' ' || text[value] == '\t')) ++value;
    FUZZ_CHECK(header == redact_url_credentials(text.substr(0, value)) + "****");
  } else {
    FUZZ_CHECK(header == "****");
  }

  std::vector<std::string> arguments;
  for (std::size_t start = 0; start <= text.size();) {
    const std::size_t end = std::min(text.find('\n', start), text.size());
    arguments.emplace_back(text.substr(start, end - start));
    start = end + 1;
  }
  const std::vector<std::string> redacted = redact_arguments(arguments);
  FUZZ_CHECK(redacted.size() == arguments.size());
  if (arguments.size() > 1 && (arguments[0] == "-H" || arguments[0] == "--header")) {
    FUZZ_CHECK(redacted[1].find("****") != std::string::npos);  // the header's value is hidden
  }

  const std::string xml = report::xml_safe(text);
  FUZZ_CHECK(is_valid_utf8(xml));
  FUZZ_CHECK(xml_chars_allowed(xml));
  FUZZ_CHECK(!valid || !xml_chars_allowed(text) || xml == text);

  FUZZ_CHECK(userinfo_hidden(url_redacted));
  return 0;
}
