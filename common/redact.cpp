#include "redact.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <optional>

#include "utf8.hpp"

namespace readygate {
namespace {

std::string lower(std::string_view text) {
  std::string out(text);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

// A query parameter whose value is a credential by its name (api_key, access_token, sig, …).
bool is_credential_parameter(std::string_view name) {
  const std::string n = lower(name);
  static constexpr std::array exact{"sig", "signature", "code", "key", "pass", "pwd", "sas", "sv_sig"};
  if (std::find(exact.begin(), exact.end(), n) != exact.end()) return true;
  static constexpr std::array parts{"token", "secret",     "password", "passwd",  "apikey",     "api_key",  "api-key",
                                    "auth",  "credential", "session",  "private", "access_key", "accesskey"};
  return std::any_of(parts.begin(), parts.end(), [&](const char* part) { return n.find(part) != std::string::npos; });
}

constexpr std::string_view url_end_chars = " \t\r\n\"'<>`";
constexpr std::size_t max_url = 8192;  // a URL is looked at up to this long: text of many "://" stays linear

// Where the URL whose authority starts at `authority` ends (bounded by max_url).
std::size_t url_end_of(std::string_view text, std::size_t authority) {
  const std::string_view window = text.substr(authority, max_url);
  const std::size_t end = window.find_first_of(url_end_chars);
  return authority + (end == std::string_view::npos ? window.size() : end);
}

// The query of one URL ("a=1&token=x"), with credential values replaced. A '?' inside it
// starts a parameter too: a URL nested in a parameter brings its own query.
std::string redact_query(std::string_view query) {
  std::string out;
  std::size_t start = 0;
  while (start <= query.size()) {
    const std::size_t separator = query.find_first_of("&?", start);
    const std::string_view pair =
        query.substr(start, separator == std::string_view::npos ? std::string_view::npos : separator - start);
    const std::size_t equals = pair.find('=');
    if (equals != std::string_view::npos && equals + 1 < pair.size() &&
        is_credential_parameter(pair.substr(0, equals))) {
      out.append(pair.substr(0, equals + 1)).append("****");
    } else {
      out.append(pair);
    }
    if (separator == std::string_view::npos) break;
    out.push_back(query[separator]);
    start = separator + 1;
  }
  return out;
}

}  // namespace

std::size_t redacted_prefix_size(std::string_view secret) {
  return truncate_utf8(secret, std::min<std::size_t>(4, secret.size() / 3)).size();
}

std::string redact_secret(std::string_view secret) {
  return std::string(secret.substr(0, redacted_prefix_size(secret))) + "****";
}

std::string redact_url_credentials(std::string_view text) {
  // 1. Userinfo, at every "://" — a URL inside another's path or query too: each occurrence
  // marks its userinfo, and the marks are replaced in one pass. The searches after each
  // occurrence only move forward (cursors), and '@' is found by binary search, so text with
  // many "://" stays linear.
  std::vector<std::pair<std::size_t, std::size_t>> userinfo;  // [begin, end) to replace, ascending
  std::vector<std::size_t> ats;
  for (std::size_t i = text.find('@'); i != std::string_view::npos; i = text.find('@', i + 1)) ats.push_back(i);
  std::size_t next_end = 0, next_delimiter = 0;  // the first URL end / "/?#" at or after the cursor
  for (std::size_t scheme = text.find("://"); scheme != std::string_view::npos; scheme = text.find("://", scheme + 1)) {
    const std::size_t authority = scheme + 3;
    if (next_end < authority || next_end == 0) {
      next_end = text.find_first_of(url_end_chars, authority);
      if (next_end == std::string_view::npos) next_end = text.size();
    }
    if (next_delimiter < authority || next_delimiter == 0) {
      next_delimiter = text.find_first_of("/?#", authority);
      if (next_delimiter == std::string_view::npos) next_delimiter = text.size();
    }
    const std::size_t host_end = std::min({next_end, next_delimiter, authority + max_url});
    // The last '@' in [authority, host_end).
    const auto it = std::lower_bound(ats.begin(), ats.end(), host_end);
    if (it == ats.begin() || *std::prev(it) < authority) continue;
    const std::size_t at = *std::prev(it);
    if (!userinfo.empty() && userinfo.back().second > authority) continue;  // inside the previous one
    userinfo.emplace_back(authority, at);
  }
  std::string out;
  std::size_t pos = 0;
  for (const auto& [begin, end] : userinfo) {
    out.append(text.substr(pos, begin - pos));
    out.append(text.substr(begin, end - begin).find(':') != std::string_view::npos ? "****:****" : "****");
    pos = end;
  }
  out.append(text.substr(pos));
  // 2. Credential-like query parameters, after any '?' or '&' inside a URL.
  std::string result;
  pos = 0;
  while (true) {
    const std::size_t scheme = out.find("://", pos);
    if (scheme == std::string::npos) break;
    const std::size_t url_end = url_end_of(out, scheme + 3);
    const std::size_t question = std::string_view(out).substr(0, url_end).find('?', scheme + 3);
    if (question == std::string::npos) {
      result.append(out, pos, url_end - pos);
      pos = url_end;
      continue;
    }
    result.append(out, pos, question + 1 - pos);
    const std::size_t hash = std::string_view(out).substr(0, url_end).find('#', question);
    const std::size_t query_end = hash == std::string::npos ? url_end : hash;
    const std::string redacted = redact_query(std::string_view(out).substr(question + 1, query_end - question - 1));
    result.append(redacted);
    pos = query_end;
  }
  result.append(out, pos, std::string::npos);
  return result;
}

std::string redact_header(std::string_view header) {
  const std::size_t colon = header.find(':');
  if (colon == std::string_view::npos) return "****";
  std::size_t value = colon + 1;
  while (value < header.size() && (header[value] == ' ' || header[value] == '\t')) ++value;
  return redact_url_credentials(header.substr(0, value)) + "****";
}

namespace {

// An option whose value is secret: its short letter, its long name, and how to hide a value.
struct SecretOption {
  char letter;
  std::string_view name;
  std::string (*hide)(std::string_view);
};

std::string hide_body(std::string_view value) {
  return !value.empty() && value.front() == '@' ? std::string(value) : std::string("****");  // @FILE names a file
}

constexpr std::array secret_options{SecretOption{'H', "header", &redact_header},
                                    SecretOption{'\0', "body", &hide_body}};

// `arg` with the value of a secret option hidden, when it is one; `pending` is set when the
// value is the next argument.
std::optional<std::string> hide_secret_option(std::string_view arg, const SecretOption*& pending) {
  if (arg.size() > 2 && arg.substr(0, 2) == "--") {
    // --name, --name=value, or a prefix of the name (boost guesses unambiguous prefixes).
    const std::size_t equals = arg.find('=');
    const std::string_view name = arg.substr(2, equals == std::string_view::npos ? std::string_view::npos : equals - 2);
    for (const SecretOption& option : secret_options) {
      if (name.size() < 2 || option.name.substr(0, name.size()) != name) continue;
      if (equals == std::string_view::npos) {
        pending = &option;
        return std::string(arg);
      }
      return std::string(arg.substr(0, equals + 1)) + option.hide(arg.substr(equals + 1));
    }
    return std::nullopt;
  }
  if (arg.size() < 2 || arg[0] != '-' || arg[1] == '-') return std::nullopt;
  // A cluster of short options ("-qH…"): after a secret letter, the rest (or the next argument) is its value.
  for (std::size_t i = 1; i < arg.size(); ++i) {
    for (const SecretOption& option : secret_options) {
      if (option.letter != arg[i]) continue;
      if (i + 1 == arg.size()) {
        pending = &option;
        return std::string(arg);
      }
      const std::size_t value = i + 1 + (arg[i + 1] == '=' ? 1 : 0);
      return std::string(arg.substr(0, value)) + option.hide(arg.substr(value));
    }
  }
  return std::nullopt;
}

}  // namespace

std::vector<std::string> redact_arguments(const std::vector<std::string>& arguments) {
  std::vector<std::string> out;
  const SecretOption* pending = nullptr;
  bool positional_only = false;
  for (const std::string& arg : arguments) {
    if (pending) {
      out.push_back(pending->hide(arg));
      pending = nullptr;
      continue;
    }
    if (!positional_only) {
      if (arg == "--") {
        positional_only = true;
      } else if (auto hidden = hide_secret_option(arg, pending)) {
        out.push_back(std::move(*hidden));
        continue;
      }
    }
    out.push_back(redact_url_credentials(arg));
  }
  return out;
}

std::string mask_known_secret(std::string text, std::string_view secret) {
  if (secret.empty()) return text;
  for (std::size_t at = text.find(secret); at != std::string::npos; at = text.find(secret, at + 4))
    text.replace(at, secret.size(), "****");
  return text;
}

}  // namespace readygate
