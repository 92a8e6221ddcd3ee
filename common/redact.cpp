#include "redact.hpp"

#include <algorithm>
#include <array>
#include <cctype>

#include "utf8.hpp"

namespace readygate {
namespace {

std::string lower(std::string_view text) {
  std::string out(text);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

bool is_sensitive_header(std::string_view name) {
  const std::string n = lower(name);
  static constexpr std::array exact{"authorization", "proxy-authorization", "cookie", "set-cookie"};
  if (std::find(exact.begin(), exact.end(), n) != exact.end()) return true;
  static constexpr std::array parts{"token", "secret", "api-key", "apikey", "api_key", "password",
                                    "session", "auth"};
  return std::any_of(parts.begin(), parts.end(),
                     [&](const char* part) { return n.find(part) != std::string::npos; });
}

}  // namespace

std::string redact_secret(std::string_view secret) {
  const std::size_t keep = std::min<std::size_t>(4, secret.size() / 3);
  return std::string(truncate_utf8(secret, keep)) + "****";
}

std::string redact_url_credentials(std::string_view text) {
  std::string out;
  std::size_t pos = 0;
  while (true) {
    const std::size_t scheme = text.find("://", pos);
    if (scheme == std::string_view::npos) break;
    const std::size_t authority = scheme + 3;
    const std::size_t end = text.find_first_of("/?# \t\"'", authority);
    const std::string_view host_part = text.substr(authority, end == std::string_view::npos
                                                                  ? std::string_view::npos
                                                                  : end - authority);
    const std::size_t at = host_part.rfind('@');
    const std::size_t colon = host_part.find(':');
    out.append(text.substr(pos, authority - pos));
    if (at != std::string_view::npos && colon != std::string_view::npos && colon < at) {
      out.append(host_part.substr(0, colon + 1));
      out.append("****");
      out.append(host_part.substr(at));
    } else {
      out.append(host_part);
    }
    pos = authority + host_part.size();
  }
  out.append(text.substr(pos));
  return out;
}

std::string redact_header(std::string_view header) {
  const std::size_t colon = header.find(':');
  if (colon == std::string_view::npos || !is_sensitive_header(header.substr(0, colon))) {
    return std::string(header);
  }
  std::size_t value = colon + 1;
  while (value < header.size() && header[value] == ' ') ++value;
  return std::string(header.substr(0, value)) + redact_secret(header.substr(value));
}

std::string redact_argument(std::string_view argument) {
  if (argument.find("://") != std::string_view::npos) return redact_url_credentials(argument);
  return redact_header(argument);
}

}  // namespace readygate
