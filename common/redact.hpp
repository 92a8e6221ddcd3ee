#pragma once
// Secrets never leave a readygate program in full: findings, logs, argv echoes and errors all
// pass through these. There is deliberately no way to turn them off.
#include <string>
#include <string_view>

namespace readygate {

// At most the first 4 characters survive (fewer for short secrets), then "****".
std::string redact_secret(std::string_view secret);

// "https://user:pass@host/" -> "https://user:****@host/"; text without credentials is unchanged.
std::string redact_url_credentials(std::string_view text);

// "Authorization: Bearer abc…" -> "Authorization: Bear****"; other headers unchanged.
std::string redact_header(std::string_view header);

// Either of the above, as fits: for echoing command-line arguments.
std::string redact_argument(std::string_view argument);

}  // namespace readygate
