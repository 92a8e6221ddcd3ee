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
  static constexpr std::array parts{"token", "secret", "password", "passwd", "apikey", "api_key", "api-key",
                                    "auth", "credential", "session", "private", "access_key", "accesskey"};
  return std::any_of(parts.begin(), parts.end(), [&](const char* part) { return n.find(part) != std::string::npos; });
}

constexpr std::string_view url_end_chars = " \t\r\n\"'<>`";

// The query of one URL ("a=1&token=x"), with credential values replaced.
std::string redact_query(std::string_view query) {
  std::string out;
  std::size_t start = 0;
  while (start <= query.size()) {
    const std::size_t amp = query.find('&', start);
    const std::string_view pair = query.substr(start, amp == std::string_view::npos ? std::string_view::npos : amp - start);
    const std::size_t equals = pair.find('=');
    if (equals != std::string_view::npos && equals + 1 < pair.size() && is_credential_parameter(pair.substr(0, equals))) {
      out.append(pair.substr(0, equals + 1)).append("****");
    } else {
      out.append(pair);
    }
    if (amp == std::string_view::npos) break;
    out.push_back('&');
    start = amp + 1;
  }
  return out;
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
    std::size_t url_end = text.find_first_of(url_end_chars, authority);
    if (url_end == std::string_view::npos) url_end = text.size();
    const std::string_view url = text.substr(authority, url_end - authority);
    const std::size_t authority_end = std::min(url.find_first_of("/?#"), url.size());
    const std::string_view host_part = url.substr(0, authority_end);
    out.append(text.substr(pos, authority - pos));
    // Userinfo ends at the last '@' of the authority; each of its parts may be a credential.
    const std::size_t at = host_part.rfind('@');
    if (at != std::string_view::npos) {
      out.append(host_part.substr(0, at).find(':') != std::string_view::npos ? "****:****" : "****");
      out.append(host_part.substr(at));
    } else {
      out.append(host_part);
    }
    std::string_view rest = url.substr(authority_end);
    const std::size_t question = rest.find('?');
    if (question != std::string_view::npos) {
      const std::size_t hash = rest.find('#', question);
      out.append(rest.substr(0, question + 1));
      out.append(redact_query(rest.substr(question + 1, hash == std::string_view::npos ? std::string_view::npos
                                                                                          : hash - question - 1)));
      if (hash != std::string_view::npos) out.append(rest.substr(hash));
    } else {
      out.append(rest);
    }
    pos = url_end;
  }
  out.append(text.substr(pos));
  return out;
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

constexpr std::array secret_options{SecretOption{'H', "header", &redact_header}, SecretOption{'\0', "body", &hide_body}};

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

}  // namespace readygate
