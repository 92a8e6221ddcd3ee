#include "http_syntax.hpp"

#include <algorithm>
#include <cctype>

#include "error.hpp"
#include "redact.hpp"

namespace readygate {
namespace {

bool is_token_char(unsigned char c) {
  static constexpr std::string_view extra = "!#$%&'*+-.^_`|~";
  return std::isalnum(c) || extra.find(static_cast<char>(c)) != std::string_view::npos;
}

bool is_token(std::string_view text) {
  return !text.empty() &&
         std::all_of(text.begin(), text.end(), [](char c) { return is_token_char(static_cast<unsigned char>(c)); });
}

}  // namespace

void check_header_syntax(std::string_view header, const std::string& where) {
  const std::size_t colon = header.find(':');
  if (colon == std::string_view::npos) throw_input_error(where + ": expected 'Name: value'");
  if (!is_token(header.substr(0, colon))) {
    throw_input_error(where + ": a header's name is letters, digits and !#$%&'*+-.^_`|~ (before the ':')");
  }
  const std::string_view value = header.substr(colon + 1);
  if (value.find_first_of(std::string_view("\r\n\0", 3)) != std::string_view::npos) {
    throw_input_error(where + ": header \"" + std::string(header.substr(0, colon)) +
                      "\" has a line break or NUL in its value (it would inject headers)");
  }
}

void check_method_syntax(std::string_view method, const std::string& where) {
  if (!is_token(method)) {
    throw_input_error(where + ": a method is one word of letters and !#$%&'*+-.^_`|~ (GET, POST, …), got \"" +
                      std::string(method.substr(0, 40)) + "\"" + (method.size() > 40 ? "…" : ""));
  }
}

std::string url_scheme(std::string_view url) {
  const std::size_t end = url.find("://");
  if (end == std::string_view::npos || end == 0) return "";
  std::string scheme(url.substr(0, end));
  std::transform(scheme.begin(), scheme.end(), scheme.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return scheme;
}

void check_url_characters(std::string_view url, const std::string& where) {
  const bool bad = std::any_of(url.begin(), url.end(), [](char c) {
    const auto byte = static_cast<unsigned char>(c);
    return byte <= 0x20 || byte == 0x7f;
  });
  if (bad) throw_input_error(where + ": '" + redact_url_credentials(url) + "' has a space or a control character");
}

void check_http_url(std::string_view url, const std::string& where) {
  const std::string scheme = url_scheme(url);
  if (scheme.empty())
    throw_input_error(where + ": '" + redact_url_credentials(url) + "' is not a URL (http:// or https://)");
  if (scheme != "http" && scheme != "https") {
    throw_input_error(where + ": unsupported scheme '" + scheme + "' in '" + redact_url_credentials(url) +
                      "' (http or https)");
  }
  check_url_characters(url, where);
}

}  // namespace readygate
